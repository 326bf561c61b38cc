// The page's entry point: picks the language, loads the engine, opens the
// link (or the seed example), and recomputes on every input. State lives
// here; rendering, link handling, formatting and embedding are in their own
// modules.

import { loadEngine } from './engine.js';
import { enterEmbedMode, iframeSnippet, parseEmbed } from './embed.js';
import {
  applyStaticStrings, browserLanguage, languageName, normaliseLanguage, setLanguage, t,
} from './i18n.js';
import {
  INPUT_ID, ensureBillingOption, labelCustomBillingOptions, renderFieldErrors, renderLinkProblems,
  renderPriceBanner, renderResult, renderStale, renderTable, renderUnits, showLoadError,
} from './render.js';
import { wireCopyButtons } from './share.js';
import { buildQuery, configFromValues, readLink, urlWithQuery } from './state.js';

const $ = (id) => document.getElementById(id);

const state = {
  engine: null,
  lang: 'en',
  explicitLang: false, // from the link or the switch: then it is kept in the link
  embed: false,
  linkProblems: [],
  settingProblems: [], // {key, params}: rendered in the current language
  priceMismatch: null,
  lastGood: null,
  errors: [],
  query: '',
};

function readForm() {
  const values = {};
  for (const [key, id] of Object.entries(INPUT_ID)) values[key] = $(id).value;
  return values;
}

function writeForm(values) {
  for (const [key, id] of Object.entries(INPUT_ID)) $(id).value = values[key] ?? '';
}

/** Recomputes from the form, then redraws. */
function update() {
  const { engine } = state;
  const values = readForm();
  const config = configFromValues(values);
  const answer = engine.estimate(config);
  if (answer.ok) {
    state.lastGood = answer;
    state.errors = [];
    const link = engine.encodeLink(config);
    if (link.ok) state.query = link.query;
  } else {
    state.errors = answer.errors || [];
  }
  render();
}

/** Redraws everything from state (also after a language switch). */
function render() {
  const { table } = state.engine;
  const instanceId = $('instance').value;
  renderUnits(table, instanceId);
  if (state.lastGood) renderResult(state.lastGood);
  renderFieldErrors(state.errors);
  renderStale(state.errors.length > 0 && state.lastGood !== null);
  renderLinkProblems(state.linkProblems, state.settingProblems.map((p) => t(p.key, p.params)));
  renderPriceBanner(state.priceMismatch, table.currency);
  syncAddress();
}

/** The address bar, the share field, the embed snippet and the full-page link follow the inputs. */
function syncAddress() {
  const query = buildQuery(state.query, { lang: state.explicitLang ? state.lang : null, embed: state.embed });
  const href = urlWithQuery(query);
  if (href !== window.location.href) window.history.replaceState(null, '', href);
  $('share-url').value = window.location.href;
  const plain = urlWithQuery(buildQuery(state.query, { lang: state.explicitLang ? state.lang : null, embed: false }));
  $('embed-snippet').value = iframeSnippet(plain);
  $('open-full').href = plain;
}

function switchLanguage(lang) {
  state.lang = lang;
  setLanguage(lang);
  $('lang').value = lang;
  applyStaticStrings();
  if (state.engine) {
    const selected = $('instance').value;
    renderTable(state.engine.table, selected);
    labelCustomBillingOptions();
    if (state.lastGood || state.errors.length) render();
  }
}

function openLink() {
  const { engine } = state;
  const link = readLink(engine, window.location.search);
  state.linkProblems = link.problems;
  state.priceMismatch = link.priceMismatch;

  if (link.settings.lang !== undefined) {
    const lang = normaliseLanguage(link.settings.lang);
    if (lang) {
      state.explicitLang = true;
      if (lang !== state.lang) switchLanguage(lang);
    } else {
      state.settingProblems.push({ key: 'badLang', params: { value: link.settings.lang, lang: languageName(state.lang) } });
    }
  }
  if (link.settings.embed !== undefined && !parseEmbed(link.settings.embed).valid) {
    state.settingProblems.push({ key: 'badEmbed', params: { value: link.settings.embed } });
  }

  ensureBillingOption(link.values.billing_increment_seconds);
  labelCustomBillingOptions();
  renderTable(engine.table, link.values.instance);
  writeForm(link.values);
}

function wireInputs() {
  const form = $('calc');
  form.addEventListener('submit', (event) => event.preventDefault());
  const onEdit = (event) => {
    if (state.priceMismatch && (event.target.id === 'p' || event.target.id === 'instance')) {
      state.priceMismatch = null; // the user has made the choice by editing
    }
    update();
  };
  form.addEventListener('input', onEdit);
  form.addEventListener('change', onEdit);

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

async function start() {
  // Language and embed mode are read before the engine arrives, so that even
  // a failed load speaks the right language in the right layout. The engine
  // decodes the link again below, with messages for bad values.
  const early = new URLSearchParams(window.location.search);
  const linkLang = normaliseLanguage(early.get('lang'));
  const lang = linkLang || browserLanguage(navigator.languages || [navigator.language]);
  state.lang = lang;
  state.explicitLang = Boolean(linkLang);
  setLanguage(lang);
  $('lang').value = lang;
  applyStaticStrings();
  $('lang').addEventListener('change', () => {
    state.explicitLang = true;
    switchLanguage($('lang').value);
  });

  state.embed = parseEmbed(early.get('embed')).embed;
  if (state.embed) enterEmbedMode();

  try {
    state.engine = await loadEngine();
  } catch (error) {
    showLoadError(error);
    return;
  }
  openLink();
  wireInputs();
  update();
  watchFigures();
  document.documentElement.dataset.ready = 'true';
}

start().catch((error) => showLoadError(error));
