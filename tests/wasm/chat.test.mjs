// The message for a chat: the wasm engine (the page's "Copy for chat") and
// the native CLI's --format chat give the same text for generated
// configurations, in both languages; errors come back as values.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { before, test } from 'node:test';

import { loadEngine, readSource, root } from './engine_loader.mjs';
import { generateConfigs } from './generate_configs.mjs';

const PRICES = 'web/prices/ciuic.json';
const SITE = 'https://example.org/epochcost/';
let engine;
let prices;

before(async () => {
  engine = await loadEngine();
  prices = readSource(PRICES);
});

function nativeChat(config, lang) {
  try {
    return execFileSync(path.join(root, 'build/native/cli/epochcost'),
      ['--prices', path.join(root, PRICES), '--config', '-', '--format', 'chat', '--site', SITE, '--lang', lang],
      { input: config, encoding: 'utf8' });
  } catch (error) {
    return { status: error.status };
  }
}

test('generated configurations: the engine writes the CLI\'s message, in English and Chinese', () => {
  let compared = 0;
  const calculator = new engine.module.Calculator(prices);
  for (const config of generateConfigs(150, 20261204)) {
    const link = JSON.parse(engine.encodeLink(config, prices));
    for (const lang of ['en', 'zh']) {
      const native = nativeChat(config, lang);
      const answer = JSON.parse(calculator.chat(config, lang, `${SITE}?${link.query}&lang=${lang}`));
      if (!link.ok) {
        assert.equal(answer.ok, false, config);
        assert.equal(native.status, 2, config);
        continue;
      }
      assert.equal(answer.ok, true, config);
      assert.equal(answer.text, native, config);
      compared += 1;
    }
  }
  calculator.delete();
  assert.ok(compared > 100, `${compared} messages compared`);
});

test('a bad configuration is an error value naming the field, and the instance still answers', () => {
  const calculator = new engine.module.Calculator(prices);
  const bad = JSON.parse(calculator.chat('{"instance":"a100x4","hours_per_epoch":"abc"}', 'zh', SITE));
  assert.equal(bad.ok, false);
  assert.equal(bad.errors[0].field, 'hours_per_epoch');
  const good = JSON.parse(calculator.chat(readSource('examples/seed.json'), 'en', SITE));
  assert.match(good.text, /^Per epoch: 123\.00 CNY; total for 10 epochs: 1,230\.00 CNY$/m);
  calculator.delete();
});
