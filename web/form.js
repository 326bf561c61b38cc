// The form: reading and writing its values, and showing only the inputs the
// current choices use (the way of getting T, the trial's steps per epoch,
// the LoRA adapter count). Hidden inputs keep their text, so switching back
// and forth loses nothing.

import { $ } from './dom.js';
import { fill, t } from './i18n.js';
import { FIELDS } from './state.js';

/**
 * A field's control: the form element named by its link parameter, as a form
 * names its query's; for a list (several checkboxes of one name), the
 * element holding them (id = the parameter). Null for an input the page
 * does not show (flops.method, which training.method replaced).
 */
export function inputFor(field) {
  const item = document.forms.calc.elements.namedItem(field.link);
  return item instanceof RadioNodeList ? document.getElementById(field.link) : item;
}

/** A list's value: the checked boxes' values in the page's order, "a,b". */
const checkedList = (name) => [...document.querySelectorAll(`input[name="${name}"]:checked`)].map((box) => box.value).join(',');

function checkedValue(name, fallback) {
  const checked = document.querySelector(`input[name="${name}"]:checked`);
  return checked ? checked.value : fallback;
}

function check(name, value) {
  for (const radio of document.querySelectorAll(`input[name="${name}"]`)) radio.checked = radio.value === value;
}

export function readForm() {
  const values = {
    way: checkedValue('way', 'direct'),
    alternative: checkedValue('trial-mode', 'steps'),
  };
  for (const field of FIELDS) {
    const el = inputFor(field);
    values[field.key] = field.kind === 'list' ? checkedList(field.link) : el ? el.value : '';
  }
  return values;
}

/**
 * Whether any control of the form holds something other than what the page
 * was served with (typed, chosen, or restored by the browser).
 */
export function changedFromServed(form) {
  for (const el of form.elements) {
    if (el.type === 'file') continue;
    if (el.type === 'radio' || el.type === 'checkbox') {
      if (el.checked !== el.defaultChecked) return true;
    } else if (el.tagName === 'SELECT') {
      // With no option marked selected, a browser shows the first.
      const served = [...el.options].findIndex((option) => option.defaultSelected);
      if (el.selectedIndex !== Math.max(served, 0)) return true;
    } else if ('defaultValue' in el && el.value !== el.defaultValue) {
      return true;
    }
  }
  return false;
}

export function writeForm(values) {
  check('way', values.way);
  check('trial-mode', values.alternative);
  for (const field of FIELDS) {
    const el = inputFor(field);
    const value = values[field.key] ?? '';
    if (!el) continue;
    if (field.kind === 'list') {
      // Empty: the engine's default list.
      const chosen = (value || field.default || '').split(',');
      for (const box of document.querySelectorAll(`input[name="${field.link}"]`)) box.checked = chosen.includes(box.value);
      continue;
    }
    // An empty choice shows its default (the select has no empty option).
    const shown = el.tagName === 'SELECT' && value === '' && field.default !== null ? field.default : value;
    if (el.tagName === 'SELECT' && shown !== '' && ![...el.options].some((o) => o.value === shown)) continue;
    el.value = shown;
  }
  openFilledSections();
  showDefaults();
}

/** A folded section of optional inputs opens when a link has filled one of them. */
function openFilledSections() {
  for (const section of document.querySelectorAll('#calc details.hours-details')) {
    if ([...section.querySelectorAll('input')].some((input) => input.value !== '')) section.open = true;
  }
}

/** Each input's row (.field), found once: the form's inputs never change. */
let rows = null;

/**
 * Shows the panel of the chosen way and, inside it, the inputs in use:
 * inUse is the engine's list for the form as it stands (null: none yet).
 * Runs on every keystroke, so it writes only what changes.
 */
export function showChoices(inUse) {
  const way = checkedValue('way', 'direct');
  for (const panel of document.querySelectorAll('.way-panel')) {
    const hidden = panel.dataset.way !== way;
    if (panel.hidden !== hidden) panel.hidden = hidden;
  }
  if (!inUse) return;
  rows ??= FIELDS.map((field) => [field.key, inputFor(field)?.closest('.field')]).filter(([, row]) => row);
  const used = new Set(inUse);
  for (const [key, row] of rows) {
    const hidden = !used.has(key);
    if (row.hidden !== hidden) row.hidden = hidden;
  }
}

/** Empty inputs show the engine's default (for MFU, epochs, D and M). */
function showDefaults() {
  for (const field of FIELDS) {
    const el = inputFor(field);
    if (field.default !== null && field.kind !== 'choice' && el && el.tagName === 'INPUT') el.placeholder = field.default;
  }
}

/**
 * Custom-price mode (no price table): no instance to choose, and P and N
 * become required. Only the hints and the disabled select change here.
 */
export function setTableMode(hasTable) {
  $('instance').disabled = !hasTable;
  $('calc').classList.toggle('no-table', !hasTable);
}

/** A custom billing increment from a link (e.g. bill=7) gets its own option. */
export function ensureBillingOption(seconds) {
  const select = $('bill');
  if (!seconds || [...select.options].some((o) => o.value === seconds)) return;
  const option = document.createElement('option');
  option.value = seconds;
  option.dataset.custom = 'true';
  select.append(option);
  labelCustomBillingOptions();
}

export function labelCustomBillingOptions() {
  for (const option of $('bill').options) {
    if (option.dataset.custom) option.textContent = fill(t('billCustom'), { seconds: option.value });
  }
}
