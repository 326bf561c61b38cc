// The calculator's state and the shareable link, from the core's schema:
// form values -> engine configuration (with the nested objects of the ways
// of getting T), opening a link (the engine's one answer: values, a message
// per bad parameter and the value used instead) and writing the address bar.
//
// Form values are a flat object keyed by configuration path ('trial.steps'),
// plus three choices: way (one of the schema's ways of getting T),
// and trialMode (the trial's alternative: 'steps' | 'samples').

// Written by the build from the core (`epochcost schema --json`): every
// input's key, link parameter, way, default and example. Nothing here
// repeats it.
import SCHEMA from './schema.js';

/** The inputs of a configuration (page settings travel apart). */
export const FIELDS = SCHEMA.fields.filter((field) => field.group !== 'page');
/** The ways of getting T, in the schema's order. */
export const WAYS = [...new Set(FIELDS.map((field) => field.way).filter(Boolean))];
/** The configuration objects of the ways ('trial', 'flops'): their errors belong to the way. */
export const WAY_OBJECTS = new Set(FIELDS.filter((f) => f.way && f.key.includes('.')).map((f) => f.key.split('.')[0]));
/** The largest price table the engine reads. */
export const MAX_TABLE_BYTES = SCHEMA.limits.price_table_bytes;

/**
 * The page's starting values: the schema's examples (the seed article's
 * worked example; the other ways start on examples of their own), on the
 * table's example instance, or its first. Empty text means "the engine's
 * default" (table price, no discount, ...).
 */
export function defaultValues(table) {
  const alternative = FIELDS.find((field) => field.alternative);
  const values = { way: WAYS[0], trialMode: alternative ? alternative.alternative : '' };
  for (const field of FIELDS) values[field.key] = field.example ?? '';
  const ids = table ? table.instances.map((x) => x.id) : [];
  if (!ids.includes(values.instance)) values.instance = ids[0] ?? '';
  return values;
}

/** Whether a field takes part in the configuration for these choices. */
export function fieldInUse(field, values) {
  if (field.way && field.way !== values.way) return false;
  if (field.alternative && field.alternative !== values.trialMode) return false;
  if (field.only_when) {
    // 'training.method=lora|qlora': one of the values after '='.
    // An empty choice is its default (training.method: LoRA).
    const [key, allowed] = field.only_when.split('=');
    const value = values[key] || (FIELDS.find((f) => f.key === key)?.default ?? '');
    if (!allowed.split('|').includes(value)) return false;
  }
  return true;
}

function setPath(object, path, value) {
  const [head, leaf] = path.split('.');
  if (leaf === undefined) object[head] = value;
  else (object[head] ??= {})[leaf] = value;
}

/**
 * The engine configuration for raw form values. The required inputs of the
 * chosen way are always sent (an empty one is an error the user should see);
 * other fields are left out when empty or at their default, so the engine
 * applies its own. Without a price table there is no instance: P and N
 * become required.
 */
export function configFromValues(values, { hasTable = true } = {}) {
  const config = {};
  for (const field of FIELDS) {
    if (!fieldInUse(field, values)) continue;
    if (field.key === 'instance' && !hasTable) continue;
    const raw = values[field.key] ?? '';
    const always = field.way && field.need === 'required';
    if (always || (raw.trim() !== '' && raw !== field.default)) setPath(config, field.key, raw);
  }
  return config;
}

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
  if (!opened.ok) return { values: defaultValues(prices && prices.table), problems: opened.errors || [], priceMismatch: null };
  const { alternative, ...values } = opened.values;
  values.trialMode = alternative;
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
