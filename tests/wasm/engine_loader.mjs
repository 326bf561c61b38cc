// Loads the real wasm engine (build/wasm) under node, and runs the native
// CLI (build/native) on the same inputs, for differential tests.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const engineDir = path.join(root, 'build/wasm/wasm');
const cli = path.join(root, 'build/native/cli/epochcost');

export function readSource(relative) {
  return fs.readFileSync(path.join(root, relative), 'utf8');
}

export async function loadEngine() {
  const js = path.join(engineDir, 'epochcost_engine.js');
  if (!fs.existsSync(js) || !fs.existsSync(cli)) {
    throw new Error('build/wasm or build/native is missing: run scripts/build.sh first');
  }
  const { default: create } = await import(js);
  // Node 20's fetch would treat a file path as a URL: hand over the bytes.
  const module = await create({ wasmBinary: fs.readFileSync(path.join(engineDir, 'epochcost_engine.wasm')) });
  return withTableFunctions(module);
}

// The engine holds one Calculator per price table; the tests speak in
// (prices, config) pairs, so keep a Calculator per table text, as the page does.
function withTableFunctions(module) {
  const calculators = new Map();
  const calculator = (prices) => {
    if (!calculators.has(prices)) calculators.set(prices, new module.Calculator(prices));
    return calculators.get(prices);
  };
  return {
    module,
    answer: (prices, config) => calculator(prices).answer(config),
    answerForm: (prices, values) => calculator(prices).answerForm(values),
    estimate: (prices, config) => calculator(prices).estimate(config),
    compare: (prices, config) => calculator(prices).compare(config),
    exportAs: (prices, config, what, format, lang) => calculator(prices).exportAs(config, what, format, lang),
    encodeLink: (config, prices) => calculator(prices).encodeLink(config),
    priceTable: (prices) => calculator(prices).table(),
    decodeLink: (query) => module.decodeLink(query),
    openLink: (prices, query) => calculator(prices).openLink(query),
    schema: () => module.schema(),
  };
}

// The CLI's `schema --json`.
export function nativeSchema() {
  return execFileSync(cli, ['schema', '--json'], { encoding: 'utf8' });
}

// The CLI's --json output for a configuration text, with its exit status.
export function nativeEstimate(pricesPath, configText) {
  const args = ['--json', '--config', '-'];
  if (pricesPath) args.unshift('--prices', path.join(root, pricesPath));
  try {
    return { status: 0, out: execFileSync(cli, args, { input: configText, encoding: 'utf8' }) };
  } catch (error) {
    return { status: error.status, out: error.stdout };
  }
}
