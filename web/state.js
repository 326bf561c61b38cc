// The calculator's state and the shareable link: the seed example defaults,
// form values -> engine configuration (with the nested objects of the ways
// of getting T), reading a link (a message per bad parameter and defaults for
// the rest) and writing the address bar.
//
// Form values are a flat object keyed by configuration path ('trial.steps'),
// plus three choices: way ('direct' | 'trial' | 'throughput' | 'flops'),
// trialMode ('steps' | 'samples') and preset (a model id or 'custom').

/**
 * Every configuration input in form order: its path, link parameter and
 * input id. way/mode/lora: only sent when that way (trial mode, LoRA) is
 * chosen. optional: empty means "the engine's default" even in its way.
 */
export const FIELDS = [
  { key: 'instance', param: 'i', id: 'instance' },
  { key: 'hours_per_epoch', param: 't', id: 't', way: 'direct' },
  { key: 'trial.steps', param: 'ts', id: 'ts', way: 'trial' },
  { key: 'trial.seconds', param: 'tsec', id: 'tsec', way: 'trial' },
  { key: 'trial.steps_per_epoch', param: 'tspe', id: 'tspe', way: 'trial', mode: 'steps' },
  { key: 'trial.samples', param: 'tn', id: 'tn', way: 'trial', mode: 'samples' },
  { key: 'trial.global_batch', param: 'tb', id: 'tb', way: 'trial', mode: 'samples' },
  { key: 'throughput.tokens_per_epoch', param: 'tok', id: 'tok', way: 'throughput' },
  { key: 'throughput.tokens_per_second_per_gpu', param: 'tps', id: 'tps', way: 'throughput' },
  { key: 'flops.method', param: 'fm', id: 'fm', way: 'flops' },
  { key: 'flops.params', param: 'fp', id: 'fp', way: 'flops' },
  { key: 'flops.trainable_params', param: 'ft', id: 'ft', way: 'flops', lora: true },
  { key: 'flops.tokens_per_epoch', param: 'ftok', id: 'ftok', way: 'flops' },
  { key: 'flops.mfu', param: 'mfu', id: 'mfu', way: 'flops', optional: true },
  { key: 'flops.peak_tflops', param: 'pk', id: 'pk', way: 'flops', optional: true },
  { key: 'gpus', param: 'n', id: 'n' },
  { key: 'price_per_gpu_hour', param: 'p', id: 'p' },
  { key: 'data_cost_per_epoch', param: 'd', id: 'd' },
  { key: 'ops_cost_per_epoch', param: 'm', id: 'm' },
  { key: 'epochs', param: 'e', id: 'e' },
  { key: 'billing_increment_seconds', param: 'bill', id: 'bill' },
  { key: 'discount_percent', param: 'disc', id: 'disc' },
  { key: 'budget', param: 'budget', id: 'budget' },
  { key: 'deadline_hours', param: 'by', id: 'by' },
];

export const WAYS = ['direct', 'trial', 'throughput', 'flops'];
/** The configuration key (or object) of each way. */
export const WAY_KEY = { direct: 'hours_per_epoch', trial: 'trial', throughput: 'throughput', flops: 'flops' };

export const PARAM_OF = Object.fromEntries(FIELDS.map((f) => [f.key, f.param]));
/** Configuration path -> input id, for errors shown beside their input. */
export const INPUT_ID = Object.fromEntries(FIELDS.map((f) => [f.key, f.id]));

/** Count fields shown in e-notation when a link brings them as long integers. */
const COUNT_KEYS = new Set(['throughput.tokens_per_epoch', 'flops.params', 'flops.trainable_params', 'flops.tokens_per_epoch']);

/**
 * The seed article's worked example: DeepSeek-7B LoRA on A100 x4,
 * T 1.5 h, N 4, D 2, M 1, 10 epochs (123 per epoch, 1,230 in total).
 * The other ways start on examples of their own (docs/estimating-time.md):
 * a trial of 50 steps in 120 s, 380 tokens/s per GPU, DeepSeek-7B LoRA.
 * Empty text means "the engine's default" (table price, no discount, ...).
 */
