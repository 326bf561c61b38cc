// Writes an estimate, the input errors and the link messages into the page.
// Only textContent and createElement are used: every text shown may come from
// a link or the price table, and none of it may become markup.

import { renderBreakdown } from './chart.js';
import { forget, setHidden, setText as setElementText, unchanged } from './dom.js';
import {
  currencyUnit, formatAmount, formatDuration, formatHours, formatNumber, formatMoney, formatPrice, priceUnit,
  priceUnitShort,
} from './format.js';
import { engineMessage, fill, language, t } from './i18n.js';
import { INPUT_ID, WAY_KEY } from './state.js';
import { cleanText, isolated, setUntrusted } from './untrusted.js';

export { INPUT_ID };

/** Errors about a way as a whole ('trial': conflicting, too long) go under the way's inputs. */
const WAY_FIELDS = new Set(Object.values(WAY_KEY).filter((key) => key !== 'hours_per_epoch'));

const $ = (id) => document.getElementById(id);

/** Writes text only when it differs: an unchanged figure costs no DOM work. */
function setText(id, text) {
  setElementText($(id), text);
}

export function renderResult(r) {
  const money = (text) => formatMoney(text, r.currency, r.currency_minor_digits);
  const amount = (text) => formatAmount(text, r.currency_minor_digits);

  const totalLabel = r.epochs === 1 ? t('totalForOne') : t('totalFor', { epochs: formatNumber(String(r.epochs)) });
  setText('per-epoch', money(r.per_epoch.total));
  setText('total', money(r.total));
  setText('total-label', totalLabel);
  setText('mini-per-epoch', money(r.per_epoch.total));
  setText('mini-total', money(r.total));
  setText('mini-total-label', totalLabel);

  // Formula with the numbers substituted. N is the GPUs billed; when the
  // billing increment or a discount changes compute, the line shows the
  // compute the engine charged instead of pretending T × P × N is exact.
  const unit = currencyUnit(r.currency);
  const product = `${formatHours(r.hours_per_epoch)} × ${formatNumber(r.price_per_gpu_hour)} ${priceUnitShort(r.currency)}`
    + ` × ${formatNumber(String(r.gpus_billed))} ${t('gpuUnit')}`;
  const adjusted = Number(r.discount) !== 0 || Number(r.billing_extra) !== 0;
  const sum = `${amount(r.per_epoch.data)} + ${amount(r.per_epoch.ops)}`;
  setText('formula-substituted', adjusted
    ? `${product} → ${amount(r.per_epoch.compute)} + ${sum} = ${amount(r.per_epoch.total)} ${unit}`
    : `${product} + ${sum} = ${amount(r.per_epoch.total)} ${unit}`);
  // The engine says whether the rounded figures multiply out exactly.
  const sign = r.total_is_per_epoch_times_epochs ? '=' : '≈';
  setText('formula-parts', `${amount(r.per_epoch.total)} × ${formatNumber(String(r.epochs))} epoch ${sign} ${amount(r.total)} ${unit}`);

  const notes = [];
  if (r.gpus_billed !== r.gpus) {
    notes.push(t('formulaBilledNote', {
      gpus: r.gpus, instances: r.instances, instance: cleanText(r.instance_name), billed: r.gpus_billed,
    }));
  }
  if (adjusted) notes.push(t('formulaAdjustedNote'));
  const formulaNote = $('formula-note');
  setElementText(formulaNote, notes.join(' '));
  setHidden(formulaNote, notes.length === 0);

  renderBreakdown($('breakdown-body'), r);

  setText('fact-gpu-hours', r.gpu_hours === r.billed_gpu_hours
    ? t('gpuHoursValue', { hours: formatNumber(r.gpu_hours) })
    : t('gpuHoursValue', { hours: t('gpuHoursBilled', { used: formatNumber(r.gpu_hours), billed: formatNumber(r.billed_gpu_hours) }) }));
  setText('fact-wall', formatDuration(r.wall_hours));
  setText('fact-billed', formatHours(r.billed_hours));
  const price = formatPrice(r.price_per_gpu_hour, r.currency);
  let source = t('priceFromTable');
  if (r.price_source === 'config') {
    source = r.table_price_per_gpu_hour === null || r.table_price_per_gpu_hour === undefined
      ? t('priceCustom')
      : t('priceFromConfig', { price: formatPrice(r.table_price_per_gpu_hour, r.currency) });
  }
  setText('fact-price', `${price} (${source})`);

  renderNotes(r.notes || []);
}

