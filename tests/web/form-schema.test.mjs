// The page's form holds every input of the core's schema: a control named by
// its link parameter (as a form names its query's), inside the calculator's
// form, with a label whose text the catalogue gives in both languages. A new
// schema row without its control or its labels fails here. Reads the page's
// source (web/index.html) and the schema module the build wrote.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';

import { hasString, LANGS } from '../../web/i18n.js';
import SCHEMA from '../../web/schema.js';

const html = fs.readFileSync(new URL('../../web/index.html', import.meta.url), 'utf8');
const form = html.slice(html.indexOf('<form id="calc"'), html.indexOf('</form>'));
// flops.method has no control of its own: training.method's select took its
// place, and a link's fm opens in it (the engine's openLink).
const SUPERSEDED = new Set(['flops.method']);
const inputs = SCHEMA.fields.filter((field) => field.group !== 'page' && !SUPERSEDED.has(field.key));

/** The control named `name` in the form: its tag and id (a list's: its fieldset of checkboxes). */
function control(name) {
  const list = new RegExp(`<fieldset\\b[^>]*\\bid="${name}"[^>]*>\\s*<legend\\b[^>]*>`).exec(form);
  if (list) return { tag: 'fieldset', id: name, legend: list[0] };
  const match = new RegExp(`<(input|select)\\b[^>]*\\bname="${name}"[^>]*>`).exec(form);
  if (!match) return null;
  const id = /\bid="([^"]+)"/.exec(match[0]);
  return { tag: match[1], id: id && id[1] };
}

test('every input of the schema has a control named by its link parameter', () => {
  assert.ok(inputs.length >= 24);
  for (const field of inputs) {
    const found = control(field.link);
    assert.ok(found, `${field.key}: no control named "${field.link}" in the form`);
    assert.ok(found.id, `${field.key}: its control has no id`);
    if (field.kind === 'choice') assert.equal(found.tag, 'select', `${field.key} is a choice`);
    if (field.kind === 'list') {
      // One checkbox per choice, named by the parameter.
      for (const choice of field.choices.split(', ')) {
        assert.match(form, new RegExp(`<input type="checkbox" name="${field.link}"[^>]*value="${choice}"`), `${field.key}: ${choice}`);
      }
    }
  }
  const superseded = SCHEMA.fields.filter((field) => SUPERSEDED.has(field.key));
  for (const field of superseded) assert.equal(control(field.link), null, `${field.key} has a control again`);
});

test('every input\'s control has a label, in both languages', () => {
  for (const field of inputs) {
    const { id, legend } = control(field.link);
    const label = legend ? [legend] : new RegExp(`<label\\b[^>]*\\bfor="${id}"[^>]*>`).exec(form);
    assert.ok(label, `${field.key}: no <label for="${id}">`);
    const key = /\bdata-i18n="([^"]+)"/.exec(label[0]);
    assert.ok(key, `${field.key}: its label is not translated (no data-i18n)`);
    for (const lang of LANGS) assert.ok(hasString(lang, key[1]), `${field.key}: no ${lang} string "${key[1]}"`);
  }
});

test('no control in the form is named like an input the schema does not have', () => {
  const links = new Set(SCHEMA.fields.map((field) => field.link));
  const page = new Set(['way', 'trial-mode', 'prices-choice', 'prices-file']);
  for (const [, name] of form.matchAll(/<(?:input|select)\b[^>]*\bname="([^"]+)"/g)) {
    assert.ok(links.has(name) || page.has(name), `control "${name}" is no schema input`);
  }
});
