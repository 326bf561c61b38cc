// The price-table picker (shipped tables, a table loaded from a file) and the
// banner shown when a table cannot be used: what went wrong (HTTP status,
// network, timeout, not JSON, or the engine's validation messages, each
// naming its JSON path), what the calculator does instead, and Retry.

import { $, setHidden, setText } from './dom.js';
import { engineMessage, t } from './i18n.js';
import { MAX_TABLE_KB, SHIPPED_TABLES, TIMEOUT_MS } from './prices.js';
import { cleanText, isolated } from './untrusted.js';

const LABEL = { 'prices/ciuic.json': 'pricesCiuic', 'prices/deepseek-v3.json': 'pricesDeepseek' };
const FILE_VALUE = 'file:';

/** source: {path} for a shipped table, {fileName} for a file. */
export function renderPicker(source) {
  const select = $('prices-choice');
  const options = SHIPPED_TABLES.map((path) => {
    const option = document.createElement('option');
    option.value = path;
    option.textContent = LABEL[path] ? t(LABEL[path]) : path;
    return option;
  });
  if (source && source.fileName) {
    const option = document.createElement('option');
    option.value = FILE_VALUE;
    option.textContent = t('pricesFileOption', { name: cleanText(source.fileName) });
    options.push(option);
  }
  select.replaceChildren(...options);
  select.value = source && source.fileName ? FILE_VALUE : (source && source.path) || SHIPPED_TABLES[0];
}

/** The shipped table chosen in the picker, or null for the file entry. */
export function pickedPath() {
  const value = $('prices-choice').value;
  return SHIPPED_TABLES.includes(value) ? value : null;
}

/**
 * problem: {error (PriceTableError or any), kind: 'fetch' | 'file'} or null.
 * For a fetch, the calculator now runs without a table; a bad file leaves
 * the previous table in use.
 */
export function renderPricesProblem(problem) {
  const box = $('prices-problem');
  if (!problem) {
    setHidden(box, true);
    setText($('prices-retry-status'), '');
    return;
  }
  const { error, kind } = problem;
  const code = error && error.code ? error.code : 'network';
  const path = cleanText(error && error.path ? error.path : '');
  let key = `pricesReason_${code}`;
  if (code === 'http' && error.status === 404) key = 'pricesReason_http404';
  if (t(key) === key) key = 'pricesReason_network';
  $('prices-problem-title').textContent = t(kind === 'file' ? 'pricesFileProblemTitle' : 'pricesProblemTitle');
  $('prices-problem-reason').textContent = t(key, {
    path, status: error && error.status, seconds: TIMEOUT_MS / 1000, max: MAX_TABLE_KB,
  });
  const errors = (error && error.errors) || [];
  $('prices-problem-errors').replaceChildren(...errors.slice(0, 12).map((item) => {
    const li = document.createElement('li');
    if (item.field) li.append(isolated(item.field, 'code'), ': ');
    li.append(engineMessage(item));
    return li;
  }));
  $('prices-problem-errors').hidden = errors.length === 0;
  $('prices-problem-fallback').textContent = t(kind === 'file' ? 'pricesFileKept' : 'pricesFallback');
  $('prices-retry').hidden = kind === 'file';
  $('prices-dismiss').hidden = kind !== 'file';
  box.hidden = false;
}

export function renderRetrying() {
  $('prices-retry-status').textContent = t('retrying');
}
