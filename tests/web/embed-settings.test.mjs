// The embed and theme settings come from the core's schema (web/schema.js,
// written by the build): the page accepts exactly its choices (and the old
// embed=true/yes links), names each in both languages in the Embed panel,
// and writes code that survives Markdown and MDX.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  EMBED_MODES, THEMES, hostScriptLine, iframeSnippet, parseEmbed, parseTheme,
} from '../../web/embed.js';
import { hasString, LANGS } from '../../web/i18n.js';
import SCHEMA from '../../web/schema.js';

const choices = (key) => SCHEMA.fields.find((f) => f.key === key).choices.split(',').map((c) => c.trim());

test('the embed modes and themes are the schema\'s choices', () => {
  assert.deepEqual(EMBED_MODES, choices('embed'));
  assert.deepEqual(THEMES, choices('theme'));
  assert.ok(EMBED_MODES.includes('figures') && THEMES.includes('auto'));
});

test('parseEmbed and parseTheme accept the schema\'s choices and refuse anything else', () => {
  for (const mode of EMBED_MODES) assert.deepEqual(parseEmbed(` ${mode.toUpperCase()} `), { mode, valid: true });
  for (const theme of THEMES) assert.deepEqual(parseTheme(theme), { theme, valid: true });
  // Old links: embed=true and embed=yes were the editable embed; 0/false/no are off.
  assert.deepEqual(parseEmbed('true'), { mode: EMBED_MODES[0], valid: true });
  assert.deepEqual(parseEmbed('no'), { mode: null, valid: true });
  assert.deepEqual(parseEmbed(undefined), { mode: null, valid: true });
  for (const bad of ['2', 'figure', 'readonly', '<b>']) assert.equal(parseEmbed(bad).valid, false, bad);
  for (const bad of ['black', 'darkmode', '1']) assert.deepEqual(parseTheme(bad), { theme: null, valid: false }, bad);
});

test('each mode and theme has its label in both languages', () => {
  for (const lang of LANGS) {
    for (const mode of EMBED_MODES) assert.ok(hasString(lang, `embedMode.${mode}`), `${lang}: embedMode.${mode}`);
    for (const theme of THEMES) assert.ok(hasString(lang, `theme.${theme}`), `${lang}: theme.${theme}`);
    for (const key of ['badEmbed', 'badTheme', 'openEditable', 'hostScriptLabel', 'hostScriptHint', 'snippetHint']) {
      assert.ok(hasString(lang, key), `${lang}: ${key}`);
    }
  }
});

test('the code is one raw HTML block line: a div holding the iframe, no style or class (MDX), the settings in its src', () => {
  const code = iframeSnippet('https://docs.example/calc/?i=a100x4&t=1.5&embed=1&theme=dark', { mode: 'figures', theme: 'dark', height: 212 });
  assert.equal(code,
    '<div><iframe src="https://docs.example/calc/?i=a100x4&t=1.5&embed=figures&theme=dark" '
    + 'title="Training cost calculator (epochcost)" width="100%" height="212" loading="lazy" frameBorder="0"></iframe></div>');
  assert.doesNotMatch(code, /\n|style=|class=/);
  const auto = iframeSnippet('https://docs.example/?i=a100x4', { mode: '1', theme: null, height: 700 });
  assert.match(auto, /src="https:\/\/docs\.example\/\?i=a100x4&embed=1"/);
  assert.equal(hostScriptLine('https://docs.example/calc/?i=a100x4'),
    '<script src="https://docs.example/calc/embed-host.js" async></script>');
  // Quotes and brackets in a configuration never break out of the attribute.
  assert.doesNotMatch(iframeSnippet('https://docs.example/?x="><script>', { mode: '1', height: 1 }), /"><script>/);
});
