// Opening a link: the engine has decoded it; its values go into the form,
// its bad parameters and a price that differs from the table into the
// state, and its language (lang=) is applied. A bad lang= or embed= is
// reported like any other parameter.

import { state, switchLanguage, table } from './controller.js';
import { $ } from './dom.js';
import { choiceList, parseEmbed, parseTheme } from './embed.js';
import { ensureBillingOption, labelCustomBillingOptions, setTableMode, writeForm } from './form.js';
import { languageName } from './i18n.js';
import { normaliseLanguage } from './language.js';
import { renderPicker } from './prices-view.js';
import { readLink } from './state.js';
import { renderTable } from './table-view.js';
import { cleanText } from './untrusted.js';

/**
 * query: the link's query; decoded: engine.decodeLink's answer (its page
 * settings). keepForm: the reader's edits stay (the form is not reset).
 */
export function openLink(query, decoded, { keepForm = false } = {}) {
  const link = readLink(state.engine, query, state.prices);
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
    state.settingProblems.push({ key: 'badEmbed', params: { value: cleanText(settings.embed), allowed: choiceList('embed') } });
  }
  if (settings.theme !== undefined && !parseTheme(settings.theme).valid) {
    state.settingProblems.push({ key: 'badTheme', params: { value: cleanText(settings.theme), allowed: choiceList('theme') } });
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
