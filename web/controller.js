// The page's state and what changes it: recomputing from the form (one
// engine call per keystroke), redrawing everything from the state, switching
// the language, and putting a price table in use (or going on without one).

import { syncAddress } from './address.js';
import { renderComparison } from './compare-view.js';
import { $ } from './dom.js';
import { renderFieldErrors } from './errors-view.js';
import { renderEstimate } from './estimate-view.js';
import { renderStale } from './figures-view.js';
import {
  labelCustomBillingOptions, readForm, setTableMode, showChoices,
} from './form.js';
import { applyStaticStrings, setLanguage, t } from './i18n.js';
import { renderLinkProblems, renderPriceBanner } from './notices-view.js';
import { renderOpening } from './opening-view.js';
import { renderTitle } from './page-title.js';
import { renderPlan } from './plan-view.js';
import { DEFAULT_TABLE, loadPriceTable, readPriceFile } from './prices.js';
import { renderPicker, renderPricesProblem } from './prices-view.js';
import { renderTable } from './table-view.js';
import { renderTables } from './tables-view.js';
import { renderMemory } from './memory-view.js';
import { renderModelHint, renderModelOptions } from './model-view.js';
import { renderDerivedT } from './time-view.js';
import { renderUnits } from './units-view.js';
import { renderUpdateNotice } from './update.js';

export const state = {
  engine: null,
  prices: null, // {text, table}: the table in use; null = none (custom price)
  source: { path: DEFAULT_TABLE }, // {path} or {fileName}: what the picker shows
  pricesProblem: null, // {error, kind: 'fetch' | 'file'}
  linkInstance: null, // the link's instance, used once a failed table loads
  lang: 'en',
  explicitLang: false, // from the link or the switch: then it is kept in the link
  embed: null, // embed=: null (the full page), or the schema's mode ('1', 'figures')
  theme: null, // theme=: null (the page's own, following the reader), or the schema's theme
  linkProblems: [],
  settingProblems: [], // {key, params}: rendered in the current language
  priceMismatch: null,
  lastGood: null, // the last good estimate
  lastConfig: null, // the configuration that gave it (for export)
  inUse: null, // the keys of the inputs the form's choices use (the engine's list)
  normalised: null, // the same, as the engine normalised it (decoded from its link)
  comparison: null,
  errors: [],
  query: '',
  edited: false, // the reader has changed an input since the page loaded
  // The figures on screen are the build's, and the reader has changed the
  // form since: until the engine has computed, they say so.
  pending: false,
  loadFailed: false, // the engine (or the page's start) failed: nothing will compute
};

export const pricesText = () => (state.prices ? state.prices.text : '');
export const table = () => (state.prices ? state.prices.table : null);

/** Recomputes from the form, then redraws. */
export function update() {
  const answer = state.engine.answerForm(pricesText(), readForm());
  if (Array.isArray(answer.in_use)) state.inUse = answer.in_use;
  if (answer.ok) {
    state.lastGood = answer.estimate;
    state.lastConfig = answer.config;
    state.errors = [];
    state.query = answer.link.query;
    state.normalised = answer.link.config;
    state.comparison = answer.comparison;
  } else {
    state.errors = answer.errors || [];
  }
  render();
}

/** What the mark on the figures says: see renderStale. */
export function staleness(stale) {
  if (stale) return 'stale';
  if (!state.pending) return null;
  return state.loadFailed ? 'notComputed' : 'pending';
}

/** Redraws everything from state (also after a language switch). */
export function render() {
  const instanceId = $('instance').value;
  const current = state.errors.length === 0 ? state.lastGood : null;
  const stale = state.errors.length > 0 && state.lastGood !== null;
  showChoices(state.inUse);
  renderOpening(state);
  renderUnits(table(), instanceId);
  renderEstimate(state.lastGood);
  renderTitle(current && !state.pending ? current : null);
  renderDerivedT(current, state.normalised);
  renderMemory(state.lastGood, table());
  renderModelHint();
  renderPlan(state.lastGood, state.normalised);
  renderComparison(state.comparison, {
    selected: instanceId,
    result: state.lastGood,
    override: Boolean(state.lastConfig && state.lastConfig.price_per_gpu_hour !== undefined),
  });
  renderTables(state.engine, pricesText(), state.lastConfig);
  $('compare').classList.toggle('is-stale', stale);
  $('plan-output').classList.toggle('is-stale', stale);
  renderFieldErrors(state.errors);
  renderStale(staleness(stale));
  renderLinkProblems(state.linkProblems, state.settingProblems.map((p) => t(p.key, p.params)));
  renderPriceBanner(state.priceMismatch, table() ? table().currency : 'CNY');
  renderPricesProblem(state.pricesProblem);
  renderUpdateNotice();
  syncAddress(state);
}

export function switchLanguage(lang) {
  state.lang = lang;
  setLanguage(lang);
  $('lang').value = lang;
  applyStaticStrings();
  renderOpening(state);
  if (state.engine || state.lastGood) {
    renderTable(table(), $('instance').value);
    renderPicker(state.source);
    renderModelOptions();
    labelCustomBillingOptions();
    if (state.lastGood || state.errors.length || state.pricesProblem) render();
  }
}

/** Puts a newly loaded table in use: instances, units, the link's (or current) instance. */
function usePrices(prices, source) {
  const wasCustom = state.prices === null;
  state.prices = prices;
  state.source = source;
  state.pricesProblem = null;
  state.priceMismatch = null;
  const ids = prices.table.instances.map((x) => x.id);
  const wanted = [state.linkInstance, $('instance').value].find((id) => id && ids.includes(id));
  state.linkInstance = null;
  renderTable(prices.table, wanted || state.engine.openLink(prices.text, '').values.instance);
  setTableMode(true);
  renderPicker(source);
  if (wasCustom) dropPriceEqualToTable();
  update();
}

/** A price typed while there was no table, equal to the table's, now follows the table. */
function dropPriceEqualToTable() {
  const answer = state.engine.answerForm(pricesText(), readForm());
  const estimate = answer.ok ? answer.estimate : null;
  if (estimate && estimate.price_source === 'config' && estimate.price_per_gpu_hour === estimate.table_price_per_gpu_hour) {
    $('p').value = '';
  }
}

/** A table that cannot be fetched: the calculator goes on with a custom price. */
export function losePrices(error, source) {
  state.prices = null;
  state.source = source;
  state.pricesProblem = { error, kind: 'fetch' };
  state.priceMismatch = null;
  state.comparison = null;
  renderTable(null, '');
  setTableMode(false);
  renderPicker(source);
}

export async function switchTable(path) {
  try {
    usePrices(await loadPriceTable(state.engine, path), { path });
  } catch (error) {
    losePrices(error, { path });
    update();
  }
}

export async function loadFile(file) {
  try {
    usePrices(await readPriceFile(state.engine, file), { fileName: file.name });
  } catch (error) {
    state.pricesProblem = { error, kind: 'file' };
    renderPicker(state.source);
    render();
  }
}
