// The ranking of "Rank every shipped table together" (docs/money.md),
// loaded only when the reader asks for it (it is not needed for the first
// estimate). It imports nothing: the page hands it its own helpers, so that
// it shares the page's language and formatting state.

let other = null; // the other table's text, fetched once

/** Fetches the other shipped table (once). Throws when it cannot. */
export async function load(d, source) {
  if (other !== null) return;
  const path = source && source.path;
  other = await d.fetchPriceText(d.SHIPPED_TABLES.find((p) => p !== path) || d.SHIPPED_TABLES[1]);
}

function row(d, r, currency, digits) {
  const tr = document.createElement('tr');
  const cells = [0, 1, 2, 3].map(() => tr.appendChild(document.createElement('td')));
  cells[0].append(d.isolated(r.provider));
  cells[1].append(d.isolated(r.instance_name || r.instance));
  cells[2].className = 'num';
  cells[3].className = 'num';
  if (r.ok) {
    d.setText(cells[2], d.formatMoney(r.total, r.currency, r.currency_minor_digits));
    d.setText(cells[3], d.formatMoney(r.ranked_total, currency, digits) + (r.cheapest ? ` ${d.t('cheapest')}` : ''));
  } else {
    d.setText(cells[2], '—');
    d.setText(cells[3], d.engineMessage((r.errors || [{}])[0]));
  }
  return tr;
}

/** Draws the engine's ranking of the table in use with the other one, or its refusal. */
export function render(d, engine, pricesText, config) {
  const note = d.$('tables-note');
  const box = d.$('tables-box');
  if (other === null || !engine || !pricesText || !config) {
    d.setHidden(box, true);
    return;
  }
  const ranked = engine.compareTables(pricesText, other, config);
  d.setHidden(note, ranked.ok);
  d.setHidden(box, !ranked.ok);
  if (!ranked.ok) {
    d.setText(note, d.engineMessage((ranked.errors || [{}])[0]));
    return;
  }
  d.setText(d.$('ranked-column'), d.t('rankedColumn', { currency: ranked.currency }));
  d.$('tables-rows').replaceChildren(...ranked.rows.map((r) => row(d, r, ranked.currency, ranked.currency_minor_digits)));
}
