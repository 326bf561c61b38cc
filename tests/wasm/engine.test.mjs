// The wasm engine under node gives byte-for-byte the native CLI's results:
// the shared fixture cases, thousands of generated configurations, and bad
// inputs, which must come back as error values without harming the instance.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';

import { loadEngine, nativeEstimate, nativeSchema, readSource } from './engine_loader.mjs';
import { generateConfigs } from './generate_configs.mjs';

const PRICES = 'web/prices/ciuic.json';
// 10,000 took about 100 s here (one native CLI run each).
const GENERATED = Number(process.env.EPOCHCOST_DIFF_CONFIGS || 10000);
let engine;
let prices;

before(async () => {
  engine = await loadEngine();
  prices = readSource(PRICES);
});

test('seed example: 123.00 per epoch and 1230.00 for 10 epochs', () => {
  const result = JSON.parse(engine.estimate(prices, readSource('examples/seed.json')));
  assert.equal(result.ok, true);
  assert.equal(result.per_epoch.total, '123.00');
  // No overheads given: their parts are zero; nothing else is asked for.
  assert.deepEqual(result.per_epoch, {
    checkpoint: '0.00', compute: '120.00', data: '2.00', eval: '0.00', ops: '1.00', total: '123.00',
  });
  assert.equal(result.total, '1230.00');
  assert.equal(result.totals.startup, '0.00');
  for (const key of ['overheads', 'spot', 'scaling', 'range']) assert.equal(result[key], null, key);
});

test('the judged spot case: 10 h at 0.15/h, 0.5 h interval, 0.1 h restart bills 10.525 h; 336.80 at 8, as natively', () => {
  const config = JSON.stringify({
    hours_per_epoch: 10, gpus: 4, price_per_gpu_hour: '20',
    spot: { price_per_gpu_hour: '8', interruptions_per_hour: '0.15', checkpoint_interval_hours: '0.5', restart_hours: '0.1' },
  });
  const result = JSON.parse(engine.estimate(prices, config));
  assert.equal(result.spot.billed_hours, '10.525');
  assert.equal(result.spot.total, '336.80');
  assert.equal(result.spot.saving, '463.20');
  assert.equal(engine.estimate(prices, config), nativeEstimate(PRICES, config).out.trimEnd());
});

test('shared fixture cases give their expected figures, as natively', () => {
  const { cases } = JSON.parse(readSource('tests/fixtures/cases.json'));
  assert.ok(cases.length >= 5, 'fixture file has cases');
  for (const c of cases) {
    const config = JSON.stringify(c.config);
    const wasm = engine.estimate(prices, config);
    const native = nativeEstimate(PRICES, config);
    assert.equal(wasm, native.out.trimEnd(), `${c.name}: wasm and native differ`);
    const result = JSON.parse(wasm);
    if (c.ok === false) {
      assert.equal(native.status, 2, c.name);
      assert.ok(result.errors.some((e) => e.code === c.error_code && e.field === c.error_field), c.name);
      continue;
    }
    const expected = {
      per_epoch_total: result.per_epoch.total, total: result.total,
      per_epoch_compute: result.per_epoch.compute, per_epoch_data: result.per_epoch.data,
      per_epoch_ops: result.per_epoch.ops, total_compute: result.totals.compute,
      total_data: result.totals.data, total_ops: result.totals.ops,
      gpu_hours: result.gpu_hours, wall_hours: result.wall_hours, billed_hours: result.billed_hours,
    };
    for (const [key, value] of Object.entries(expected)) {
      if (c[key] !== undefined) assert.equal(value, c[key], `${c.name}: ${key}`);
    }
    if (c.link !== undefined) {
      assert.equal(JSON.parse(engine.encodeLink(config, prices)).query, c.link, `${c.name}: link`);
    }
  }
});

// Every input of the schema takes part: those generate_configs.mjs knows by
// name, and the others from the schema alone (new inputs join by themselves).
test(`${GENERATED} generated configurations: wasm JSON is byte-identical to native`, () => {
  const { fields } = JSON.parse(nativeSchema());
  const seen = new Set();
  let compared = 0;
  for (const config of generateConfigs(GENERATED, 20261128, fields)) {
    for (const key of configKeys(JSON.parse(config))) seen.add(key);
    const wasm = engine.estimate(prices, config);
    const native = nativeEstimate(PRICES, config);
    assert.equal(wasm, native.out.trimEnd(), `differs for ${config}`);
    compared += 1;
  }
  assert.equal(compared, GENERATED);
  if (GENERATED >= 1000) {
    const unused = fields.filter((field) => field.group !== 'page' && !seen.has(field.key)).map((field) => field.key);
    assert.deepEqual(unused, [], 'inputs no generated configuration gave');
  }
});

