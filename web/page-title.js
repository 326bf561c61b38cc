// The tab's title carries the estimate on screen (per epoch and in total),
// so that tabs, history and bookmarks of a link show its own figures; the
// static title, which a chat's preview reads, has none. Written in a task of
// its own, once per burst of edits, like the address bar.

import { formatMoney, formatNumber } from './format.js';
import { t } from './i18n.js';

let pending = null;

/** r: the estimate the figures show, or null (none, or not the inputs'). */
export function renderTitle(r) {
  let title = t('pageTitle');
  if (r) {
    const money = (text) => formatMoney(text, r.currency, r.currency_minor_digits);
    const params = { perEpoch: money(r.per_epoch.total), total: money(r.total), epochs: formatNumber(String(r.epochs)) };
    title = t(r.epochs === 1 ? 'titleFiguresOne' : 'titleFigures', params);
  }
  if (pending === null) {
    setTimeout(() => {
      if (document.title !== pending) document.title = pending;
      pending = null;
    }, 0);
  }
  pending = title;
}
