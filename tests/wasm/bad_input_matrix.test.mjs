// The bad-input matrix through the real wasm engine under node:
// the same cells as tests/unit/bad_input_matrix_test.cpp, generated from the
// shared tests/fixtures/bad_inputs.json. Every cell gives its own error code
// naming its field (or its accepted value), byte-identical JSON to the native
// CLI, and nothing that would show as NaN, undefined or Infinity on the page;
// the instance keeps computing the seed afterwards. Then the link matrix
// through decodeLink, and the size limits.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { before, test } from 'node:test';

import { loadEngine, nativeEstimate, readSource, root } from './engine_loader.mjs';

const fixture = JSON.parse(readSource('tests/fixtures/bad_inputs.json'));
const PRICES = fixture.prices;
let engine;
let prices;

before(async () => {
  engine = await loadEngine();
  prices = readSource(PRICES);
});

// ---- Writing a configuration from [path, raw JSON] pairs (as the C++ test does) --------

function withField(pairs, field, raw) {
  const out = [];
  let placed = false;
  for (const [p, value] of pairs) {
    if (p !== field && !p.startsWith(`${field}.`)) {
      out.push([p, value]);
    } else if (!placed) {
      placed = true;
      if (raw !== null) out.push([field, raw]);
    }
  }
  if (!placed && raw !== null) out.push([field, raw]);
  return out;
}

function configText(pairs) {
  const members = new Map();  // insertion-ordered
  for (const [p, value] of pairs) {
    const dot = p.indexOf('.');
    const top = dot < 0 ? p : p.slice(0, dot);
    if (!members.has(top)) members.set(top, { raw: '', subs: [] });
    if (dot < 0) members.get(top).raw = value;
    else members.get(top).subs.push([p.slice(dot + 1), value]);
  }
  const parts = [];
  for (const [top, member] of members) {
    let value = member.raw;
    if (member.subs.length > 0) value = `{${member.subs.map(([sub, raw]) => `"${sub}": ${raw}`).join(', ')}}`;
    parts.push(`"${top}": ${value}`);
  }
  return `{${parts.join(', ')}}`;
}

const cellText = (field, raw) => configText(withField(fixture.bases[field.base], field.field, raw));

function expectation(field, variant) {
  if (variant.name === 'missing') return field.missing;
  if (field.expect && variant.name in field.expect) return field.expect[variant.name];
  return variant.expect[field.rule];
}

function expectedErrors(exp, field) {
  if (typeof exp === 'string') return [[exp, field]];
  return exp.errors ?? [];
}

// What the page would show, with the user's own text taken out (error
// params.value and key, and anything quoted in a message): none of it may
// read NaN, undefined or Infinity.
function assertNothingNonFinite(answer, context) {
  const scrubbed = JSON.parse(answer, (key, value) => {
    // A rate's source is the user's own text, echoed (it may well read "NaN").
    if (key === 'value' || key === 'key' || key === 'source') return '(user text)';
    if (typeof value === 'string' && key.startsWith('message_')) {
      return value.replace(/"[^"]*"/g, '""').replace(/“[^”]*”/g, '“”');
    }
    return value;
  });
  const text = JSON.stringify(scrubbed);
  assert.doesNotMatch(text, /NaN|undefined|Infinity/, `${context}: ${text.slice(0, 300)}`);
}

const pointer = (object, p) => p.split('/').slice(1).reduce((o, key) => (o === undefined ? undefined : o[key]), object);

test('both builders write the same configuration text (the fixture sample)', () => {
  const { sample } = fixture;
  const variant = fixture.variants.find((v) => v.name === sample.variant);
  assert.equal(configText(withField(fixture.bases[sample.base], sample.field, variant.raw)), sample.text);
});

test('configuration matrix: each cell gives its own error or value, byte-identical to the native CLI', (t) => {
  let cells = 0;
  for (const field of fixture.fields) {
    for (const variant of fixture.variants) {
      cells += 1;
      const name = `${field.field} (base ${field.base}) = ${variant.name}`;
      const text = cellText(field, variant.raw);
      const exp = expectation(field, variant);
      assert.ok(exp !== undefined && exp !== 'by_field', `${name}: no expectation`);

      const wasm = engine.estimate(prices, text);
      const native = nativeEstimate(PRICES, text);
      assert.equal(wasm, native.out.trimEnd(), `${name}: wasm and native differ`);
      assertNothingNonFinite(wasm, name);
      const result = JSON.parse(wasm);

      const errors = expectedErrors(exp, field.field);
      if (errors.length > 0) {
        assert.equal(result.ok, false, `${name}: accepted`);
        assert.equal(native.status, 2, `${name}: native exit status`);
        assert.deepEqual(result.errors.map((e) => [e.code, e.field]), errors, name);
        for (const error of result.errors) {
          assert.ok(error.message_en && error.message_zh, `${name}: empty message ${JSON.stringify(error)}`);
        }
        continue;
      }
      assert.equal(result.ok, true, `${name}: ${wasm.slice(0, 300)}`);
      assert.equal(native.status, 0, name);
      if (result.plan) assert.deepEqual(result.plan.errors, [], `${name}: plan`);
      if (exp.same_as !== undefined) {
        assert.equal(wasm, engine.estimate(prices, cellText(field, exp.same_as)), `${name}: not the same as ${exp.same_as}`);
      }
      for (const [p, value] of Object.entries(exp.check ?? {})) {
        assert.deepEqual(pointer(result, p), value, `${name}: ${p}`);
      }
    }
  }
  assert.equal(cells, fixture.fields.length * fixture.variants.length);
  t.diagnostic(`bad-input matrix (wasm): ${cells} configuration cells checked`);
  console.log(`bad-input matrix (wasm): ${cells} configuration cells checked against the native CLI`);
});

