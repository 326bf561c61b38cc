// web/i18n.js fill() scans templates by hand (it runs some twenty times a
// keystroke): it must fill exactly as the regular expression it replaced,
// /\{(\w+)\}/g, did: known names filled, anything else left as written.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fill } from '../../web/i18n.js';

const byRegExp = (template, params) => template.replace(/\{(\w+)\}/g, (whole, name) =>
  (Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole));

test('fills as the regular expression did, on awkward templates', () => {
  const params = { n: 4, hours: '1.5', a: 'x', b: 0, empty: '', brace: '{n}' };
  const templates = ['', 'plain', '{n}', '{n} GPU', 'N = {n}, T = {hours} h', '{{n}}', '{a{b}', '{a}{b}{c}', '{unknown} and {n}',
    '{', '}', '{}', '{ n }', 'tail {n', '{n}}', '{empty}|', '{brace}', '{toString}', '{__proto__}', 'x{hours}y{hours}z'];
  for (const template of templates) assert.equal(fill(template, params), byRegExp(template, params), template);
});

test('a template without placeholders comes back as it is', () => {
  const template = 'Compare every instance';
  assert.equal(fill(template, {}), template);
});