/**
 * No estimate: a link whose values cannot be computed together. Every figure
 * reads "—", as in the page's markup; the built page's first view (the seed
 * example) must not stand in for the link's.
 */
export function renderNoResult() {
  for (const id of ['per-epoch', 'total', 'mini-per-epoch', 'mini-total', 'formula-substituted', 'formula-parts',
    'fact-gpu-hours', 'fact-wall', 'fact-billed', 'fact-price']) setText(id, '—');
  setHidden($('formula-note'), true);
  renderBreakdown($('breakdown-body'), null);
  renderNotes([]);
}

function renderNotes(notes) {
  const list = $('notes');
  if (unchanged(list, JSON.stringify([language(), notes.map((note) => [engineMessage(note), note.code])]))) return;
  const items = notes.map((note) => {
    const li = document.createElement('li');
    li.textContent = engineMessage(note);
    li.dataset.code = String(note.code || '');
    return li;
  });
  if (items.length === 0) {
    const li = document.createElement('li');
    li.className = 'muted';
    li.textContent = t('noNotes');
    items.push(li);
  }
  list.replaceChildren(...items);
}

/**
 * Marks the shown estimate as not matching the inputs, or clears the mark:
 * 'stale' (an input has an error; the last good estimate stays), 'pending'
 * (the reader edited before the engine could compute) or null.
 */
export function renderStale(kind) {
  setText('stale', kind ? t(kind) : '');
  $('results').classList.toggle('is-stale', Boolean(kind));
  $('mini-summary').classList.toggle('is-stale', Boolean(kind));
}

let showingErrors = true; // until the first call has checked every field

/**
 * Shows each engine error next to its input (aria-invalid, described by the
 * message); errors about no input in particular go above the form.
 */
export function renderFieldErrors(errors) {
  // Nothing shown and nothing to show: most keystrokes.
  if (errors.length === 0 && !showingErrors) return;
  showingErrors = errors.length > 0;
  const byInput = new Map();
  const general = [];
  for (const error of errors) {
    const id = WAY_FIELDS.has(error.field) ? 'way' : INPUT_ID[error.field];
    if (id) {
      if (!byInput.has(id)) byInput.set(id, []);
      byInput.get(id).push(engineMessage(error));
    } else {
      general.push(engineMessage(error));
    }
  }
  for (const id of [...Object.values(INPUT_ID), 'way']) {
    const input = $(id);
    const message = $(`err-${id}`);
    const messages = byInput.get(id) || [];
    const shown = messages.join(' ');
    setElementText(message, shown);
    setHidden(message, messages.length === 0);
    if (id === 'way') continue;
    if (messages.length) {
      input.closest('.field').classList.add('has-error');
      input.setAttribute('aria-invalid', 'true');
    } else if (input.hasAttribute('aria-invalid')) {
      input.closest('.field').classList.remove('has-error');
      input.removeAttribute('aria-invalid');
    }
  }
  const box = $('general-errors');
  if (unchanged(box, JSON.stringify(general))) return;
  box.replaceChildren(...general.map((text) => {
    const p = document.createElement('p');
    p.textContent = text;
    return p;
  }));
  box.hidden = general.length === 0;
}

