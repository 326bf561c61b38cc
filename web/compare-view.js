// "Compare every instance": the engine's comparison (the same workload on
// every instance type, at table prices, cheapest first) as a table and a
// small bar chart of the totals. The chart is aria-hidden: the table carries
// the same figures as text.

import { createBar, setBar } from './bar.js';
import { $, setText } from './dom.js';
import { formatDuration, formatHours, formatMoney } from './format.js';
import { engineMessage, t } from './i18n.js';
import { isolated } from './untrusted.js';

function cell(tag, text, className = '') {
  const el = document.createElement(tag);
  if (className) el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}

function badge(text, kind) {
  return cell('span', text, `badge badge-${kind}`);
}

/**
 * answer: engine.answer's comparison (rows cut to what is shown; null: no
 * price table); selected: the chosen instance id; result: the current
 * estimate (for the note's N and way).
 */
export function renderComparison(answer, { selected, result, override }) {
  const body = $('compare-rows');
  const chart = $('compare-chart');
  const note = $('compare-note');
  const empty = !answer || !answer.ok || !Array.isArray(answer.rows);
  $('compare').classList.toggle('is-empty', empty);
  if (empty) {
    setText(note, answer ? engineMessage((answer.errors || [{}])[0]) : t('compareNeedsTable'));
    body.replaceChildren();
    chart.replaceChildren();
    return;
  }
  const way = result && result.time_way === 'hours_per_epoch' ? 'direct' : (result ? result.time_way : 'direct');
  setText(note, [
    t(`compareNote_${way}`),
    t('compareNoteCommon', { gpus: result ? result.gpus : '—' }),
    override ? t('compareOverride') : '',
    answer.rows.some((row) => row.ok && row.range) ? t('compareRangeNote') : '',
  ].filter(Boolean).join(' '));

  const good = answer.rows.filter((row) => row.ok);
  // With a range the chart's scale reaches the highest estimate.
  const top = (row) => Number(row.range ? row.range.total_high : row.total);
  const max = Math.max(0, ...good.map(top).filter(Number.isFinite));
  const ranged = good.some((row) => row.range);

  // Rows and bars are kept between updates and only their changed texts and
  // widths are written: typing in a field changes figures, not the rows.
  const rows = answer.rows.map((row) => {
    const shape = JSON.stringify([row.instance, row.instance_name, row.cheapest, row.instance === selected,
      row.ok, row.ok ? '' : (row.errors || []).map(engineMessage), row.memory ? row.memory.fit : null,
      t('cheapest'), t('selectedInstance'), row.memory ? t(`memory_${row.memory.fit}`) : t('fitsNotChecked')]);
    let tr = reusable(body, 'tr', row.instance, shape);
    if (!tr) {
      tr = buildRow(row, selected);
      tr.dataset.shape = shape;
    }
    if (row.ok) {
      const money = (text) => formatMoney(text, row.currency, row.currency_minor_digits);
      const cells = tr.querySelectorAll('td.num');
      setText(cells[0], formatHours(row.hours_per_epoch));
      setText(cells[1], money(row.per_epoch.total));
      const [total, range, converted] = cells[2].children;
      setText(total, money(row.total));
      setText(range, row.range ? `${money(row.range.total_low)} – ${money(row.range.total_high)}` : '');
      const c = row.converted;
      setText(converted, c ? `≈ ${formatMoney(c.total, c.code, c.minor_unit_digits)}` : '');
      setText(cells[3], formatDuration(row.wall_hours));
    }
    return tr;
  });
  replaceIfChanged(body, rows);

  const bars = good.map((row) => {
    const shape = JSON.stringify([row.instance, row.instance_name, row.cheapest]);
    let li = reusable(chart, 'li', row.instance, shape);
    if (!li) {
      li = document.createElement('li');
      li.dataset.instance = row.instance;
      li.dataset.shape = shape;
      if (row.cheapest) li.className = 'is-cheapest';
      li.append(isolated(row.instance_name || row.instance), createBar('bar-compute', 0), cell('span', '', 'num'));
    }
    const total = Number(row.total);
    const scaled = (value) => (max > 0 && Number.isFinite(value) ? (value / max) * 100 : 0);
    setBar(li.querySelector('.bar-compute'), scaled(total));
    setBand(li.querySelector('.bar'), ranged && row.range, scaled);
    setText(li.querySelector('.num'), formatMoney(row.total, row.currency, row.currency_minor_digits));
    return li;
  });
  replaceIfChanged(chart, bars);
}

/**
 * The range as a band on a bar: a pale fill to the high estimate behind the
 * expected one and a dark fill to the low in front (classes only: the CSP
 * allows no style attribute). range null: no band.
 */
function setBand(track, range, scaled) {
  let high = track.querySelector('.bar-high');
  let low = track.querySelector('.bar-low');
  if (!range) {
    if (high) high.remove();
    if (low) low.remove();
    return;
  }
  if (!high) {
    high = createBar('bar-high', 0).firstChild;
    low = createBar('bar-low', 0).firstChild;
    track.prepend(high);
    track.append(low);
  }
  setBar(high, scaled(Number(range.total_high)));
  setBar(low, scaled(Number(range.total_low)));
}

/** No comparison at all (a link whose engine could not load): no rows, no bars, "—". */
export function clearComparison() {
  $('compare').classList.add('is-empty');
  setText($('compare-note'), '—');
  $('compare-rows').replaceChildren();
  $('compare-chart').replaceChildren();
}

/** The parent's child for this instance when it was built for the same shape. */
function reusable(parent, tag, instance, shape) {
  for (const child of parent.children) {
    if (child.localName === tag && child.dataset.instance === instance && child.dataset.shape === shape) return child;
  }
  return null;
}

function replaceIfChanged(parent, children) {
  const same = parent.children.length === children.length && children.every((el, i) => parent.children[i] === el);
  if (!same) parent.replaceChildren(...children);
}

/** A comparison row with empty figure cells (filled by the caller). */
function buildRow(row, selected) {
  const tr = document.createElement('tr');
  tr.dataset.instance = row.instance;
  const head = cell('th');
  head.scope = 'row';
  head.append(isolated(row.instance_name || row.instance));
  if (row.cheapest) {
    tr.classList.add('is-cheapest');
    head.append(' ', badge(t('cheapest'), 'cheapest'));
  }
  if (row.instance === selected) {
    tr.classList.add('is-selected');
    head.append(' ', cell('span', `(${t('selectedInstance')})`, 'muted'));
  }
  tr.append(head);
  if (!row.ok) {
    const message = cell('td', (row.errors || []).map(engineMessage).join(' '), 'row-error');
    message.colSpan = 5;
    tr.append(message);
    return tr;
  }
  // The total, and under it the range and the second currency's total when
  // there are (the rate, date and source are said once, under the estimate).
  const total = cell('td', undefined, 'num total-cell');
  total.append(cell('span', ''), cell('span', '', 'range-line'), cell('span', '', 'range-line converted-line'));
  tr.append(cell('td', '', 'num'), cell('td', '', 'num'), total, cell('td', '', 'num'));
  const fits = cell('td');
  if (row.memory) fits.append(badge(t(`memory_${row.memory.fit}`), row.memory.fit));
  else fits.append(cell('span', t('fitsNotChecked'), 'muted'));
  tr.append(fits);
  return tr;
}
