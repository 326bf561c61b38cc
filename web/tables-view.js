// "Rank every shipped table together" (docs/money.md): the table in use and
// the other shipped table, ranked by the engine in one currency (or its
// refusal without a rate). The ranking itself (tables-rank.js) is loaded
// when the reader first asks for it, outside the first estimate's bytes.

import { $, setHidden, setText } from './dom.js';
import { formatMoney } from './format.js';
import { engineMessage, t } from './i18n.js';
import { fetchPriceText, SHIPPED_TABLES } from './prices.js';
import { isolated } from './untrusted.js';

const HELPERS = {
  $, setHidden, setText, formatMoney, engineMessage, t, fetchPriceText, SHIPPED_TABLES, isolated,
};
let ranking = null; // the loaded module, once asked for and its table fetched

/** Draws the ranking for the current answer (nothing until asked for). */
export function renderTables(engine, pricesText, config) {
  if (ranking) ranking.render(HELPERS, engine, pricesText, config);
}

/** The button: load the ranking and the other table once, then draw. */
export function wireTables(getState, redraw) {
  $('rank-tables').addEventListener('click', async () => {
    try {
      const module = await import('./tables-rank.js');
      await module.load(HELPERS, getState().source);
      ranking = module;
    } catch {
      setText($('tables-note'), t('tablesFailed'));
      setHidden($('tables-note'), false);
      return;
    }
    redraw();
  });
}
