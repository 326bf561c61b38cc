// Computes, at build time and with the real wasm engine, the answers the page
// would compute for a plain opening (the seed example on the default price
// table), and writes them into the built index.html as a JSON data block.
// The page shows them before the engine has loaded, so the first estimate
// does not wait for ~64 KB of wasm; the engine then recomputes the same
// answers (a browser test checks that nothing on screen changes).
//   node scripts/first-view.mjs SITE_DIR ENGINE_DIR
import fs from 'node:fs';
import path from 'node:path';

import { DEFAULT_TABLE } from '../web/prices.js';

const [siteDir, engineDir] = process.argv.slice(2);
const MARKER = '<script type="application/json" id="first-view"></script>';

const { default: create } = await import(path.resolve(engineDir, 'epochcost_engine.js'));
// The glue is built for the web; under node it gets the bytes, not a URL.
const engine = await create({ wasmBinary: fs.readFileSync(path.join(engineDir, 'epochcost_engine.wasm')) });

const answer = (name, text) => {
  const value = JSON.parse(text);
  if (!value.ok) throw new Error(`first view: ${name} failed: ${text}`);
  return value;
};

const prices = fs.readFileSync(path.join(siteDir, DEFAULT_TABLE), 'utf8');
const calculator = new engine.Calculator(prices);
const { table } = answer('table', calculator.table());
// The same steps as the page's: its starting form (an empty link opens on
// the examples), then its answer.
const { values } = answer('openLink', calculator.openLink(''));
const {
  estimate, comparison, link, config, in_use: inUse,
} = answer('answerForm', calculator.answerForm(JSON.stringify(values)));
const { query, config: normalised } = link;
calculator.delete();

// The words the page shares with the CLI (currency names, units) come from
// the engine's catalogue too, so that the page needs no copy of them.
const words = JSON.parse(engine.words());
const view = {
  path: DEFAULT_TABLE, table, values, in_use: inUse, config, estimate, comparison, query, normalised, words,
};
// "<" escaped: the data block can never close its own <script> element.
const block = MARKER.replace('></', `>${JSON.stringify(view).replace(/</g, '\\u003c')}</`);

const index = path.join(siteDir, 'index.html');
const html = fs.readFileSync(index, 'utf8');
if (!html.includes(MARKER)) throw new Error(`first view: ${index} has no ${MARKER}`);
fs.writeFileSync(index, html.replace(MARKER, block));
console.log(`first view: ${estimate.per_epoch.total} ${estimate.currency} per epoch, ${estimate.total} in total`
  + ` (${block.length} bytes in index.html)`);
