// Writes an estimate, the input errors and the link messages into the page.
// Only textContent and createElement are used: every text shown may come from
// a link or the price table, and none of it may become markup.

import { renderBreakdown } from './chart.js';
import {
  currencyUnit, formatAmount, formatDuration, formatHours, formatMoney, formatNumber, formatPrice, priceUnitShort,
} from './format.js';
import { engineMessage, fill, language, t } from './i18n.js';

/** Configuration key -> id of its input (the ids are the link's letters). */
export const INPUT_ID = {
  instance: 'instance',
  hours_per_epoch: 't',
  gpus: 'n',
  price_per_gpu_hour: 'p',
  data_cost_per_epoch: 'd',
  ops_cost_per_epoch: 'm',
  epochs: 'e',
  billing_increment_seconds: 'bill',
  discount_percent: 'disc',
};

const $ = (id) => document.getElementById(id);

function setText(id, text) {
  const el = $(id);
  if (el) el.textContent = text;
}

/** Exact product of a decimal string and an integer, compared in minor units. */
function timesEquals(perEpoch, epochs, total, digits) {
  const toMinor = (text) => {
    const [whole, frac = ''] = String(text).split('.');
    return BigInt(whole + frac.padEnd(digits, '0').slice(0, digits));
  };
  try {
    return toMinor(perEpoch) * BigInt(epochs) === toMinor(total);
  } catch {
    return false;
  }
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
  const sign = timesEquals(r.per_epoch.total, r.epochs, r.total, r.currency_minor_digits) ? '=' : '≈';
  setText('formula-parts', `${amount(r.per_epoch.total)} × ${formatNumber(String(r.epochs))} epoch ${sign} ${amount(r.total)} ${unit}`);

  const notes = [];
  if (r.gpus_billed !== r.gpus) {
    notes.push(t('formulaBilledNote', {
      gpus: r.gpus, instances: r.instances, instance: r.instance_name, billed: r.gpus_billed,
    }));
  }
  if (adjusted) notes.push(t('formulaAdjustedNote'));
  const formulaNote = $('formula-note');
  formulaNote.textContent = notes.join(' ');
  formulaNote.hidden = notes.length === 0;

  renderBreakdown($('breakdown-body'), r);

  setText('fact-gpu-hours', r.gpu_hours === r.billed_gpu_hours
    ? t('gpuHoursValue', { hours: formatNumber(r.gpu_hours) })
    : t('gpuHoursValue', { hours: t('gpuHoursBilled', { used: formatNumber(r.gpu_hours), billed: formatNumber(r.billed_gpu_hours) }) }));
  setText('fact-wall', formatDuration(r.wall_hours));
  setText('fact-billed', formatHours(r.billed_hours));
  const price = formatPrice(r.price_per_gpu_hour, r.currency);
  const source = r.price_source === 'config'
    ? t('priceFromConfig', { price: formatPrice(r.table_price_per_gpu_hour, r.currency) })
    : t('priceFromTable');
  setText('fact-price', `${price} (${source})`);

  renderNotes(r.notes || []);
}

function renderNotes(notes) {
  const list = $('notes');
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

/** Marks the shown estimate as out of date (or not). */
export function renderStale(stale) {
  $('stale').textContent = stale ? t('stale') : '';
  $('results').classList.toggle('is-stale', stale);
  $('mini-summary').classList.toggle('is-stale', stale);
}

/**
 * Shows each engine error next to its input (aria-invalid, described by the
 * message); errors about no input in particular go above the form.
 */
export function renderFieldErrors(errors) {
  const byInput = new Map();
  const general = [];
  for (const error of errors) {
    const id = INPUT_ID[error.field];
    if (id) {
      if (!byInput.has(id)) byInput.set(id, []);
      byInput.get(id).push(engineMessage(error));
    } else {
      general.push(engineMessage(error));
    }
  }
  for (const id of Object.values(INPUT_ID)) {
    const input = $(id);
    const message = $(`err-${id}`);
    const messages = byInput.get(id) || [];
    message.textContent = messages.join(' ');
    message.hidden = messages.length === 0;
    input.closest('.field').classList.toggle('has-error', messages.length > 0);
    if (messages.length) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
  }
  const box = $('general-errors');
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
  const items = problems.map((problem) => {
    const li = document.createElement('li');
    const param = problem.params && problem.params.param;
    if (param) {
      const code = document.createElement('code');
      code.textContent = param;
      li.append(code, ': ');
    }
    li.append(engineMessage(problem));
    if (problem.fallback) {
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
    banner.hidden = true;
    return;
  }
  setText('price-banner-text', t('priceBanner', {
    linkPrice: formatPrice(mismatch.linkPrice, currency),
    tablePrice: formatPrice(mismatch.tablePrice, currency),
    instance: mismatch.instance,
  }));
  setText('keep-link-price', t('keepLinkPrice', { price: formatPrice(mismatch.linkPrice, currency) }));
  setText('use-table-price', t('useTablePrice', { price: formatPrice(mismatch.tablePrice, currency) }));
  banner.hidden = false;
}

/** Instance options, the price table, sources and date. */
export function renderTable(table, selectedId) {
  const select = $('instance');
  select.replaceChildren(...table.instances.map((x) => {
    const option = document.createElement('option');
    option.value = x.id;
    const key = x.gpus_per_instance === 1 ? 'instanceOption' : 'instanceOptionPlural';
    option.textContent = t(key, { name: x.name, gpus: x.gpus_per_instance, price: formatPrice(x.price_per_gpu_hour, table.currency) });
    return option;
  }));
  select.value = selectedId;

  setText('provider', table.provider);
  const date = $('prices-date');
  date.textContent = table.prices_date;
  date.dateTime = /^\d{4}-\d{2}-\d{2}$/.test(table.prices_date) ? table.prices_date : '';
  setText('prices-unit', t('pricesUnitNote', { currency: table.currency }));
  setText('date-note', table.date_note || '');

  $('price-rows').replaceChildren(...table.instances.map((x) => {
    const tr = document.createElement('tr');
    const cells = [x.name, x.gpu, String(x.gpus_per_instance), formatPrice(x.price_per_gpu_hour, table.currency)];
    cells.forEach((text, i) => {
      const cell = document.createElement(i === 0 ? 'th' : 'td');
      if (i === 0) cell.scope = 'row';
      if (i >= 2) cell.className = 'num';
      cell.textContent = text;
      tr.append(cell);
    });
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
      a.textContent = source.title || href;
      const host = document.createElement('span');
      host.className = 'muted';
      host.textContent = ` (${new URL(href).host})`;
      li.append(a, host);
    } else {
      li.textContent = source.title || '';
    }
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

/** Units beside the inputs and the price placeholder, which follow the table and language. */
export function renderUnits(table, instanceId) {
  const price = table.instances.find((x) => x.id === instanceId);
  const unitWord = currencyUnit(table.currency);
  setText('unit-p', language() === 'zh' ? `${unitWord}/GPU·时` : `${table.currency} per GPU-hour`);
  setText('unit-d', t('perEpochUnit', { currency: unitWord }));
  setText('unit-m', t('perEpochUnit', { currency: unitWord }));
  const p = $('p');
  p.placeholder = price ? price.price_per_gpu_hour : '';
  setText('hint-p', t('pHint', { price: price ? formatPrice(price.price_per_gpu_hour, table.currency) : '—' }));
  const n = $('n');
  n.placeholder = price ? String(price.gpus_per_instance) : '';
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
  renderStale(false);
}
