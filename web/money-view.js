// The total again in a second currency, with its rate, date and source,
// under the total (docs/money.md). The figure is the engine's (converted and
// rounded in the core); the energy, the carbon and an owner's P are the
// engine's notes, shown with the others.

import { $, setHidden } from './dom.js';
import { formatMoney, formatNumber } from './format.js';
import { t } from './i18n.js';
import { isolated } from './untrusted.js';

function renderConverted(r) {
  const el = $('total-converted');
  const c = r && r.converted;
  setHidden(el, !c);
  if (!c) return;
  const text = t('convertedTotal', {
    amount: formatMoney(c.total, c.code, c.minor_unit_digits),
    rate: formatNumber(c.rate),
    code: c.code,
    from: c.from,
  }) + (c.date ? t('convertedDate', { date: c.date }) : '');
  // The source is the user's own text (or a link's): never markup.
  const parts = [text];
  if (c.source) parts.push(t('convertedSource', { source: '' }), isolated(c.source));
  el.replaceChildren(...parts);
}

/** r null: no estimate; the lines are hidden. */
export function renderMoney(r) {
  renderConverted(r);
}
