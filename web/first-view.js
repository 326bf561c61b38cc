// The build's first view: the seed example's answers, computed by the same
// engine at build time (scripts/first-view.mjs) and drawn into index.html
// (scripts/prerender.mjs). A plain opening shows them before the engine has
// loaded.

import { withoutSettings } from './address.js';
import { render, state } from './controller.js';
import { $ } from './dom.js';
import { readForm, setTableMode, writeForm } from './form.js';
import { renderPicker } from './prices-view.js';
import { renderTable } from './table-view.js';

/** The build's answers; null when the page was not built with them. */
function readFirstView() {
  try {
    const view = JSON.parse($('first-view').textContent);
    return view && view.estimate && view.estimate.ok && view.table ? view : null;
  } catch {
    return null;
  }
}

/** The worked example's link and price table ({query, path}), or null without a first view. */
export function seedExample() {
  const view = readFirstView();
  return view && { query: view.query, path: view.path };
}

/**
 * The build's first view if this opening can show it: a plain opening (no
 * settings but language, embedding and theme) or the seed example's own link (what
 * the address bar holds after a plain opening). Otherwise null.
 */
export function firstViewFor(params) {
  const rest = withoutSettings(params, ['lang', 'embed', 'theme']);
  const view = readFirstView();
  return view !== null && (rest.toString() === '' || rest.toString() === view.query) ? view : null;
}

/**
 * Shows the build's answers for a plain opening: the figures need no engine.
 * The built page already holds this view and its form works before main.js
 * runs: what a reader typed or chose in it meanwhile is kept, and the engine
 * computes it once it has loaded.
 */
export function showFirstView(view) {
  // Not yet when the build itself draws it: then the form is still empty
  // (scripts/prerender.mjs marks the form it has drawn).
  const prerendered = $('calc').hasAttribute('data-drawn');
  const values = prerendered ? readForm() : view.values;
  state.prices = { text: null, table: view.table }; // the text comes with the engine
  state.source = { path: view.path };
  renderTable(view.table, values.instance);
  setTableMode(true);
  renderPicker(state.source);
  writeForm(values);
  // The build drew the inputs in use into the page it served.
  state.inUse = prerendered ? null : view.in_use;
  state.lastGood = view.estimate;
  state.lastConfig = view.config;
  state.normalised = view.normalised;
  state.comparison = view.comparison;
  state.query = view.query;
  render();
}
