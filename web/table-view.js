// The price table in use: the instance options of the form, and the Prices
// section (provider, date, one row per instance, the sources). Names, URLs
// and notes come from the table and are untrusted: textContent only, and
// only http(s) links become anchors.

import { $, setText } from './dom.js';
import { formatNumber, formatPrice } from './format.js';
import { t } from './i18n.js';
import { cleanText, isolated, setUntrusted } from './untrusted.js';

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
    for (const id of ['provider', 'prices-date']) setText($(id), '—');
    setText($('prices-unit'), '');
    setText($('date-note'), '');
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
  setText($('prices-unit'), t('pricesUnitNote', { currency: table.currency }));
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
