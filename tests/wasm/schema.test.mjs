// The schema and link opening in the wasm engine: the schema is byte for byte
// the native CLI's, and the page's own path for a shared link (openLink, then
// answerForm on the values it gave) reopens every link made before the
// schema to the figures it gave then.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';

import { readLink } from '../../web/state.js';
import { loadEngine, nativeSchema, readSource } from './engine_loader.mjs';

let engine;
let prices;
// The page's engine wrapper (web/engine.js) parses the answers; so does this.
let page;

before(async () => {
  engine = await loadEngine();
  prices = readSource('web/prices/ciuic.json');
  page = {
    openLink: (text, query) => JSON.parse(engine.openLink(text, query.replace(/^\?/, ''))),
    answerForm: (text, values) => JSON.parse(engine.answerForm(text, JSON.stringify(values))),
  };
});

test('the engine\'s schema is the native CLI\'s, and lists every input with key, link, kind, unit and default', () => {
  const text = engine.schema();
  assert.equal(text, nativeSchema().trimEnd());
  const { fields } = JSON.parse(text);
  assert.ok(fields.length >= 24);
  for (const field of fields) {
    for (const name of ['key', 'link', 'kind', 'unit', 'default']) assert.ok(name in field, `${field.key}: ${name}`);
  }
  assert.equal(fields.find((f) => f.key === 'flops.mfu').default, '0.35');
});

test('every link made before the schema reopens on the page to the figures it gave then', () => {
  // A link without an instance opens on the table's example instance when a
  // table is loaded, as it always has; those are checked by the engine alone
  // (tests/unit/old_fixtures_test.cpp).
  const links = JSON.parse(readSource('tests/fixtures/old_links_and_configs.json')).links
    .filter((item) => item.link.split('&').some((pair) => pair.startsWith('i=')));
  assert.ok(links.length >= 15);
  for (const item of links) {
    const link = readLink(page, item.link, { text: prices, table: {} });
    assert.deepEqual(link.problems, [], item.link);
    const answer = page.answerForm(prices, link.values);
    assert.equal(answer.ok, true, `${item.link}: ${JSON.stringify(answer.errors)}`);
    assert.equal(answer.estimate.per_epoch.total, item.per_epoch_total, item.link);
    assert.equal(answer.estimate.total, item.total, item.link);
    // The address the page writes for it is the link itself.
    assert.equal(answer.link.query, item.link);
  }
});

test('a damaged link opens with one problem per bad value and the value used instead', () => {
  const link = readLink(page, '?i=h100x8&t=-1&e=3&zz=1', { text: prices, table: {} });
  const byParam = Object.fromEntries(link.problems.map((p) => [p.params.param, p]));
  assert.equal(byParam.t.code, 'negative');
  assert.equal(byParam.t.fallback, '1.5');
  assert.equal(byParam.i.code, 'unknown_instance');
  assert.equal(byParam.i.fallback, 'a100x4');
  assert.equal(byParam.zz.code, 'unknown_param');
  assert.equal(link.values.epochs, '3');
  assert.ok(link.problems.every((p) => p.message_en && p.message_zh));
});
