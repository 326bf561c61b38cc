// The CLI and the page spell currencies and units the same way:
// both take them from the engine's catalogue (core/src/words.cpp), the page
// through the words the build writes into index.html. Here the page's
// formatting, fed those words, is held against the native CLI's own text
// report, for CNY and USD, in English and Chinese. Needs scripts/build.sh.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

import { loadEngine, root } from '../wasm/engine_loader.mjs';
import { currencyUnit, formatHours, formatMoney, formatNumber, priceUnitShort } from '../../web/format.js';
import { STRINGS, setLanguage } from '../../web/i18n.js';
import { setWords, word, wordsInPage } from '../../web/words.js';

const CLI = path.join(root, 'build/native/cli/epochcost');
const BUILT = path.join(root, 'build/site/index.html');

/** The words in the built page's first-view block, read as the page reads them. */
function builtWords() {
  assert.ok(fs.existsSync(BUILT), `${BUILT} is missing: run scripts/build.sh first`);
  const text = /<script type="application\/json" id="first-view">([^<]*)<\/script>/.exec(fs.readFileSync(BUILT, 'utf8'))[1];
  return wordsInPage({ getElementById: () => ({ textContent: text }) });
}

// One configuration per shipped currency; the CLI's report of each.
const CASES = [
  { currency: 'CNY', prices: 'web/prices/ciuic.json', instance: 'a100x4', price: '20', perEpoch: '123.00' },
  { currency: 'USD', prices: 'web/prices/deepseek-v3.json', instance: 'h800x8', price: '2', perEpoch: '27.00' },
];

function cliReport(c, lang) {
  const config = JSON.stringify({ instance: c.instance, hours_per_epoch: '1.5', gpus: 4, data_cost_per_epoch: '2', ops_cost_per_epoch: '1', epochs: 10 });
  return execFileSync(CLI, ['--prices', path.join(root, c.prices), '--config', '-', '--lang', lang], { input: config, encoding: 'utf8' });
}

test('the built page carries the engine\'s words, in both languages', async () => {
  const engine = await loadEngine();
  const words = builtWords();
  assert.deepEqual(words, JSON.parse(engine.module.words()));
  assert.deepEqual(Object.keys(words.zh).sort(), Object.keys(words.en).sort());
});

for (const lang of ['en', 'zh']) {
  test(`the page writes currencies and units as the CLI does (${lang})`, () => {
    setWords(builtWords());
    setLanguage(lang);
    for (const c of CASES) {
      const report = cliReport(c, lang);
      const formula = report.split('\n').find((line) => line.startsWith('  = '));
      const unit = currencyUnit(c.currency);
      // The formula's compute term and its total, word for word.
      assert.ok(formula.startsWith(`  = ${formatHours('1.5')} × ${formatNumber(c.price)} ${priceUnitShort(c.currency)} × `),
        `${c.currency}: the CLI writes "${formula}"`);
      assert.ok(formula.endsWith(`= ${c.perEpoch} ${unit}`), `${c.currency}: the CLI writes "${formula}", the page "${unit}"`);
      if (lang === 'zh') {
        // In Chinese the page writes money as the CLI does: the number, then the word.
        assert.equal(formatMoney(c.perEpoch, c.currency, 2), `${c.perEpoch} ${unit}`);
      }
    }
  });
}

test('the Chinese words are 元 and 美元, as readers expect', () => {
  setWords(builtWords());
  setLanguage('zh');
  assert.equal(currencyUnit('CNY'), '元');
  assert.equal(currencyUnit('USD'), '美元');
  assert.equal(currencyUnit('JPY'), 'JPY');
});

test('the page\'s static hour label says what the engine\'s hour unit says', () => {
  // tUnit is a static label (the build writes it into index.html from
  // i18n.js, before any engine): it must stay the engine's word.
  setWords(builtWords());
  for (const lang of ['en', 'zh']) {
    setLanguage(lang);
    assert.equal(STRINGS[lang].tUnit, word('hours_unit'), lang);
  }
});
