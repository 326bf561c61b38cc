// The Embed panel: the code for an embed of the configuration on screen, in
// the mode (editable or read-only) and theme the author picks, the host
// script's one line, and a live preview of exactly that code. The preview
// reports its height like any embed; the code's height is the preview's, so
// a page without the host script shows the frame whole at the preview's width.

import { $ } from './dom.js';
import {
  EMBED_MODES, HEIGHT_MESSAGE, THEMES, hostScriptLine, iframeSnippet,
} from './embed.js';
import { t } from './i18n.js';

const EDITABLE = EMBED_MODES[0];
// The theme a link without theme= has: the reader's colour scheme.
const FOLLOW_READER = 'auto';
// Until the preview has reported one, the code says these heights (px).
const FIRST_HEIGHT = { editable: 720, figures: 240 };
// The preview reloads once the inputs have rested this long (ms).
const PREVIEW_DELAY = 400;

const measured = new Map(); // the preview's src -> its reported height
const lastOfMode = new Map(); // mode -> the last height reported for it
let plainUrl = null;
let labelledIn = null; // the language the menus are written in
let previewTimer = 0;

function option(value, label) {
  const el = document.createElement('option');
  el.value = value;
  el.textContent = label;
  return el;
}

/** Fills the mode and theme menus from the schema's choices, in the current language. */
function labelMenus() {
  const mode = $('embed-mode');
  const theme = $('embed-theme');
  const chosen = [mode.value || EDITABLE, theme.value || FOLLOW_READER];
  mode.replaceChildren(...EMBED_MODES.map((m) => option(m, t(`embedMode.${m}`))));
  theme.replaceChildren(...THEMES.map((name) => option(name, t(`theme.${name}`))));
  [mode.value, theme.value] = chosen;
  labelledIn = t('htmlLang');
}

function choices() {
  const mode = $('embed-mode').value || EDITABLE;
  const theme = $('embed-theme').value || FOLLOW_READER;
  return { mode, theme: theme === FOLLOW_READER ? null : theme };
}

function snippetSource(snippet) {
  const match = /src="([^"]*)"/.exec(snippet);
  return match ? match[1].replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>') : '';
}

/** Redraws the code for plain (the page's URL for this configuration, no embed=). */
export function renderEmbedPanel(plain) {
  plainUrl = plain;
  if (labelledIn !== t('htmlLang')) labelMenus();
  const { mode, theme } = choices();
  const draft = iframeSnippet(plain, { mode, theme, height: 0 });
  const src = snippetSource(draft);
  const height = measured.get(src) || lastOfMode.get(mode) || FIRST_HEIGHT[mode === EDITABLE ? 'editable' : 'figures'];
  const snippet = iframeSnippet(plain, { mode, theme, height });
  const field = $('embed-snippet');
  if (field.value !== snippet) field.value = snippet;
  const line = hostScriptLine(plain);
  if ($('embed-host-line').value !== line) $('embed-host-line').value = line;
  schedulePreview(src);
}

/** The preview loads only while the panel is open, once the inputs have rested. */
function schedulePreview(src) {
  const preview = $('embed-preview');
  if (!$('embed-details').open) return;
  clearTimeout(previewTimer);
  const load = () => {
    if (preview.getAttribute('src') !== src) {
      preview.dataset.reportedHeight = '';
      preview.setAttribute('src', src);
    }
  };
  if (!preview.getAttribute('src')) load();
  else previewTimer = setTimeout(load, PREVIEW_DELAY);
}

export function wireEmbedPanel() {
  const rerender = () => { if (plainUrl) renderEmbedPanel(plainUrl); };
  $('embed-mode').addEventListener('change', rerender);
  $('embed-theme').addEventListener('change', rerender);
  $('embed-details').addEventListener('toggle', rerender);
  // The preview sizes itself as a host page with embed-host.js would, and
  // its height becomes the code's.
  window.addEventListener('message', (event) => {
    const preview = $('embed-preview');
    const data = event.data;
    if (event.source !== preview.contentWindow || event.origin !== window.location.origin) return;
    if (!data || data.type !== HEIGHT_MESSAGE || !(data.height > 0 && data.height < 20000)) return;
    const height = Math.ceil(data.height);
    preview.height = String(height); // an attribute, not a style: the page adds no style attributes (CSP test)
    preview.dataset.reportedHeight = String(height);
    measured.set(preview.getAttribute('src'), height);
    lastOfMode.set(new URL(preview.src).searchParams.get('embed'), height);
    rerender();
  });
}
