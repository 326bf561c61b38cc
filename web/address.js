// The address bar, the share field, the embed snippet and the full-page link
// follow the inputs: each holds the engine's link for the current estimate
// plus the page's own settings (prices=, lang=, embed=, theme=).

import { $ } from './dom.js';
import { renderEmbedPanel } from './embed-panel.js';
import { DEFAULT_TABLE } from './prices.js';
import { buildQuery, urlWithQuery } from './state.js';

/** state: the page's state (controller.js); only read. */
export function syncAddress(state) {
  const prices = state.source.path && state.source.path !== DEFAULT_TABLE ? state.source.path : null;
  const settings = { prices, lang: state.explicitLang ? state.lang : null };
  const href = urlWithQuery(buildQuery(state.query, { ...settings, embed: state.embed, theme: state.theme }));
  setValue($('share-url'), href);
  // The full calculator keeps the embed's language and theme.
  const full = urlWithQuery(buildQuery(state.query, { ...settings, theme: state.theme }));
  if ($('open-full').href !== full) $('open-full').href = full;
  renderEmbedPanel(urlWithQuery(buildQuery(state.query, settings)));
  writeAddress(href);
}

function setValue(field, value) {
  if (field.value !== value) field.value = value;
}

// history.replaceState costs milliseconds (the browser process keeps the
// session history): the address bar is written in a task of its own after
// the numbers are drawn, once for a burst of edits, not inside the input
// handler. The share field above already holds the same address.
let pendingHref = null;
function writeAddress(href) {
  if (pendingHref === null) {
    setTimeout(() => {
      const next = pendingHref;
      pendingHref = null;
      if (next !== window.location.href) window.history.replaceState(null, '', next);
    }, 0);
  }
  pendingHref = href;
}

/** A link's parameters less its page settings (kept apart from the engine's query). */
export function withoutSettings(params, settings = ['lang', 'embed', 'theme', 'prices']) {
  const rest = new URLSearchParams(params);
  for (const key of settings) rest.delete(key);
  return rest;
}
