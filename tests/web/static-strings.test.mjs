// One catalogue for the page's words: web/i18n.js holds them,
// the source index.html holds no second copy, and the built page (after
// scripts/static-strings.mjs and the prerender) reads exactly as the English
// catalogue, with every key in both languages. Needs scripts/build.sh.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { fillStaticStrings, readStaticStrings } from '../../scripts/static-strings.mjs';
import { STRINGS, staticStrings } from '../../web/i18n.js';

// The English text as the page shows it (figures such as the default MFU filled in from the schema).
const EN = staticStrings('en');

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SOURCE = fs.readFileSync(path.join(ROOT, 'web/index.html'), 'utf8');
const BUILT_PATH = path.join(ROOT, 'build/site/index.html');

function built() {
  assert.ok(fs.existsSync(BUILT_PATH), `${BUILT_PATH} is missing: run scripts/build.sh first`);
  return fs.readFileSync(BUILT_PATH, 'utf8');
}

test('every English key has a Chinese text, and every Chinese key an English one', () => {
  const en = Object.keys(STRINGS.en);
  const zh = Object.keys(STRINGS.zh);
  assert.deepEqual(en.filter((key) => !zh.includes(key)), [], 'English keys without Chinese');
  assert.deepEqual(zh.filter((key) => !en.includes(key)), [], 'Chinese keys without English');
  for (const lang of ['en', 'zh']) {
    for (const [key, text] of Object.entries(STRINGS[lang])) assert.ok(typeof text === 'string' && text.trim(), `${lang}.${key} is empty`);
  }
});

test('the source page holds no copy of the catalogue: its data-i18n elements are empty', () => {
  const { elements, attributes } = readStaticStrings(SOURCE);
  assert.ok(elements.length > 100, `only ${elements.length} data-i18n elements found`);
  assert.deepEqual(elements.filter((e) => e.text !== ''), [], 'data-i18n elements with text in web/index.html');
  assert.deepEqual(attributes.filter((a) => a.value !== undefined), [], 'data-i18n-attr attributes written in web/index.html');
});

test('the built page\'s static strings are the English catalogue\'s, and exist in Chinese', () => {
  const html = built();
  const { elements, attributes } = readStaticStrings(html);
  // A few (the price-table picker, the empty notes and plan) main.js redraws
  // from state in the prerender; the rest are as the build filled them.
  assert.ok(elements.length > 140, `only ${elements.length} data-i18n elements in the built page`);
  for (const { key, text } of elements) {
    assert.ok(Object.hasOwn(STRINGS.en, key), `data-i18n="${key}" has no English text`);
    assert.ok(Object.hasOwn(STRINGS.zh, key), `data-i18n="${key}" has no Chinese text`);
    assert.equal(text, EN[key], `data-i18n="${key}"`);
  }
  assert.ok(attributes.length > 0, 'the page has data-i18n-attr attributes');
  for (const { key, attr, value } of attributes) {
    assert.ok(Object.hasOwn(STRINGS.zh, key), `data-i18n-attr ${attr}:${key} has no Chinese text`);
    assert.equal(value, EN[key], `data-i18n-attr ${attr}:${key}`);
  }
  assert.equal(/<title>([^<]*)<\/title>/.exec(html)[1], STRINGS.en.pageTitle, 'the title');
});

test('the static text quotes the core\'s figures: no placeholder left, the memory factors from the schema', async () => {
  const { default: SCHEMA } = await import('../../web/schema.js');
  const { elements } = readStaticStrings(SOURCE);
  for (const lang of ['en', 'zh']) {
    const strings = staticStrings(lang);
    for (const { key } of elements) assert.doesNotMatch(strings[key], /\{\w+\}/, `${lang}.${key} keeps a placeholder`);
    // The memory explanation: every factor of the core's memory check, as the core states it.
    const memory = SCHEMA.constants.memory;
    assert.equal(Object.keys(memory).length, 11);
    for (const [name, value] of Object.entries(memory)) {
      assert.ok(STRINGS[lang].memoryAssumptions.includes(`{memory_${name}}`), `${lang} quotes ${name}`);
      assert.ok(strings.memoryAssumptions.includes(String(value)), `${lang}: ${name} = ${value}`);
    }
  }
  assert.equal(SCHEMA.constants.memory.nf4_bits_per_weight, '4.126953125', 'QLoRA: 4 + 8/64 + 32/(64 × 256) bits');
});

test('the build fills texts and attributes, escaped, and refuses markup inside a data-i18n element', () => {
  const strings = { a: 'x < y & z', b: 'say "hi"' };
  const html = '<p data-i18n="a"></p><textarea data-i18n-attr="aria-label:b" hidden></textarea>';
  const filled = fillStaticStrings(html, strings);
  assert.equal(filled, '<p data-i18n="a">x &lt; y &amp; z</p><textarea data-i18n-attr="aria-label:b" hidden aria-label="say &quot;hi&quot;"></textarea>');
  assert.deepEqual(readStaticStrings(filled).elements, [{ key: 'a', text: strings.a }]);
  assert.deepEqual(readStaticStrings(filled).attributes, [{ key: 'b', attr: 'aria-label', value: strings.b }]);
  assert.throws(() => fillStaticStrings('<p data-i18n="a"><b>old</b></p>', strings), /markup/);
  assert.throws(() => fillStaticStrings('<p data-i18n="missing"></p>', strings), /no English text for "missing"/);
});
