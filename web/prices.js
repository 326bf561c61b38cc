// Price tables: the shipped ones, fetching one by its same-origin path (with
// a timeout), reading one from a file the user picks, and checking either
// with the engine. Every failure becomes a PriceTableError whose code names
// the problem, so the page can say what went wrong in the reader's language.

import { SHIPPED_TABLES } from './paths.js';
import { MAX_TABLE_BYTES } from './state.js';

export { SHIPPED_TABLES };
export const DEFAULT_TABLE = SHIPPED_TABLES[0];

/** A table that does not answer within this time counts as failed (and can be retried). */
export const TIMEOUT_MS = 8000;

/**
 * The engine refuses larger tables before parsing (its schema's limit); a
 * file is refused before reading. In KB for messages.
 */
export const MAX_TABLE_KB = MAX_TABLE_BYTES / 1024;

export class PriceTableError extends Error {
  /**
   * @param {string} code 'http' | 'network' | 'timeout' | 'not_json' | 'invalid' | 'too_large' | 'unreadable'
   * @param {{path: string, status?: number, errors?: Array<object>}} details
   */
  constructor(code, { path, status, errors = [] }) {
    super(`price table ${path}: ${code}${status ? ` ${status}` : ''}`);
    this.name = 'PriceTableError';
    this.code = code;
    this.path = path;
    this.status = status;
    this.errors = errors;
  }
}

/**
 * Fetches a table's text by its path relative to the page ('prices/NAME.json').
 * early: the response promise of the same request made before (hold.js, for a link).
 */
export async function fetchPriceText(path, { timeoutMs = TIMEOUT_MS, early = null } = {}) {
  const url = new URL(path, import.meta.url);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const failed = () => new PriceTableError(controller.signal.aborted ? 'timeout' : 'network', { path });
  // The timeout holds for a request made early too, which this abort cannot cancel.
  const timedOut = new Promise((resolve, reject) => {
    controller.signal.addEventListener('abort', () => reject(new Error('timeout')));
  });
  timedOut.catch(() => {});
  try {
    let response;
    try {
      response = await Promise.race([early || fetch(url, { cache: 'no-cache', signal: controller.signal }), timedOut]);
    } catch {
      throw failed();
    }
    if (!response.ok) throw new PriceTableError('http', { path, status: response.status });
    try {
      return await response.text();
    } catch {
      throw failed();
    }
  } finally {
    clearTimeout(timer);
  }
}

/** Checks a table's text with the engine: {text, table}, or throws not_json / invalid. */
export function checkPriceText(engine, text, path) {
  const answer = engine.priceTable(text);
  if (answer.ok && answer.table) return { text, table: answer.table };
  const errors = answer.errors || [];
  const unreadable = errors.some((e) => e.code === 'malformed_json' || e.code === 'empty_input');
  const tooLarge = errors.some((e) => e.code === 'input_too_large');
  throw new PriceTableError(tooLarge ? 'too_large' : unreadable ? 'not_json' : 'invalid', { path, errors });
}

/** Fetches and checks a same-origin table. Resolves to {text, table, path}. */
export async function loadPriceTable(engine, path) {
  const text = await fetchPriceText(path);
  return { ...checkPriceText(engine, text, path), path };
}

/** Reads and checks a table from a file input. Resolves to {text, table, fileName}. */
export async function readPriceFile(engine, file) {
  const path = file.name;
  if (file.size > MAX_TABLE_BYTES) throw new PriceTableError('too_large', { path });
  let text;
  try {
    text = await file.text();
  } catch {
    throw new PriceTableError('unreadable', { path });
  }
  return { ...checkPriceText(engine, text, path), fileName: file.name };
}
