// The one entry point to the wasm engine: loads it and the price table once
// (cached promise), and exposes plain functions that take and return plain
// objects. The engine speaks JSON text and never throws; this module parses
// its answers. Engine errors ({ok:false, errors}) are returned as values;
// only a failure to load (network, bad wasm, bad price table) throws, as an
// EngineError with a .code.

const ENGINE_URL = new URL('./engine/epochcost_engine.js', import.meta.url);
const PRICES_URL = new URL('./prices/ciuic.json', import.meta.url);

export class EngineError extends Error {
  /**
   * @param {string} code  'engine_load_failed' | 'prices_load_failed' | 'prices_invalid' | 'bad_response'
   * @param {string} message  English detail for developers (not shown as-is to users)
   * @param {Array<object>} errors  structured engine errors, when there are any
   */
  constructor(code, message, errors = []) {
    super(message);
    this.name = 'EngineError';
    this.code = code;
    this.errors = errors;
  }
}

let loading = null;

/**
 * Loads the engine and the price table once; later calls get the same promise.
 * Resolves to {estimate, priceTable, decodeLink, encodeLink, table}.
 */
export function loadEngine() {
  if (!loading) loading = init();
  return loading;
}

/** Plain async functions for callers that do not keep the engine object. */
export async function estimate(config) { return (await loadEngine()).estimate(config); }
export async function priceTable() { return (await loadEngine()).priceTable(); }
export async function decodeLink(query) { return (await loadEngine()).decodeLink(query); }
export async function encodeLink(config) { return (await loadEngine()).encodeLink(config); }

async function init() {
  const [module, pricesText] = await Promise.all([loadModule(), fetchPrices()]);
  const call = (name, ...args) => parseAnswer(name, module[name](...args));

  const tableAnswer = call('priceTable', pricesText);
  if (!tableAnswer.ok) {
    throw new EngineError('prices_invalid', 'the price table was rejected by the engine', tableAnswer.errors || []);
  }
  const table = tableAnswer.table;

  return Object.freeze({
    table,
    /** @param {object} config configuration keys -> decimal text */
    estimate: (config) => call('estimate', pricesText, JSON.stringify(config)),
    priceTable: () => tableAnswer,
    /** @param {string} query the query string, with or without '?' */
    decodeLink: (query) => call('decodeLink', String(query).replace(/^\?/, '')),
    encodeLink: (config) => call('encodeLink', JSON.stringify(config), pricesText),
  });
}

async function loadModule() {
  let factory;
  try {
    factory = (await import(ENGINE_URL.href)).default;
  } catch (err) {
    throw new EngineError('engine_load_failed', `cannot import the engine: ${err && err.message}`);
  }
  try {
    return await factory({
      locateFile: (path) => new URL(`./engine/${path}`, import.meta.url).href,
    });
  } catch (err) {
    throw new EngineError('engine_load_failed', `cannot start the engine: ${err && err.message}`);
  }
}

async function fetchPrices() {
  let response;
  try {
    response = await fetch(PRICES_URL, { cache: 'no-cache' });
  } catch (err) {
    throw new EngineError('prices_load_failed', `cannot fetch the price table: ${err && err.message}`);
  }
  if (!response.ok) {
    throw new EngineError('prices_load_failed', `price table: HTTP ${response.status}`);
  }
  return response.text();
}

function parseAnswer(name, text) {
  try {
    const value = JSON.parse(text);
    if (value && typeof value === 'object') return value;
  } catch {
    // fall through: the engine promised JSON, so this is a bug, reported as a value
  }
  return {
    ok: false,
    errors: [{ code: 'bad_response', field: 'config', params: { function: name },
      message_en: 'The engine gave an unreadable answer.', message_zh: '计算引擎返回了无法读取的结果。' }],
  };
}
