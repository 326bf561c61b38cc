// The calculator's inputs and the shareable link, from the core's schema:
// opening a link (the engine's one answer: values, a message per bad
// parameter and the value used instead) and writing the address bar. Which
// inputs the form's choices use, and the configuration its values make, are
// the engine's (answerForm).
//
// Form values are a flat object keyed by configuration path ('trial.steps'),
// plus two choices: way (one of the schema's ways of getting T) and
// alternative (the trial's: 'steps' | 'samples').

// Written by the build from the core (`epochcost schema --json`): every
// input's key, link parameter, way, default and example. Nothing here
// repeats it.
import SCHEMA from './schema.js';

/** The inputs of a configuration (page settings travel apart). */
export const FIELDS = SCHEMA.fields.filter((field) => field.group !== 'page');
/** The configuration objects of the ways ('trial', 'flops'): their errors belong to the way. */
export const WAY_OBJECTS = new Set(FIELDS.filter((f) => f.way && f.key.includes('.')).map((f) => f.key.split('.')[0]));
/** The largest price table the engine reads. */
export const MAX_TABLE_BYTES = SCHEMA.limits.price_table_bytes;

/**
 * Opens a link (its query) for the price table in use (null: none could be
 * loaded), in one engine call. Returns {values, problems, priceMismatch}:
 * - problems: engine errors, each with params.param naming the link
 *   parameter, plus fallback (the value used instead) or chosenWay;
 * - priceMismatch: {linkPrice, tablePrice, instance} when the link's p differs
 *   from the live table price (the link's price is kept until the user chooses).
 */
export function readLink(engine, query, prices) {
  const opened = engine.openLink(prices ? prices.text : '', query);
  // Only a table the engine cannot read fails: the link opens without it.
  if (!opened.ok) return prices ? readLink(engine, query, null) : { values: {}, problems: opened.errors || [], priceMismatch: null };
  const { values } = opened;
  const problems = opened.problems.map(({ chosen_way: chosenWay, ...problem }) => ({ ...problem, chosenWay }));
  const m = opened.price_mismatch;
  const priceMismatch = m ? { linkPrice: m.link_price, tablePrice: m.table_price, instance: m.instance } : null;
  return { values, problems, priceMismatch };
}

/**
 * The query for the address bar: the engine's link plus prices= (a shipped
 * table other than the default), lang=, embed= and theme= when set.
 */
export function buildQuery(engineQuery, {
  prices, lang, embed, theme,
}) {
  const parts = engineQuery ? [engineQuery] : [];
  if (prices) parts.push(`prices=${encodeURIComponent(prices).replace(/%2F/g, '/')}`);
  if (lang) parts.push(`lang=${encodeURIComponent(lang)}`);
  if (embed) parts.push(`embed=${encodeURIComponent(embed)}`);
  if (theme) parts.push(`theme=${encodeURIComponent(theme)}`);
  return parts.length ? `?${parts.join('&')}` : '';
}

/** The same page with a different query: for replaceState and the embed snippet. */
export function urlWithQuery(query, base = window.location.href) {
  const url = new URL(base);
  url.search = query;
  url.hash = '';
  return url.href;
}
