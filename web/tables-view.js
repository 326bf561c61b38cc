// "Rank every shipped table together" (docs/money.md): the same workload on
// every instance of the table in use and of the other shipped table, ranked
// by the engine in one currency. Tables of different currencies are ranked
// only with the second currency's rate; without one the engine's refusal is
// shown in its place. Drawn again on every answer once asked for.

import { $, setHidden, setText } from './dom.js';
import { formatMoney } from './format.js';
import { engineMessage, t } from './i18n.js';
import { fetchPriceText, SHIPPED_TABLES } from './prices.js';
import { isolated } from './untrusted.js';

// The other table's text, fetched once when first asked for; null until then.
let other = null;

/** The shipped table that is not in use (the second when a file is in use). */
function otherPath(source) {
  const path = source && source.path;
  return SHIPPED_TABLES.find((candidate) => candidate !== path) || SHIPPED_TABLES[1];
}

function row(r, currency, digits) {
  const tr = document.createElement('tr');
  const provider = document.createElement('td');
  provider.append(isolated(r.provider));
  const instance = document.createElement('td');
  instance.append(isolated(r.instance_name || r.instance));
  const own = document.createElement('td');
  own.className = 'num';
  const ranked = document.createElement('td');
  ranked.className = 'num';
  if (r.ok) {
    setText(own, formatMoney(r.total, r.currency, r.currency_minor_digits));
    setText(ranked, formatMoney(r.ranked_total, currency, digits) + (r.cheapest ? ` ${t('cheapest')}` : ''));
  } else {
    setText(own, '—');
    setText(ranked, engineMessage((r.errors || [{}])[0]));
  }
  tr.append(provider, instance, own, ranked);
  return tr;
}

/** Draws the ranking for the current answer (nothing until asked for). */
export function renderTables(engine, pricesText, config) {
  if (other === null) return;
  const note = $('tables-note');
  const box = $('tables-box');
  if (!engine || !pricesText || !config) {
    setHidden(box, true);
    return;
  }
  const ranked = engine.compareTables(pricesText, other, config);
  if (!ranked.ok) {
    setText(note, engineMessage((ranked.errors || [{}])[0]));
    setHidden(note, false);
    setHidden(box, true);
    return;
  }
  setHidden(note, true);
  setText($('ranked-column'), t('rankedColumn', { currency: ranked.currency }));
  $('tables-rows').replaceChildren(...ranked.rows.map((r) => row(r, ranked.currency, ranked.currency_minor_digits)));
  setHidden(box, false);
}

/** The button: fetch the other table once, then rank. */
export function wireTables(getState, redraw) {
  $('rank-tables').addEventListener('click', async () => {
    const note = $('tables-note');
    if (other === null) {
      setText(note, t('tablesLoading'));
      setHidden(note, false);
      try {
        other = await fetchPriceText(otherPath(getState().source));
      } catch {
        setText(note, t('tablesFailed'));
        return;
      }
    }
    redraw();
  });
}