test('the instance still computes the seed after the matrix', () => {
  const result = JSON.parse(engine.estimate(prices, readSource('examples/seed.json')));
  assert.equal(result.per_epoch.total, '123.00');
  assert.equal(result.total, '1230.00');
});

// ---- Links ------------------------------------------------------------------------------

const baseLink = fixture.link.base.split('&').map((pair) => pair.split('='));
const fieldOf = Object.fromEntries(fixture.link.params.map((p) => [p.param, p.field]));

function linkWith(param, value) {
  let placed = false;
  const pairs = baseLink.map(([key, old]) => {
    if (key !== param) return `${key}=${old}`;
    placed = true;
    return `${key}=${value}`;
  });
  if (!placed) pairs.push(`${param}=${value}`);
  return pairs.join('&');
}

// A decoded field: "trial.steps" is config.trial.steps; "prices" is a page setting.
function decodedValue(decoded, field) {
  if (field === 'prices') return decoded.settings.prices;
  return field.split('.').reduce((o, key) => (o === undefined ? undefined : o[key]), decoded.config);
}

test('link matrix: each bad parameter costs only itself, through decodeLink', (t) => {
  let cells = 0;
  for (const p of fixture.link.params) {
    for (const variant of fixture.link.variants) {
      cells += 1;
      const name = `${p.param} = ${variant.name}`;
      const exp = variant.expect.all ?? p.expect?.[variant.name] ?? variant.expect[p.rule];
      const query = variant.name === 'duplicate' ? `${linkWith(p.param, p.valid)}&${p.param}=abc` : linkWith(p.param, variant.raw);
      const answer = engine.decodeLink(query);
      assertNothingNonFinite(answer, name);
      const decoded = JSON.parse(answer);

      for (const [key, value] of baseLink) {
        if (key !== p.param) assert.equal(decodedValue(decoded, fieldOf[key]), value, `${name}: lost ${key}`);
      }
      if (typeof exp === 'object') {
        assert.deepEqual(decoded.errors, [], name);
        assert.equal(decoded.ok, true, name);
        assert.equal(decodedValue(decoded, p.field), exp.value, name);
        continue;
      }
      const field = exp === 'bad_escape' || exp === 'duplicate_param' ? 'link' : p.field;
      assert.equal(decoded.ok, false, name);
      assert.deepEqual(decoded.errors.map((e) => [e.code, e.field, e.params.param]), [[exp, field, p.param]], name);
      assert.ok(decoded.errors[0].message_en && decoded.errors[0].message_zh, name);
      assert.equal(decodedValue(decoded, p.field), variant.name === 'duplicate' ? p.valid : undefined, name);
    }
  }
  assert.equal(cells, fixture.link.params.length * fixture.link.variants.length);
  t.diagnostic(`bad-input matrix (wasm): ${cells} link cells checked`);
  console.log(`bad-input matrix (wasm): ${cells} link cells checked`);
});

// ---- Sizes, refused before parsing ---------------------------------------------------------

test('a configuration above 16 KB is refused before parsing, as natively', () => {
  const seed = readSource('examples/seed.json');
  const close = seed.lastIndexOf('}');
  const atLimit = seed.slice(0, close) + ' '.repeat(16384 - seed.length) + seed.slice(close);
  assert.equal(Buffer.byteLength(atLimit), 16384);
  assert.equal(JSON.parse(engine.estimate(prices, atLimit)).total, '1230.00');

  for (const over of [`${atLimit} `, `{${'['.repeat(16384)}`]) {
    const wasm = engine.estimate(prices, over);
    assert.equal(wasm, nativeEstimate(PRICES, over).out.trimEnd());
    assert.deepEqual(JSON.parse(wasm).errors.map((e) => [e.code, e.field]), [['input_too_large', 'config']]);
  }
});

test('a price table above 256 KB is refused before parsing, as natively', () => {
  const atLimit = prices + ' '.repeat(262144 - Buffer.byteLength(prices));
  assert.equal(JSON.parse(engine.estimate(atLimit, readSource('examples/seed.json'))).total, '1230.00');
  const over = `${atLimit} `;
  const wasm = engine.estimate(over, readSource('examples/seed.json'));
  assert.deepEqual(JSON.parse(wasm).errors.map((e) => [e.code, e.field]), [['input_too_large', 'prices']]);
  assert.deepEqual(JSON.parse(engine.priceTable('{'.repeat(262145))).errors.map((e) => e.code), ['input_too_large']);

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'epochcost-'));
  try {
    const file = path.join(dir, 'too-large.json');
    fs.writeFileSync(file, over);
    assert.equal(wasm, nativeEstimate(path.relative(root, file), readSource('examples/seed.json')).out.trimEnd());
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a query string above 2 KB is refused before decoding', () => {
  const seedLink = 'i=a100x4&t=1.5&p=20&n=4&d=2&m=1&e=10';
  const atLimit = seedLink + '&'.repeat(2048 - seedLink.length);
  assert.equal(JSON.parse(engine.decodeLink(`?${atLimit}`)).config.hours_per_epoch, '1.5');
  for (const over of [`${atLimit}&`, '%'.repeat(2049)]) {
    const decoded = JSON.parse(engine.decodeLink(over));
    assert.deepEqual(decoded.errors.map((e) => [e.code, e.field]), [['input_too_large', 'link']]);
    assert.deepEqual(decoded.config, {});
  }
});