export function defaultValues(table) {
  const ids = table ? table.instances.map((x) => x.id) : [];
  return {
    way: 'direct',
    trialMode: 'steps',
    preset: 'deepseek-7b',
    instance: ids.includes('a100x4') ? 'a100x4' : (ids[0] ?? ''),
    hours_per_epoch: '1.5',
    'trial.steps': '50',
    'trial.seconds': '120',
    'trial.steps_per_epoch': '1000',
    'trial.samples': '52002',
    'trial.global_batch': '32',
    'throughput.tokens_per_epoch': '1e8',
    'throughput.tokens_per_second_per_gpu': '380',
    'flops.method': 'lora',
    'flops.params': '6.9e9',
    'flops.trainable_params': '4.2e6',
    'flops.tokens_per_epoch': '1e8',
    'flops.mfu': '0.35',
    'flops.peak_tflops': '',
    gpus: '4',
    price_per_gpu_hour: '',
    data_cost_per_epoch: '2',
    ops_cost_per_epoch: '1',
    epochs: '10',
    billing_increment_seconds: '0',
    discount_percent: '',
    budget: '',
    deadline_hours: '',
  };
}

/** Whether a field takes part in the configuration for these choices. */
export function fieldInUse(field, values) {
  if (field.way && field.way !== values.way) return false;
  if (field.mode && field.mode !== values.trialMode) return false;
  if (field.lora && values['flops.method'] !== 'lora') return false;
  return true;
}

function setPath(object, path, value) {
  const [head, leaf] = path.split('.');
  if (leaf === undefined) object[head] = value;
  else (object[head] ??= {})[leaf] = value;
}

function getPath(object, path) {
  const [head, leaf] = path.split('.');
  const value = object ? object[head] : undefined;
  return leaf === undefined ? value : (value && typeof value === 'object' ? value[leaf] : undefined);
}

/**
 * The engine configuration for raw form values. The inputs of the chosen
 * way are always sent (an empty one is an error the user should see); other
 * empty fields are left out so the engine uses its default (table price,
 * one instance, 0, 1 epoch, no discount, MFU 0.35, the table's peak).
 * Without a price table there is no instance: P and N become required.
 */
export function configFromValues(values, { hasTable = true } = {}) {
  const config = {};
  for (const field of FIELDS) {
    if (!fieldInUse(field, values)) continue;
    if (field.key === 'instance' && !hasTable) continue;
    const raw = values[field.key] ?? '';
    if ((field.way && !field.optional) || raw.trim() !== '') setPath(config, field.key, raw);
  }
  if (config.billing_increment_seconds === '0') delete config.billing_increment_seconds;
  return config;
}

/** The way of getting T a configuration uses (the first, if it gives several). */
export function waysIn(config) {
  return WAYS.filter((way) => config && config[WAY_KEY[way]] !== undefined);
}

/** '6900000000' -> '6.9e9': exact, for counts a link brings as long integers. */
export function compactCount(text) {
  const match = /^([1-9]\d*?)(0{4,})$/.exec(String(text));
  if (!match || String(text).length < 7) return String(text);
  const digits = match[1];
  const exponent = digits.length - 1 + match[2].length;
  const mantissa = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
  return `${mantissa}e${exponent}`;
}

export function tablePrice(table, instanceId) {
  const instance = table ? table.instances.find((x) => x.id === instanceId) : null;
  return instance ? instance.price_per_gpu_hour : null;
}

/**
 * Reads a decoded link (engine.decodeLink's answer) into form values, for
 * the price table in use (null: none could be loaded).
 * Returns {values, problems, priceMismatch, wayConflict}:
 * - problems: engine errors, each with params.param naming the link parameter,
 *   plus fallback (the default value used instead), for the page to list;
 * - priceMismatch: {linkPrice, tablePrice, instance} when the link's p differs
 *   from the live table price (the link's price is kept until the user chooses);
 * - wayConflict: the chosen way when the link gives more than one.
 */
