// The one entry point to the wasm engine: loads it once (cached promise) and
// exposes plain functions that take and return plain objects. The engine
// speaks JSON text and never throws; this module parses its answers. Engine
// errors ({ok:false, errors}) are returned as values; only a failure to load
// the engine throws, as an EngineError with a .code.
//
// The price table is an argument (its JSON text), because the page can
// change tables or run without one (a custom price). prices.js fetches and
// checks tables.

import { ENGINE_GLUE, ENGINE_WASM } from './paths.js';

const ENGINE_URL = new URL(`./${ENGINE_GLUE}`, import.meta.url);

export class EngineError extends Error {
  /**
   * @param {string} code  'engine_load_failed' (the only failure that throws)
   * @param {string} message  English detail for developers (not shown as-is to users)
   */
  constructor(code, message) {
    super(message);
    this.name = 'EngineError';
    this.code = code;
  }
}

let loading = null;

/**
 * Loads the engine once; later calls get the same promise. Resolves to
 * {answer, answerForm, estimate, exportAs, chat, priceTable, openLink, decodeLink, words}, each
 * taking the price table's JSON text ('' for none) where it needs one.
 */
export function loadEngine() {
  if (!loading) loading = init();
  return loading;
}

async function init() {
  const module = await loadModule();
  const text = (prices) => (typeof prices === 'string' ? prices : '');
  // One engine Calculator per price table: the table is parsed once, not on
  // every keystroke. Only the latest table is kept (a new one frees the old).
  let current = { prices: null, calculator: null };
  const on = (prices) => {
    const key = text(prices);
    if (current.prices !== key) {
      if (current.calculator) current.calculator.delete();
      current = { prices: key, calculator: new module.Calculator(key) };
    }
    return current.calculator;
  };
  const call = (name, answer) => parseAnswer(name, answer);
  return Object.freeze({
    /**
     * What the page shows for a configuration, in one call per keystroke:
     * {ok, estimate, comparison (null without a table), link: {query, config}}.
     * @param {string} prices table JSON text @param {object} config configuration (values as decimal text)
     */
    answer: (prices, config) => call('answer', on(prices).answer(JSON.stringify(config))),
    /**
     * The same for the form's values as they stand ({key: text, way, alternative}):
     * the engine picks the inputs in use and adds config (what they make) and
     * in_use (their keys), the latter also with errors.
     */
    answerForm: (prices, values) => call('answerForm', on(prices).answerForm(JSON.stringify(values))),
    /** The estimate alone (a configuration checked before it is shown). */
    estimate: (prices, config) => call('estimate', on(prices).estimate(JSON.stringify(config))),
    /** what: 'estimate' | 'compare'; format: 'csv' | 'md' | 'json'; lang: 'en' | 'zh'. */
    exportAs: (prices, config, what, format, lang) =>
      call('exportAs', on(prices).exportAs(JSON.stringify(config), what, format, lang)),
    /** The message for a chat (the CLI's --format chat): {ok, text}; link: the page's address for it. */
    chat: (prices, config, lang, link) => call('chat', on(prices).chat(JSON.stringify(config), lang, String(link))),
    priceTable: (prices) => call('priceTable', on(prices).table()),
    /** The form for a link: {values, from_link, problems, price_mismatch, settings}. */
    openLink: (prices, query) => call('openLink', on(prices).openLink(String(query).replace(/^\?/, ''))),
    /** @param {string} query the query string, with or without '?' */
    decodeLink: (query) => call('decodeLink', module.decodeLink(String(query).replace(/^\?/, ''))),
    /** A config.json's shape for the form: {ok, architecture, model: {...}, params} or {ok: false, errors}. */
    readModelConfig: (text) => call('readModelConfig', module.readModelConfig(String(text))),
    /**
     * Two tables' instances ranked together (docs/money.md): {ok, currency, rows:
     * [{provider, instance, instance_name, total, currency, ranked_total, cheapest}...]}, or
     * {ok: false, errors} (tables of different currencies without display_currency's rate).
     */
    compareTables: (pricesA, pricesB, config) =>
      call('compareTables', module.compareTables(text(pricesA), text(pricesB), JSON.stringify(config))),
    /** The words the page shares with the CLI (currency names, units): {en: {...}, zh: {...}}. */
    words: () => call('words', module.words()),
  });
}

const WASM_URL = new URL(`./${ENGINE_WASM}`, import.meta.url);

/**
 * Fetches and compiles the wasm while the engine's JS glue is imported (not
 * after it): both download at once, and streaming compilation starts as the
 * bytes arrive. For a link, hold.js has started both before main.js arrived.
 */
async function compileWasm() {
  // A link's wasm was fetched, and compiled as it arrived, by hold.js.
  const early = typeof window !== 'undefined' ? window.epochcostEarlyWasm : undefined;
  if (early) {
    const module = await early.module;
    if (module) return module;
  }
  let response;
  try {
    response = await (early ? early.response : fetch(WASM_URL, { credentials: 'same-origin' }));
  } catch (err) {
    throw new EngineError('engine_load_failed', `cannot fetch the engine: ${err && err.message}`);
  }
  if (!response.ok) throw new EngineError('engine_load_failed', `cannot fetch the engine: HTTP ${response.status}`);
  try {
    if (typeof WebAssembly.compileStreaming === 'function') {
      // A server that sends another MIME type makes streaming fail: read the bytes instead.
      return await WebAssembly.compileStreaming(response.clone())
        .catch(async () => WebAssembly.compile(await response.arrayBuffer()));
    }
    return await WebAssembly.compile(await response.arrayBuffer());
  } catch (err) {
    throw new EngineError('engine_load_failed', `cannot compile the engine: ${err && err.message}`);
  }
}

async function loadModule() {
  const compiled = compileWasm();
  compiled.catch(() => {}); // reported below, once
  let factory;
  try {
    factory = (await import(ENGINE_URL.href)).default;
  } catch (err) {
    throw new EngineError('engine_load_failed', `cannot import the engine: ${err && err.message}`);
  }
  let instantiated = null;
  const started = factory({
    locateFile: (path) => new URL(`./engine/${path}`, import.meta.url).href,
    // The module compiled above: the glue only instantiates it.
    instantiateWasm: (imports, done) => {
      instantiated = compiled.then((module) => WebAssembly.instantiate(module, imports));
      instantiated.then(done, () => {});
      return {};
    },
  });
  // A failed fetch or compile rejects here (the glue would wait for ever).
  await compiled;
  try {
    await instantiated;
    return await started;
  } catch (err) {
    throw new EngineError('engine_load_failed', `cannot start the engine: ${err && err.message}`);
  }
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
