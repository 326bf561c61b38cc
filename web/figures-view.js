// The headline figures (per epoch and in total), the phone's summary bar
// that repeats them, and the mark that says they do not match the inputs.

import { $, setText } from './dom.js';
import { formatMoney, formatNumber } from './format.js';
import { t } from './i18n.js';

/** r null: no estimate; the figures read "—", as in the page's markup. */
export function renderFigures(r) {
  if (!r) {
    for (const id of ['per-epoch', 'total', 'mini-per-epoch', 'mini-total']) setText($(id), '—');
    return;
  }
  const money = (text) => formatMoney(text, r.currency, r.currency_minor_digits);
  const totalLabel = r.epochs === 1 ? t('totalForOne') : t('totalFor', { epochs: formatNumber(String(r.epochs)) });
  setText($('per-epoch'), money(r.per_epoch.total));
  setText($('total'), money(r.total));
  setText($('total-label'), totalLabel);
  setText($('mini-per-epoch'), money(r.per_epoch.total));
  setText($('mini-total'), money(r.total));
  setText($('mini-total-label'), totalLabel);
}

/**
 * Marks the shown estimate as not matching the inputs, or clears the mark:
 * 'stale' (an input has an error; the last good estimate stays), 'pending'
 * (the reader edited before the engine could compute), 'notComputed' (the
 * engine did not load) or null.
 */
export function renderStale(kind) {
  setText($('stale'), kind ? t(kind) : '');
  $('results').classList.toggle('is-stale', Boolean(kind));
  $('mini-summary').classList.toggle('is-stale', Boolean(kind));
}

/** Hides the phone summary bar while the figures themselves are on screen. */
export function watchFigures() {
  const bar = $('mini-summary');
  if (!('IntersectionObserver' in window)) return;
  new IntersectionObserver(([entry]) => {
    bar.classList.toggle('is-hidden', entry.isIntersecting);
  }).observe($('figures'));
}