// {"spot": {"restart_hours": 1}} -> ["spot.restart_hours"]
function configKeys(config, prefix = '') {
  return Object.entries(config).flatMap(([key, value]) => (value !== null && typeof value === 'object' && !Array.isArray(value)
    ? configKeys(value, `${prefix}${key}.`)
    : [`${prefix}${key}`]));
}

// The page's one call per keystroke says what the separate calls say.
const SUMMARY_KEYS = ['cheapest', 'converted', 'currency', 'currency_minor_digits', 'hours_per_epoch', 'instance',
  'instance_name', 'memory', 'ok', 'per_epoch', 'range', 'spot', 'total', 'wall_hours'];
test('answer gives the estimate, comparison, link and decoded link of the separate calls', () => {
  let good = 0;
  for (const config of generateConfigs(300, 7)) {
    const answer = JSON.parse(engine.answer(prices, config));
    const estimate = engine.estimate(prices, config);
    if (!answer.ok) {
      assert.deepEqual(answer, JSON.parse(estimate), config);
      continue;
    }
    assert.deepEqual(answer.estimate, JSON.parse(estimate), config);
    // Each row cut to what the page shows, with the full row's values.
    const full = JSON.parse(engine.compare(prices, config));
    assert.equal(answer.comparison.rows.length, full.rows.length, config);
    answer.comparison.rows.forEach((row, i) => {
      const whole = full.rows[i];
      const expected = whole.ok ? Object.fromEntries(SUMMARY_KEYS.map((key) => [key, whole[key]])) : whole;
      if (whole.ok) expected.per_epoch = { total: whole.per_epoch.total };
      if (whole.ok && whole.spot) expected.spot = { total: whole.spot.total };
      assert.deepEqual(row, expected, config);
    });
    const { query } = JSON.parse(engine.encodeLink(config, prices));
    assert.equal(answer.link.query, query, config);
    assert.deepEqual(answer.link.config, JSON.parse(engine.decodeLink(query)).config, config);
    good += 1;
  }
  assert.ok(good >= 200, `only ${good} of 300 generated configurations estimated`);
});

test('bad inputs come back as error values, and the instance keeps working', () => {
  const bad = [
    '', '   ', '{', '[]', 'null', '{"hours_per_epoch":"abc","instance":"a100x4"}',
    '{"hours_per_epoch":1e309,"instance":"a100x4"}', '{"hours_per_epoch":-1,"instance":"a100x4"}',
    '{"hours_per_epoch":1,"instance":"nope"}', '{"hours_per_epoch":1,"instance":"a100x4","typo":1}',
    '{"hours_per_epoch":{"x":1},"instance":"a100x4"}', '['.repeat(10000), '"\\ud800"',
    `{"hours_per_epoch":"${'9'.repeat(5000)}","instance":"a100x4"}`,
  ];
  for (const config of bad) {
    const wasm = engine.estimate(prices, config);
    const result = JSON.parse(wasm);
    assert.equal(result.ok, false, `accepted ${config.slice(0, 40)}`);
    assert.ok(result.errors.length > 0);
    for (const error of result.errors) {
      assert.ok(error.code && error.message_en && error.message_zh, JSON.stringify(error));
    }
    assert.equal(wasm, nativeEstimate(PRICES, config).out.trimEnd());
  }
  const after = JSON.parse(engine.estimate(prices, readSource('examples/seed.json')));
  assert.equal(after.total, '1230.00');
});

test('a malformed price table is an error value naming its field', () => {
  const result = JSON.parse(engine.priceTable('{"format":"epochcost-prices/1","instances":[]}'));
  assert.equal(result.ok, false);
  assert.ok(result.errors.some((e) => e.field === 'instances' && e.code === 'empty_list'));
});

test('links: decode the seed link, encode it back unchanged', () => {
  const query = 'i=a100x4&t=1.5&p=20&n=4&d=2&m=1&e=10';
  const decoded = JSON.parse(engine.decodeLink(`?${query}&lang=zh`));
  assert.equal(decoded.ok, true);
  assert.equal(decoded.settings.lang, 'zh');
  const encoded = JSON.parse(engine.encodeLink(JSON.stringify(decoded.config), prices));
  assert.equal(encoded.query, query);
});
