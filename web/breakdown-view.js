// The breakdown chart: a table of compute / data / operations, per epoch and
// in total, with a bar for each part's share of the per-epoch cost. The rows
// and their bars are in the HTML (so nothing moves when numbers arrive);
// this only sets texts and bar widths. Bars are aria-hidden: the percentages
// and amounts beside them carry the same information as text.

import { setBar } from './bar.js';
import { setText } from './dom.js';
import { currencyUnit, formatAmount, formatPercent } from './format.js';

// Evaluation, checkpoint saves and start-up show only when given; start-up
// is billed once, so it has no per-epoch amount and its share is of the total.
const PARTS = ['compute', 'eval', 'checkpoint', 'data', 'ops', 'startup'];
const OPTIONAL = new Set(['eval', 'checkpoint', 'startup']);

/** Share of part in total as a number in [0, 100]; 0 when the total is 0. */
function share(part, total) {
  const p = Number(part);
  const tot = Number(total);
  if (!Number.isFinite(p) || !Number.isFinite(tot) || tot <= 0) return 0;
  return Math.min(100, Math.max(0, (p / tot) * 100));
}

/** result null: no estimate (yet): every amount reads "—" and the bars are empty. */
export function renderBreakdown(tbody, result) {
  if (!result) {
    for (const row of tbody.querySelectorAll('tr[data-part]')) {
      setText(row.querySelector('.part-epoch'), '—');
      setText(row.querySelector('.part-total'), '—');
      setText(row.querySelector('.bar-pct'), '');
      setBar(row.querySelector('.bar-fill'), 0);
    }
    return;
  }
  // Amounts go without a currency (narrow columns); the unit is in the headers.
  const unit = currencyUnit(result.currency);
  for (const el of tbody.closest('table').querySelectorAll('.col-unit')) setText(el, `(${unit})`);
  for (const part of PARTS) {
    const row = tbody.querySelector(`tr[data-part="${part}"]`);
    if (!row) continue;
    const once = part === 'startup';
    const shown = !OPTIONAL.has(part) || Number(result.totals[part]) !== 0;
    if (row.hidden === shown) row.hidden = !shown;
    const pct = once ? share(result.totals[part], result.totals.total) : share(result.per_epoch[part], result.per_epoch.total);
    setText(row.querySelector('.part-epoch'), once ? '—' : formatAmount(result.per_epoch[part], result.currency_minor_digits));
    setText(row.querySelector('.part-total'), formatAmount(result.totals[part], result.currency_minor_digits));
    setText(row.querySelector('.bar-pct'), formatPercent(pct));
    setBar(row.querySelector('.bar-fill'), pct);
  }
}
