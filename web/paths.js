// Addresses that hold.js (before the body is parsed) and the page's modules
// both ask for: one spelling, so that hold.js's early requests are the ones
// the page uses. Imports nothing: hold.js stays small.

/** The tables shipped with the page; the first is the default (and is left out of links). */
export const SHIPPED_TABLES = ['prices/ciuic.json', 'prices/deepseek-v3.json'];
export const ENGINE_GLUE = 'engine/epochcost_engine.js';
export const ENGINE_WASM = 'engine/epochcost_engine.wasm';