/**
 * Lists the link's bad parameters, each with its message and the value used
 * instead. problems: engine errors (params.param = link key) plus fallback;
 * extra: ready-made strings (language, embed).
 */
export function renderLinkProblems(problems, extra = []) {
  const box = $('link-problems');
  if (unchanged(box, JSON.stringify([language(), problems, extra]))) return;
  const items = problems.map((problem) => {
    const li = document.createElement('li');
    const param = problem.params && problem.params.param;
    if (param) {
      const code = isolated(param, 'code');
      li.append(code, ': ');
    }
    li.append(engineMessage(problem));
    if (problem.chosenWay) {
      li.append(' ', t('linkWayChosen', { way: t(`wayName_${problem.chosenWay}`) }));
    } else if (problem.fallback) {
      li.append(' ', t('linkProblemFallback', { value: problem.fallback }));
    } else if (problem.field === 'price_per_gpu_hour') {
      li.append(' ', t('linkFallbackTablePrice'));
    } else if (problem.field === 'discount_percent') {
      li.append(' ', t('linkFallbackNoDiscount'));
    }
    return li;
  });
  for (const text of extra) {
    const li = document.createElement('li');
    li.textContent = text;
    items.push(li);
  }
  $('link-problems-list').replaceChildren(...items);
  box.hidden = items.length === 0;
}

/** The banner for a link whose price differs from the live table. */
export function renderPriceBanner(mismatch, currency) {
  const banner = $('price-banner');
  if (!mismatch) {
    setHidden(banner, true);
    return;
  }
  setText('price-banner-text', t('priceBanner', {
    linkPrice: formatPrice(mismatch.linkPrice, currency),
    tablePrice: formatPrice(mismatch.tablePrice, currency),
    instance: cleanText(mismatch.instance),
  }));
  setText('keep-link-price', t('keepLinkPrice', { price: formatPrice(mismatch.linkPrice, currency) }));
  setText('use-table-price', t('useTablePrice', { price: formatPrice(mismatch.tablePrice, currency) }));
  banner.hidden = false;
}

/**
 * Instance options, the price table, sources and date. table null: no
 * table could be loaded (custom price): one disabled "no table" option.
 */
export function renderTable(table, selectedId) {
  const select = $('instance');
  if (!table) {
    const option = document.createElement('option');
    option.value = '';
    option.textContent = t('noTableOption');
    select.replaceChildren(option);
    for (const id of ['provider', 'prices-date']) setText(id, '—');
    setText('prices-unit', '');
    setText('date-note', '');
    for (const id of ['price-rows', 'sources', 'specs-sources']) $(id).replaceChildren();
    return;
  }
  select.replaceChildren(...table.instances.map((x) => {
    const option = document.createElement('option');
    option.value = x.id;
    const key = x.gpus_per_instance === 1 ? 'instanceOption' : 'instanceOptionPlural';
    // An <option> holds text only: the name is cleaned of bidi controls.
    option.textContent = t(key, { name: cleanText(x.name), gpus: x.gpus_per_instance, price: formatPrice(x.price_per_gpu_hour, table.currency) });
    return option;
  }));
  select.value = selectedId;

  setUntrusted($('provider'), table.provider);
  const date = $('prices-date');
  date.textContent = cleanText(table.prices_date);
  date.dateTime = /^\d{4}-\d{2}-\d{2}$/.test(table.prices_date) ? table.prices_date : '';
  setText('prices-unit', t('pricesUnitNote', { currency: table.currency }));
  setUntrusted($('date-note'), table.date_note || '');

  $('price-rows').replaceChildren(...table.instances.map((x) => {
    const tr = document.createElement('tr');
    const head = document.createElement('th');
    head.scope = 'row';
    head.append(isolated(x.name));
    const gpu = document.createElement('td');
    gpu.append(isolated(x.gpu));
    const numbers = [
      String(x.gpus_per_instance),
      formatPrice(x.price_per_gpu_hour, table.currency),
      x.gpu_memory_gb ? t('gbValue', { gb: formatNumber(x.gpu_memory_gb) }) : '—',
      x.gpu_peak_tflops ? t('tflopsValue', { tflops: formatNumber(x.gpu_peak_tflops) }) : '—',
    ].map((text) => {
      const cell = document.createElement('td');
      cell.className = 'num';
      cell.textContent = text;
      return cell;
    });
    tr.append(head, gpu, ...numbers);
    return tr;
  }));

  $('sources').replaceChildren(...(table.sources || []).map((source) => {
    const li = document.createElement('li');
    const href = safeHttpUrl(source.url);
    if (href) {
      const a = document.createElement('a');
      a.href = href;
      a.rel = 'noopener noreferrer';
      a.target = '_blank';
      setUntrusted(a, source.title || href);
      const host = document.createElement('span');
      host.className = 'muted';
      host.textContent = ` (${new URL(href).host})`;
      li.append(a, host);
    } else {
      li.append(isolated(source.title || ''));
    }
    return li;
  }));

  $('specs-sources').replaceChildren(...table.instances.filter((x) => x.gpu_specs_source).map((x) => {
    const li = document.createElement('li');
    li.append(isolated(x.name, 'strong'), ': ', isolated(x.gpu_specs_source));
    return li;
  }));
}

