// The page's entry point: the order in which it starts. It picks the
// language and the layout, shows the build's first view (or holds a link
// until the engine has computed it), loads the engine and the price table,
// opens the link, wires the inputs, and registers the service worker. The
// state and what changes it are in controller.js.

import { withoutSettings } from './address.js';
import { clearComparison } from './compare-view.js';
import {
  losePrices, render, staleness, state, update,
} from './controller.js';
import { wireChatButton } from './copy-chat.js';
import { $ } from './dom.js';
import {
  applyTheme, enterEmbedMode, parseEmbed, parseTheme,
} from './embed.js';
import { wireEmbedPanel } from './embed-panel.js';
import { loadEngine } from './engine.js';
import { renderEstimate } from './estimate-view.js';
import { wireExportButtons } from './export-buttons.js';
import { renderStale, watchFigures } from './figures-view.js';
import { firstViewFor, seedExample, showFirstView } from './first-view.js';
import { changedFromServed } from './form.js';
import { applyStaticStrings, setLanguage } from './i18n.js';
import { wireInputs, wireLanguage } from './inputs.js';
import { browserLanguage, normaliseLanguage } from './language.js';
import { showLoadError } from './notices-view.js';
import { renderModelOptions } from './model-view.js';
import { renderOpening, setOpening } from './opening-view.js';
import { openLink } from './open-link.js';
import { DEFAULT_TABLE, checkPriceText, fetchPriceText, loadPriceTable } from './prices.js';
import { registerServiceWorker } from './sw-register.js';
import { wireTables } from './tables-view.js';
import { warmUp } from './warm-up.js';
import { haveWords, setWords, wordsInPage } from './words.js';

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
    renderEstimate(null);
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
  renderModelOptions(); // the core's presets, before anything is drawn
  wireLanguage();

  // The opening sentence: the worked example, or a link's own inputs (even
  // if the engine never loads).
  setOpening(seedExample(), !first && withoutSettings(early, ['lang', 'embed', 'theme']).toString() !== '');
  if (!first) renderOpening(state); // a plain opening's is drawn with the first view

  state.embed = parseEmbed(early.get('embed')).mode;
  state.theme = parseTheme(early.get('theme')).theme;
  applyTheme(state.theme);
  if (state.embed) enterEmbedMode(state.embed);

  // The default table is fetched while the engine loads; another table
  // waits until the engine has checked the link's prices= path.
  // Read before the first view redraws the form's lists.
  const changedBeforeMain = Boolean(first) && changedFromServed($('calc'));
  if (first) showFirstView(first);
  const stopMarking = first ? markEditsUntilComputed(changedBeforeMain) : () => {};
  release('page');
  if (first) release('link');
  const defaultText = early.has('prices') ? null : painted
    .then(() => fetchPriceText(DEFAULT_TABLE, { early: window.epochcostEarlyPrices }))
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
  openLink(search, decoded, { keepForm: Boolean(first) });
  stopMarking();
  state.pending = false;
  wireInputs();
  wireExportButtons();
  wireTables(() => state, render);
  wireEmbedPanel();
  wireChatButton();
  await breathe();
  update();
  release('link');
  watchFigures();
  document.documentElement.dataset.ready = 'true';
  registerServiceWorker(render);
  warmUp(update, () => state.edited)
    .then((calls) => { document.documentElement.dataset.warmedUp = String(calls); });
}

start().catch(failed);
