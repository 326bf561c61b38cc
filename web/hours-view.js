// The billed hours in the Estimate panel: the range as a band under the
// total, and spot capacity beside on-demand (billed hours, price, total,
// the saving and the first-order formula with the engine's figures).

import { $, setHidden, setText } from './dom.js';
import { formatHours, formatMoney, formatNumber, formatPrice } from './format.js';
import { t } from './i18n.js';

/** r null or without a range: the band is hidden. */
export function renderRange(r) {
  const band = $('total-range');
  const range = r && r.range;
  setHidden(band, !range);
  if (!range) return;
  const money = (text) => formatMoney(text, r.currency, r.currency_minor_digits);
  setText(band, t('totalRange', { low: money(range.total_low), high: money(range.total_high) }));
}

/** r null or without spot capacity: the block is hidden. */
export function renderSpot(r) {
  const spot = r && r.spot;
  setHidden($('spot-block'), !spot);
  if (!spot) return;
  const money = (text) => formatMoney(text, r.currency, r.currency_minor_digits);
  setText($('spot-od-hours'), formatHours(r.billed_hours));
  setText($('spot-hours'), formatHours(spot.billed_hours));
  setText($('spot-od-price'), formatPrice(r.price_per_gpu_hour, r.currency));
  setText($('spot-price'), formatPrice(spot.price_per_gpu_hour, r.currency));
  setText($('spot-od-total'), money(r.total));
  setText($('spot-total'), money(spot.total));
  const dearer = spot.saving.startsWith('-');
  setText($('spot-saving'), dearer
    ? t('spotCostsMore', { amount: money(spot.saving.slice(1)) })
    : t('spotSaving', { amount: money(spot.saving), percent: `${formatNumber(spot.saving_percent)}%` }));
  setText($('spot-formula'), t('spotFormula', {
    work: formatNumber(spot.work_hours),
    lambda: formatNumber(spot.interruptions_per_hour),
    interval: formatNumber(spot.checkpoint_interval_hours),
    restart: formatNumber(spot.restart_hours),
    billed: formatNumber(spot.billed_hours),
    interruptions: formatNumber(spot.expected_interruptions),
    lost: formatNumber(spot.lost_hours),
  }));
}
