// The calculator's state and the shareable link: the seed example defaults,
// form values -> engine configuration, reading a link (with a message per bad
// parameter and defaults for the rest) and writing the address bar.

/** Configuration keys in form order, with their link parameter. */
export const FIELDS = [
  { key: 'instance', param: 'i' },
  { key: 'hours_per_epoch', param: 't' },
  { key: 'gpus', param: 'n' },
  { key: 'price_per_gpu_hour', param: 'p' },
  { key: 'data_cost_per_epoch', param: 'd' },
  { key: 'ops_cost_per_epoch', param: 'm' },
  { key: 'epochs', param: 'e' },
  { key: 'billing_increment_seconds', param: 'bill' },
  { key: 'discount_percent', param: 'disc' },
];

export const PARAM_OF = Object.fromEntries(FIELDS.map((f) => [f.key, f.param]));

/**
 * The seed article's worked example: DeepSeek-7B LoRA on A100 x4,
 * T 1.5 h, N 4, D 2, M 1, 10 epochs (123 per epoch, 1,230 in total).
 * Empty text means "the engine's default" (table price, no discount, ...).
 */
export function defaultValues(table) {
  const ids = table.instances.map((x) => x.id);
  return {
    instance: ids.includes('a100x4') ? 'a100x4' : ids[0],
    hours_per_epoch: '1.5',
    gpus: '4',
    price_per_gpu_hour: '',
    data_cost_per_epoch: '2',
    ops_cost_per_epoch: '1',
    epochs: '10',
    billing_increment_seconds: '0',
    discount_percent: '',
  };
}

/**
 * The engine configuration for raw form values. T is always sent (an empty T
 * is an error the user should see); other empty fields are left out so the
 * engine uses its default (table price, one instance, 0, 1 epoch, no discount).
 */
export function configFromValues(values) {
  const config = {};
  for (const { key } of FIELDS) {
    const raw = values[key] ?? '';
    if (key === 'hours_per_epoch' || raw.trim() !== '') config[key] = raw;
  }
  if (config.billing_increment_seconds === '0') delete config.billing_increment_seconds;
  return config;
}

export function tablePrice(table, instanceId) {
  const instance = table.instances.find((x) => x.id === instanceId);
  return instance ? instance.price_per_gpu_hour : null;
}

/** Fills the {allowed} placeholder that decodeLink cannot know (it has no price table). */
function withAllowed(error, table) {
  const allowed = table.instances.map((x) => x.id).join(', ');
  const fillIn = (text) => (typeof text === 'string' ? text.split('{allowed}').join(allowed) : text);
  return { ...error, message_en: fillIn(error.message_en), message_zh: fillIn(error.message_zh) };
}

/**
 * Reads a link (location.search) into form values.
 * Returns {values, settings:{lang, embed}, problems, priceMismatch}:
 * - problems: engine errors, each with params.param naming the link parameter,
 *   plus fallback (the default value used instead), for the page to list;
 * - priceMismatch: {linkPrice, tablePrice, instance} when the link's p differs
 *   from the live table price (the link's price is kept until the user chooses).
 */
export function readLink(engine, search) {
  const table = engine.table;
  const defaults = defaultValues(table);
  const decoded = engine.decodeLink(search);
  const values = { ...defaults };
  const fromLink = new Set();
  const problems = [];

  for (const error of decoded.errors || []) {
    const fallback = error.field in defaults ? defaults[error.field] : undefined;
    problems.push({ ...withAllowed(error, table), fallback });
  }
  for (const [key, text] of Object.entries(decoded.config || {})) {
    if (!(key in values)) continue;
    values[key] = String(text);
    fromLink.add(key);
  }
  // encodeLink leaves n out when N was empty (one whole instance). A link
  // that names its instance but no n must mean that, not the seed's N = 4,
  // or an RTX3090 link would reopen as four instances.
  if (fromLink.has('instance') && !fromLink.has('gpus') && !(decoded.errors || []).some((e) => e.field === 'gpus')) {
    values.gpus = '';
  }

  // decodeLink checks each value alone; the estimate checks them together
  // (e.g. an instance missing from the table). A link value the estimate
  // rejects falls back to its default, one at a time, with its message kept.
  for (let round = 0; round < FIELDS.length; round += 1) {
    const answer = engine.estimate(configFromValues(values));
    if (answer.ok) break;
    const bad = (answer.errors || []).filter((e) => fromLink.has(e.field));
    if (bad.length === 0) break;
    for (const error of bad) {
      values[error.field] = defaults[error.field];
      fromLink.delete(error.field);
      problems.push({ ...error, params: { ...error.params, param: PARAM_OF[error.field] }, fallback: defaults[error.field] });
    }
  }

  let priceMismatch = null;
  if (fromLink.has('price_per_gpu_hour')) {
    const answer = engine.estimate(configFromValues(values));
    const live = answer.ok ? answer.table_price_per_gpu_hour : tablePrice(table, values.instance);
    const linked = answer.ok ? answer.price_per_gpu_hour : values.price_per_gpu_hour;
    if (live !== null && live === linked) {
      values.price_per_gpu_hour = ''; // same as the table: follow the table from now on
    } else if (live !== null) {
      const instance = table.instances.find((x) => x.id === values.instance);
      priceMismatch = { linkPrice: linked, tablePrice: live, instance: instance ? instance.name : values.instance };
    }
  }

  const settings = decoded.settings || {};
  return { values, settings: { lang: settings.lang, embed: settings.embed }, problems, priceMismatch };
}

/** The query for the address bar: the engine's link plus lang= and embed= when set. */
export function buildQuery(engineQuery, { lang, embed }) {
  const parts = engineQuery ? [engineQuery] : [];
  if (lang) parts.push(`lang=${encodeURIComponent(lang)}`);
  if (embed) parts.push('embed=1');
  return parts.length ? `?${parts.join('&')}` : '';
}

/** The same page with a different query: for replaceState and the embed snippet. */
export function urlWithQuery(query, base = window.location.href) {
  const url = new URL(base);
  url.search = query;
  url.hash = '';
  return url.href;
}
