// The page's entry point: picks the language, loads the engine and the price
// table, opens the link (or the seed example), and recomputes on every
// input. State lives here; the form, rendering, link handling, formatting,
// price tables, presets, export and embedding are in their own modules.

import { loadEngine } from './engine.js';
import { enterEmbedMode, iframeSnippet, parseEmbed } from './embed.js';
import { changedFromServed, readForm, setTableMode, showChoices, writeForm } from './form.js';
import { applyStaticStrings, languageName, setLanguage, t } from './i18n.js';
import { browserLanguage, normaliseLanguage } from './language.js';
import { DEFAULT_TABLE, fetchPriceText, checkPriceText, loadPriceTable, readPriceFile } from './prices.js';
import { pickedPath, renderPicker, renderPricesProblem, renderRetrying } from './prices-view.js';
import { loadPresets, presetFor, renderPresets } from './presets.js';
import {
  ensureBillingOption, labelCustomBillingOptions, renderFieldErrors, renderLinkProblems,
  renderNoResult, renderPriceBanner, renderResult, renderStale, renderTable, renderUnits, showLoadError,
} from './render.js';
import { clearComparison, renderComparison } from './compare-view.js';
import { renderPlan } from './plan-view.js';
import { renderDerivedT, renderMemory } from './time-view.js';
import { announce, wireCopyButtons } from './share.js';
import { renderUpdateNotice, watchForUpdates } from './update.js';
import { cleanText } from './untrusted.js';
import { warmUp } from './warm-up.js';
import { haveWords, setWords, wordsInPage } from './words.js';
import {
  buildQuery, configFromValues, defaultValues, readLink, urlWithQuery,
} from './state.js';

const $ = (id) => document.getElementById(id);

