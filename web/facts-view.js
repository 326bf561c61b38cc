// "Time and usage": GPU-hours (used and billed), wall-clock time, billed
// hours, and the price used with where it came from.

import { $, setText } from './dom.js';
import { formatDuration, formatHours, formatNumber, formatPrice } from './format.js';
import { t } from './i18n.js';

/** r null: no estimate; every fact reads "—". */
export function renderFacts(r) {
  if (!r) {
    for (const id of ['fact-gpu-hours', 'fact-wall', 'fact-billed', 'fact-price']) setText($(id), '—');
    return;
  }
  setText($('fact-gpu-hours'), r.gpu_hours === r.billed_gpu_hours
    ? t('gpuHoursValue', { hours: formatNumber(r.gpu_hours) })
    : t('gpuHoursValue', { hours: t('gpuHoursBilled', { used: formatNumber(r.gpu_hours), billed: formatNumber(r.billed_gpu_hours) }) }));
  setText($('fact-wall'), formatDuration(r.wall_hours));
  setText($('fact-billed'), formatHours(r.billed_hours));
  const price = formatPrice(r.price_per_gpu_hour, r.currency);
  let source = t('priceFromTable');
  if (r.price_source === 'owned') {
    source = t(r.owned && r.owned.way === 'purchase' ? 'priceOwnedPurchase' : 'priceOwnedHourly');
  } else if (r.price_source === 'config') {
    source = r.table_price_per_gpu_hour === null || r.table_price_per_gpu_hour === undefined
      ? t('priceCustom')
      : t('priceFromConfig', { price: formatPrice(r.table_price_per_gpu_hour, r.currency) });
  }
  setText($('fact-price'), `${price} (${source})`);
}