export function readLink(engine, decoded, prices) {
  const table = prices ? prices.table : null;
  const pricesText = prices ? prices.text : '';
  const hasTable = Boolean(table);
  const defaults = defaultValues(table);
  const values = { ...defaults };
  const fromLink = new Set();
  const problems = [];

  for (const error of decoded.errors || []) {
    const fallback = error.field in defaults ? defaults[error.field] : undefined;
    problems.push({ ...error, fallback });
  }
  const config = decoded.config || {};
  for (const field of FIELDS) {
    const text = getPath(config, field.key);
    if (text === undefined || typeof text === 'object') continue;
    values[field.key] = COUNT_KEYS.has(field.key) ? compactCount(text) : String(text);
    fromLink.add(field.key);
  }

  // A link that chooses a way brings that way's inputs: the ones it leaves
  // out stay empty (and are reported), rather than silently taking the
  // page's examples. Several ways: the first is used and the rest reported.
  // A bad value costs only itself, but still says which way the link chose.
  const badFields = new Set((decoded.errors || []).map((e) => e.field));
  const errorWays = WAYS.filter((way) => [...badFields].some((f) => f === WAY_KEY[way] || f.startsWith(`${WAY_KEY[way]}.`)));
  const ways = [...new Set([...waysIn(config), ...errorWays])];
  let wayConflict = null;
  if (ways.length) {
    values.way = ways[0];
    if (ways.length > 1) {
      wayConflict = ways[0];
      const answer = engine.estimate(pricesText, config);
      for (const error of (answer.errors || []).filter((e) => e.code === 'conflicting')) problems.push({ ...error, chosenWay: ways[0] });
    }
    // The presets load later and then pick the one matching the count; until
    // then a linked count claims no model it might not be.
    if (fromLink.has('flops.params')) values.preset = 'custom';
    if (values.way === 'trial') {
      const given = (key) => fromLink.has(key) || badFields.has(key);
      values.trialMode = given('trial.samples') || given('trial.global_batch') ? 'samples' : 'steps';
    }
    for (const field of FIELDS) {
      if (field.way === values.way && !field.optional && field.key !== 'flops.method'
        && !fromLink.has(field.key) && !badFields.has(field.key)) {
        values[field.key] = '';
      }
    }
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
    const answer = engine.estimate(pricesText, configFromValues(values, { hasTable }));
    if (answer.ok) break;
    const bad = (answer.errors || []).filter((e) => fromLink.has(e.field));
    if (bad.length === 0) break;
    for (const error of bad) {
      values[error.field] = defaults[error.field];
      fromLink.delete(error.field);
      problems.push({ ...error, params: { ...error.params, param: PARAM_OF[error.field] }, fallback: defaults[error.field] || undefined });
    }
  }

  let priceMismatch = null;
  if (hasTable && fromLink.has('price_per_gpu_hour')) {
    const answer = engine.estimate(pricesText, configFromValues(values, { hasTable }));
    const live = answer.ok ? answer.table_price_per_gpu_hour : tablePrice(table, values.instance);
    const linked = answer.ok ? answer.price_per_gpu_hour : values.price_per_gpu_hour;
    if (live !== null && live === linked) {
      values.price_per_gpu_hour = ''; // same as the table: follow the table from now on
    } else if (live !== null) {
      const instance = table.instances.find((x) => x.id === values.instance);
      priceMismatch = { linkPrice: linked, tablePrice: live, instance: instance ? instance.name : values.instance };
    }
  }

  return { values, problems, priceMismatch, wayConflict };
}

/**
 * The query for the address bar: the engine's link plus prices= (a shipped
 * table other than the default), lang= and embed= when set.
 */
export function buildQuery(engineQuery, { prices, lang, embed }) {
  const parts = engineQuery ? [engineQuery] : [];
  if (prices) parts.push(`prices=${encodeURIComponent(prices).replace(/%2F/g, '/')}`);
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