const state = {
  engine: null,
  prices: null, // {text, table}: the table in use; null = none (custom price)
  source: { path: DEFAULT_TABLE }, // {path} or {fileName}: what the picker shows
  pricesProblem: null, // {error, kind: 'fetch' | 'file'}
  linkInstance: null, // the link's instance, used once a failed table loads
  presets: null,
  lang: 'en',
  explicitLang: false, // from the link or the switch: then it is kept in the link
  embed: false,
  linkProblems: [],
  settingProblems: [], // {key, params}: rendered in the current language
  priceMismatch: null,
  lastGood: null, // the last good estimate
  lastConfig: null, // the configuration that gave it (for export)
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

const pricesText = () => (state.prices ? state.prices.text : '');
const table = () => (state.prices ? state.prices.table : null);

/** Recomputes from the form, then redraws. */
function update() {
  const { engine } = state;
  const config = configFromValues(readForm(), { hasTable: Boolean(state.prices) });
  const answer = engine.answer(pricesText(), config);
  if (answer.ok) {
    state.lastGood = answer.estimate;
    state.lastConfig = config;
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
function staleness(stale) {
  if (stale) return 'stale';
  if (!state.pending) return null;
  return state.loadFailed ? 'notComputed' : 'pending';
}

/** Redraws everything from state (also after a language switch). */
function render() {
  const instanceId = $('instance').value;
  const current = state.errors.length === 0 ? state.lastGood : null;
  const stale = state.errors.length > 0 && state.lastGood !== null;
  renderUnits(table(), instanceId);
  if (state.lastGood) renderResult(state.lastGood);
  else renderNoResult();
  renderDerivedT(current, state.normalised);
  renderMemory(state.lastGood, table());
  renderPlan(state.lastGood, state.normalised);
  renderComparison(state.comparison, {
    selected: instanceId,
    result: state.lastGood,
    override: Boolean(state.lastConfig && state.lastConfig.price_per_gpu_hour !== undefined),
  });
  $('compare').classList.toggle('is-stale', stale);
  $('plan-output').classList.toggle('is-stale', stale);
  renderFieldErrors(state.errors);
  renderStale(staleness(stale));
  renderLinkProblems(state.linkProblems, state.settingProblems.map((p) => t(p.key, p.params)));
  renderPriceBanner(state.priceMismatch, table() ? table().currency : 'CNY');
  renderPricesProblem(state.pricesProblem);
  renderUpdateNotice();
  syncAddress();
}

/** The address bar, the share field, the embed snippet and the full-page link follow the inputs. */
function syncAddress() {
  const prices = state.source.path && state.source.path !== DEFAULT_TABLE ? state.source.path : null;
  const settings = { prices, lang: state.explicitLang ? state.lang : null };
  const href = urlWithQuery(buildQuery(state.query, { ...settings, embed: state.embed }));
  setValue($('share-url'), href);
  const plain = urlWithQuery(buildQuery(state.query, { ...settings, embed: false }));
  setValue($('embed-snippet'), iframeSnippet(plain));
  if ($('open-full').href !== plain) $('open-full').href = plain;
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

function switchLanguage(lang) {
  state.lang = lang;
  setLanguage(lang);
  $('lang').value = lang;
  applyStaticStrings();
  if (state.engine || state.lastGood) {
    renderTable(table(), $('instance').value);
    renderPicker(state.source);
    if (state.presets) renderPresets(state.presets, $('fpreset').value);
    labelCustomBillingOptions();
    if (state.lastGood || state.errors.length || state.pricesProblem) render();
  }
}

/** Loads the presets the first time the FLOPs way is shown. */
function ensurePresets() {
  if (readForm().way !== 'flops') return Promise.resolve(state.presets || []);
  return loadPresets().then((models) => {
    const first = state.presets === null;
    state.presets = models;
    if (first) renderPresets(models, presetFor(models, $('fp').value));
    return models;
  });
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
  renderTable(prices.table, wanted || defaultValues(prices.table).instance);
  setTableMode(true);
  renderPicker(source);
  if (wasCustom) dropPriceEqualToTable();
  update();
}

/** A price typed while there was no table, equal to the table's, now follows the table. */
function dropPriceEqualToTable() {
  const answer = state.engine.estimate(pricesText(), configFromValues(readForm()));
  if (answer.ok && answer.price_source === 'config' && answer.price_per_gpu_hour === answer.table_price_per_gpu_hour) {
    $('p').value = '';
  }
}

/** A table that cannot be fetched: the calculator goes on with a custom price. */
function losePrices(error, source) {
  state.prices = null;
  state.source = source;
  state.pricesProblem = { error, kind: 'fetch' };
  state.priceMismatch = null;
  state.comparison = null;
  renderTable(null, '');
  setTableMode(false);
  renderPicker(source);
}

async function switchTable(path) {
  try {
    usePrices(await loadPriceTable(state.engine, path), { path });
  } catch (error) {
    losePrices(error, { path });
    update();
  }
}

async function loadFile(file) {
  try {
    usePrices(await readPriceFile(state.engine, file), { fileName: file.name });
  } catch (error) {
    state.pricesProblem = { error, kind: 'file' };
    renderPicker(state.source);
    render();
  }
}

function openLink(decoded, { keepForm = false } = {}) {
  const link = readLink(state.engine, decoded, state.prices);
  state.linkProblems = [...state.linkProblems, ...link.problems];
  state.priceMismatch = link.priceMismatch;
  const linked = decoded.config && decoded.config.instance;
  if (!state.prices && typeof linked === 'string') state.linkInstance = linked;

  const settings = decoded.settings || {};
  if (settings.lang !== undefined) {
    const lang = normaliseLanguage(settings.lang);
    if (lang) {
      state.explicitLang = true;
      if (lang !== state.lang) switchLanguage(lang);
    } else {
      state.settingProblems.push({ key: 'badLang', params: { value: cleanText(settings.lang), lang: languageName(state.lang) } });
    }
  }
  if (settings.embed !== undefined && !parseEmbed(settings.embed).valid) {
    state.settingProblems.push({ key: 'badEmbed', params: { value: cleanText(settings.embed) } });
  }

  if (keepForm) {
    renderTable(table(), $('instance').value);
  } else {
    ensureBillingOption(link.values.billing_increment_seconds);
    labelCustomBillingOptions();
    renderTable(table(), link.values.instance);
    writeForm(link.values);
  }
  setTableMode(Boolean(state.prices));
  renderPicker(state.source);
}

function wireInputs() {
  const form = $('calc');
  form.addEventListener('submit', (event) => event.preventDefault());
  const onEdit = (event) => {
    state.edited = true;
    const id = event.target.id;
    if (id === 'prices-choice' || id === 'prices-file') return; // handled below
    if (state.priceMismatch && (id === 'p' || id === 'instance')) {
      state.priceMismatch = null; // the user has made the choice by editing
    }
    if (event.target.type === 'radio' || id === 'fm') showChoices();
    if (id === 'fp' && state.presets) renderPresets(state.presets, presetFor(state.presets, $('fp').value));
    if (id === 'fpreset' && event.type === 'change') {
      loadPresets().then((models) => {
        const model = models.find((m) => m.id === $('fpreset').value);
        if (model) $('fp').value = model.params;
        state.presets = models;
        renderPresets(models, $('fpreset').value);
        update();
      });
      return;
    }
    update();
    if (event.target.name === 'way') ensurePresets().then(() => render());
  };
  form.addEventListener('input', onEdit);
  form.addEventListener('change', onEdit);

  $('prices-choice').addEventListener('change', () => {
    const path = pickedPath();
    if (path) switchTable(path);
  });
  $('prices-file').addEventListener('change', (event) => {
    const [file] = event.target.files || [];
    event.target.value = '';
    if (file) loadFile(file);
  });
  $('prices-retry').addEventListener('click', async () => {
    renderRetrying();
    await switchTable(state.source.path || DEFAULT_TABLE);
  });
  $('prices-dismiss').addEventListener('click', () => {
    state.pricesProblem = null;
    render();
  });

  $('keep-link-price').addEventListener('click', () => {
    state.priceMismatch = null;
    render();
    $('p').focus();
  });
  $('use-table-price').addEventListener('click', () => {
    state.priceMismatch = null;
    $('p').value = '';
    update();
    $('p').focus();
  });

  document.addEventListener('click', async (event) => {
    const button = event.target.closest('[data-export], [data-copy]');
    if (!button) return;
    const what = button.dataset.export || button.dataset.copy;
    const status = $(`export-${what}-status`);
    if (!state.prices || !state.lastConfig) {
      announce(status, t('exportNeedsTable'));
      return;
    }
    const { runExport } = await import('./export.js');
    await runExport({
      engine: state.engine,
      prices: pricesText(),
      config: state.lastConfig,
      instance: state.lastGood && state.lastGood.instance,
      what,
      format: button.dataset.format,
      copy: Boolean(button.dataset.copy),
      lang: state.lang,
      status,
      field: $(`export-${what}-field`),
    });
  });

  wireCopyButtons({
    linkButton: $('copy-link'),
    linkField: $('share-url'),
    linkStatus: $('share-status'),
    snippetButton: $('copy-snippet'),
    snippetField: $('embed-snippet'),
    snippetStatus: $('snippet-status'),
  });
}

/** Hides the phone summary bar while the figures themselves are on screen. */
function watchFigures() {
  const bar = $('mini-summary');
  if (!('IntersectionObserver' in window)) return;
  new IntersectionObserver(([entry]) => {
    bar.classList.toggle('is-hidden', entry.isIntersecting);
  }).observe($('figures'));
}

/**
 * The seed example's answers, computed by the same engine at build time
 * (scripts/first-view.mjs); null when the page was not built with them.
 */
function readFirstView() {
  try {
    const view = JSON.parse($('first-view').textContent);
    return view && view.estimate && view.estimate.ok && view.table ? view : null;
  } catch {
    return null;
  }
}

/**
 * The build's first view if this opening can show it: a plain opening (no
 * settings but language and embedding) or the seed example's own link (what
 * the address bar holds after a plain opening). Otherwise null.
 */
function firstViewFor(params) {
  const rest = withoutSettings(params, ['lang', 'embed']);
  const view = readFirstView();
  return view !== null && (rest.toString() === '' || rest.toString() === view.query) ? view : null;
}

/** A link's parameters less its page settings (kept apart from the engine's query). */
function withoutSettings(params, settings = ['lang', 'embed', 'prices']) {
  const rest = new URLSearchParams(params);
  for (const key of settings) rest.delete(key);
  return rest;
}

/**
 * Shows the build's answers for a plain opening: the figures need no engine.
 * The built page already holds this view (scripts/prerender.mjs) and its
 * form works before this script runs: what a reader typed or chose in it
 * meanwhile is kept, and the engine computes it once it has loaded.
 */
function showFirstView(view) {
  // Not yet when the build itself draws it: then the form is still empty.
  const prerendered = $('instance').options.length > 0;
  const values = prerendered ? readForm() : defaultValues(view.table);
  state.prices = { text: null, table: view.table }; // the text comes with the engine
  state.source = { path: view.path };
  renderTable(view.table, values.instance);
  setTableMode(true);
  renderPicker(state.source);
  writeForm(values);
  state.lastGood = view.estimate;
  state.lastConfig = view.config;
  state.normalised = view.normalised;
  state.comparison = view.comparison;
  state.query = view.query;
  render();
}

/**
 * Marks the build's figures as not yet updated once the reader has changed
 * the form (before main.js ran, or since), until the engine computes: they
 * are the seed example's, not the inputs beside them. Returns the function
 * that stops watching (the engine's own handlers take over).
 */
function markEditsUntilComputed(changedBeforeMain) {
  const form = $('calc');
  const mark = () => {
    if (state.pending) return;
    state.pending = true;
    render();
  };
  if (changedBeforeMain) mark();
  form.addEventListener('input', mark);
  form.addEventListener('change', mark);
  return () => {
    form.removeEventListener('input', mark);
    form.removeEventListener('change', mark);
  };
}

/**
 * Shows what web/hold.js hid until this opening was drawn: 'page' (the
 * language and the layout), 'link' (a link's inputs and figures).
 */
function release(...words) {
  const root = document.documentElement;
  const left = (root.dataset.hold || '').split(' ').filter((w) => w && !words.includes(w));
  if (left.length) root.dataset.hold = left.join(' ');
  else delete root.dataset.hold;
}

/**
 * The engine or the page failed to start: say so, in full view. A link has
 * no figures then: the built page's (the seed example's) are taken away.
 */
function failed(error) {
  state.loadFailed = true;
  showLoadError(error);
  // Edited inputs beside the build's figures keep their mark: the figures
  // are still the seed example's.
  renderStale(staleness(false));
  if (!state.lastGood) {
    renderNoResult();
    clearComparison();
  }
  release('page', 'link');
}

/** Resolves in a later task, letting the browser handle input and paint in between. */
function nextTask() {
  return new Promise((resolve) => {
    setTimeout(resolve, 0);
  });
}

/**
 * Resolves once the first paint has been reported (the paint that shows the
 * first estimate), so that nothing fetched after it competes with it. At
 * once in a hidden tab, which paints nothing; after 1 s at the latest.
 */
function afterFirstPaint() {
  if (document.visibilityState === 'hidden') return Promise.resolve();
  return new Promise((resolve) => {
    let done = false;
    let observer = null;
    const go = () => {
      if (done) return;
      done = true;
      if (observer) observer.disconnect();
      setTimeout(resolve, 0);
    };
    setTimeout(go, 1000);
    try {
      observer = new PerformanceObserver((list) => {
        if (list.getEntriesByName('first-contentful-paint').length) go();
      });
      observer.observe({ type: 'paint', buffered: true });
    } catch {
      requestAnimationFrame(() => requestAnimationFrame(go));
    }
  });
}

async function start() {
  // Read once: the first view writes the address bar before the engine decodes it.
  const search = window.location.search;
  const early = new URLSearchParams(search);
  // A plain opening (or the seed's own link) shows the build's first
  // estimate, then loads the engine (~64 KB gzip of wasm) without holding up
  // that first paint. Any other link needs the engine for its first number,
  // so the engine starts before anything else.
  const first = firstViewFor(early);
  const painted = first ? afterFirstPaint() : Promise.resolve();
  const engineReady = first ? painted.then(loadEngine) : loadEngine();
  engineReady.catch(() => {}); // handled where it is awaited
  // Language and embed mode are read before the engine arrives, so that even
  // a failed load speaks the right language in the right layout. The engine
  // decodes the link again below, with messages for bad values.
  const linkLang = normaliseLanguage(early.get('lang'));
  const lang = linkLang || browserLanguage();
  state.lang = lang;
  state.explicitLang = Boolean(linkLang);
  setLanguage(lang);
  $('lang').value = lang;
  setWords(wordsInPage()); // currency names and units, from the engine's catalogue at build time
  applyStaticStrings();
  $('lang').addEventListener('change', () => {
    state.explicitLang = true;
    switchLanguage($('lang').value);
  });

  state.embed = parseEmbed(early.get('embed')).embed;
  if (state.embed) enterEmbedMode();

  // The default table is fetched while the engine loads; another table
  // waits until the engine has checked the link's prices= path.
  // Read before the first view redraws the form's lists.
  const changedBeforeMain = Boolean(first) && changedFromServed($('calc'));
  if (first) showFirstView(first);
  const stopMarking = first ? markEditsUntilComputed(changedBeforeMain) : () => {};
  release('page');
  if (first) release('link');
  const defaultText = early.has('prices') ? null : painted
    .then(() => fetchPriceText(DEFAULT_TABLE))
    .then((text) => ({ text }), (error) => ({ error }));
  try {
    state.engine = await engineReady;
  } catch (error) {
    failed(error);
    return;
  }
  if (!haveWords()) setWords(state.engine.words()); // a page built without its first-view block
  // With the first view on screen, the steps below each run in a task of
  // their own: on a slow phone one long task would hold up a reader's first
  // keystroke. A link's reader is waiting for the number: no frame between.
  const breathe = first ? nextTask : () => Promise.resolve();
  await breathe();
  const decoded = state.engine.decodeLink(search);
  const path = (decoded.settings && decoded.settings.prices) || DEFAULT_TABLE;
  try {
    if (path === DEFAULT_TABLE && defaultText) {
      const got = await defaultText;
      if (got.error) throw got.error;
      state.prices = { ...checkPriceText(state.engine, got.text, path), path };
    } else {
      state.prices = await loadPriceTable(state.engine, path);
    }
    state.source = { path };
  } catch (error) {
    losePrices(error, { path });
  }
  await breathe();
  // Until an estimate succeeds, the address keeps the link as it was opened
  // (its settings are added back by syncAddress): a link whose values cannot
  // be computed together must not vanish from the address bar.
  if (!first) state.query = withoutSettings(early).toString();
  // Edits made while the engine loaded are kept: the form is not reset.
  openLink(decoded, { keepForm: Boolean(first) });
  stopMarking();
  state.pending = false;
  wireInputs();
  await breathe();
  update();
  release('link');
  watchFigures();
  ensurePresets().then(() => render());
  document.documentElement.dataset.ready = 'true';
  registerServiceWorker();
  warmUp(update, () => state.edited)
    .then((calls) => { document.documentElement.dataset.warmedUp = String(calls); });
}

/**
 * Caches this build for the next visit and for offline use (web/sw.js), once
 * the page is working: it never competes with the first estimate. A browser
 * that refuses (no service workers, blocked storage) only loses the cache.
 * A newer build, once installed, is offered in a notice (update.js).
 */
function registerServiceWorker() {
  if (!('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register('sw.js')
    .then((registration) => watchForUpdates(registration, render))
    .catch(() => {});
}

start().catch(failed);