/** Only http(s) links from the price table become anchors. */
function safeHttpUrl(text) {
  try {
    const url = new URL(String(text));
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * Units beside the inputs, the placeholders that show the table's figures
 * (price, GPUs, peak TFLOPS with its source), for the table and language.
 */
export function renderUnits(table, instanceId) {
  const instance = table ? table.instances.find((x) => x.id === instanceId) : null;
  const currency = table ? table.currency : 'CNY';
  const unitWord = currencyUnit(currency);
  setText('unit-p', priceUnit(currency));
  setText('unit-d', t('perEpochUnit', { currency: unitWord }));
  setText('unit-m', t('perEpochUnit', { currency: unitWord }));
  setText('unit-budget', unitWord);
  setPlaceholder($('p'), instance ? instance.price_per_gpu_hour : '');
  setPlaceholder($('n'), instance ? String(instance.gpus_per_instance) : '');
  if (table) {
    setText('hint-p', t('pHint', { price: instance ? formatPrice(instance.price_per_gpu_hour, currency) : '—' }));
    setText('hint-n', t('nHint'));
    setText('hint-instance', t('instanceHint'));
    setText('label-p', t('pLabel'));
  } else {
    setText('hint-p', t('pRequiredHint'));
    setText('hint-n', t('nRequiredHint'));
    setText('hint-instance', t('noTableHint'));
    setText('label-p', t('pLabelRequired'));
  }

  const pk = $('pk');
  const hint = $('hint-pk');
  if (instance && instance.gpu_peak_tflops) {
    setPlaceholder(pk, instance.gpu_peak_tflops);
    if (unchanged(hint, JSON.stringify([language(), instance.gpu_peak_tflops, instance.gpu, instance.gpu_specs_source]))) return;
    hint.replaceChildren(t('pkHintTable', {
      peak: formatNumber(instance.gpu_peak_tflops), gpu: cleanText(instance.gpu), source: '',
    }).trimEnd(), ' ', isolated(instance.gpu_specs_source || '—'));
  } else {
    setPlaceholder(pk, '');
    forget(hint);
    setElementText(hint, t('pkHintNone'));
  }
}

function setPlaceholder(input, text) {
  if (input.placeholder !== text) input.placeholder = text;
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

export function showLoadError(error) {
  const box = $('load-error');
  const code = error && error.code;
  const reasonKey = `reason_${code}`;
  const reason = t(reasonKey) === reasonKey ? t('reason_unknown') : t(reasonKey);
  box.textContent = t('loadFailed', { reason });
  box.hidden = false;
}
