// Embedding, the framed side: the compact modes for iframes (embed=1 the
// editable calculator, embed=figures the read-only figures and formula), the
// colour theme (theme=light|dark|auto), the height reports to the host page,
// and the <iframe> code offered to authors. The values come from the core's
// schema (its embed and theme rows); web/embed-host.js is the host's side.

import { t } from './i18n.js';
import SCHEMA from './schema.js';

export const HEIGHT_MESSAGE = 'epochcost:height';
/** What web/embed-host.js sends a frame on start: "post your height again". */
export const HELLO_MESSAGE = 'epochcost:hello';

const choicesOf = (key) => {
  const field = SCHEMA.fields.find((f) => f.key === key);
  return field && field.choices ? field.choices.split(',').map((c) => c.trim()) : [];
};
/** The embed modes ('1', 'figures') and themes ('light', 'dark', 'auto'), in the schema's order. */
export const EMBED_MODES = choicesOf('embed');
export const THEMES = choicesOf('theme');
/** The mode the Embed panel and the old embed=true/yes links mean: the schema's first. */
const EDITABLE = EMBED_MODES[0];
// Links made before the schema listed the modes said embed=true or yes (and 0/false/no for off).
const OLD_ON = ['true', 'yes'];
const OFF = ['', '0', 'false', 'no'];

/** embed=VALUE -> {mode: a schema choice or null (not embedded), valid}. */
export function parseEmbed(value) {
  if (value === undefined || value === null) return { mode: null, valid: true };
  const v = String(value).trim().toLowerCase();
  if (EMBED_MODES.includes(v)) return { mode: v, valid: true };
  if (OLD_ON.includes(v)) return { mode: EDITABLE, valid: true };
  return { mode: null, valid: OFF.includes(v) };
}

/** theme=VALUE -> {theme: a schema choice or null (the page's own: auto), valid}. */
export function parseTheme(value) {
  if (value === undefined || value === null) return { theme: null, valid: true };
  const v = String(value).trim().toLowerCase();
  if (THEMES.includes(v)) return { theme: v, valid: true };
  return { theme: null, valid: v === '' };
}

/** The schema's choices for messages, as it lists them ("light, dark, auto"). */
export function choiceList(key) {
  const field = SCHEMA.fields.find((f) => f.key === key);
  return field ? field.choices : '';
}

/**
 * Puts the page in a theme: a class on <html> (styles.css); auto (and no
 * theme) follows prefers-color-scheme. web/hold.js sets the same class
 * before the first paint; this keeps it right for a value it cannot check.
 */
export function applyTheme(theme) {
  const root = document.documentElement;
  for (const name of THEMES) root.classList.toggle(`theme-${name}`, name === theme);
}

/** Compact mode (mode: '1' or 'figures'): no page chrome, height reports to the host. */
export function enterEmbedMode(mode) {
  const root = document.documentElement;
  root.classList.add('embed');
  root.classList.toggle('embed-figures', mode !== EDITABLE);
  if (window.parent === window) return;
  // In a frame, no background of its own (styles.css): the host's shows
  // through where its colour scheme is the frame's; where it is not,
  // Chromium paints the frame's own canvas behind it, so text stays legible.
  root.classList.add('embed-framed');
  let last = -1;
  const post = (force) => {
    const height = Math.ceil(root.getBoundingClientRect().height);
    if (height === last && force !== true) return;
    last = height;
    window.parent.postMessage({ type: HEIGHT_MESSAGE, height }, '*');
  };
  post();
  window.addEventListener('load', () => post());
  // The host's script may start after the frame has posted: it says hello, and hears the height again.
  window.addEventListener('message', (event) => {
    if (event.source === window.parent && event.data && event.data.type === HELLO_MESSAGE) post(true);
  });
  if ('ResizeObserver' in window) {
    new ResizeObserver(() => post()).observe(document.documentElement);
  } else {
    window.addEventListener('resize', () => post());
  }
}

/**
 * The code for an embed of pageUrl (a URL already holding the query, without
 * embed=): a <div> holding one <iframe> line, a raw HTML block that Markdown
 * (MkDocs, MyST, CommonMark) passes through as it is. Valid JSX too, for
 * MDX: no style string (refused), no class (React warns), and frameBorder
 * is read by HTML and JSX alike.
 * mode: a schema embed mode; theme: a schema theme or null; height: pixels.
 */
export function iframeSnippet(pageUrl, { mode = EDITABLE, theme = null, height }) {
  const url = new URL(pageUrl);
  url.searchParams.delete('embed');
  url.searchParams.delete('theme');
  const extra = [`embed=${mode}`];
  if (theme) extra.push(`theme=${theme}`);
  url.search = url.search ? `${url.search}&${extra.join('&')}` : `?${extra.join('&')}`;
  const src = escapeAttribute(url.href);
  const title = escapeAttribute(t('iframeTitle'));
  return `<div><iframe src="${src}" title="${title}" width="100%" height="${height}" `
    + 'loading="lazy" frameBorder="0"></iframe></div>';
}

/** The one line that sizes every calculator frame on a page, for a calculator at pageUrl. */
export function hostScriptLine(pageUrl) {
  const url = new URL('embed-host.js', pageUrl);
  return `<script src="${escapeAttribute(url.href)}" async></script>`;
}

/**
 * People paste the snippet as HTML, so quotes and angle brackets are escaped.
 * '&' stays readable: in an attribute, '&t=' or '&lang=' is never taken for
 * a character reference (it is followed by '='), and URL.href already
 * percent-encodes quotes and brackets in the query.
 */
function escapeAttribute(text) {
  return String(text).replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
