// The money lines of the Estimate panel (docs/money.md): the total again in
// a second currency with its rate, date and source; the run's energy and
// carbon; and where an owner's P came from. Every figure is the engine's
// (converted and rounded in the core); this only words and places them.

import { $, setHidden, setText } from './dom.js';
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

function renderEnergy(r) {
  const el = $('energy-line');
  const n = r && r.energy;
  setHidden(el, !n);
  if (!n) return;
  let text = t('energyLine', {
    gpuHours: formatNumber(n.gpu_hours), watts: formatNumber(n.watts_per_gpu), pue: formatNumber(n.pue), kwh: formatNumber(n.kwh),
  });
  if (n.kg_co2 !== null) text += t('energyCarbon', { kg: formatNumber(n.kg_co2), intensity: formatNumber(n.kg_co2_per_kwh) });
  if (n.cost !== null) {
    text += t('energyCost', { cost: formatMoney(n.cost, r.currency, r.currency_minor_digits) });
    text += n.in_price ? t('energyCostInPrice') : t('energyCostNotAdded');
  }
  setText(el, text);
}

function renderOwned(r) {
  const el = $('owned-line');
  const o = r && r.owned;
  setHidden(el, !o);
  if (!o) return;
  const params = {
    price: formatNumber(o.purchase_price_per_gpu ?? ''),
    years: formatNumber(o.service_life_years ?? ''),
    amortisation: formatNumber(o.amortisation_per_gpu_hour),
    energy: formatNumber(o.energy_per_gpu_hour),
    p: formatNumber(o.price_per_gpu_hour),
  };
  setText(el, t(o.way === 'purchase' ? 'ownedPurchase' : 'ownedHourly', params));
}

/** r null: no estimate; the lines are hidden. */
export function renderMoney(r) {
  renderConverted(r);
  renderEnergy(r);
  renderOwned(r);
}
