// Deterministic pseudo-random configurations (as JSON text) that cover the
// formula's inputs, billing increments, whole instances, discounts,
// overrides, overheads, spot capacity, scaling and ranges, second
// currencies, energy and owned GPUs, and both number
// spellings (JSON numbers and decimal strings).
//
// Given the core's schema (`fields` of `epochcost schema --json`), every
// other input joins too, from what the schema says of it (kind, bounds,
// choices, way): the trial and FLOPs ways, the plan, and any input added
// after this file was written, without editing it.
import { schemaValue } from './schema_values.mjs';

// The keys written by hand below (with values chosen to keep most
// configurations valid); the schema's other inputs are drawn generically.
const HAND_WRITTEN = /^(instance|gpus|hours_per_epoch|price_per_gpu_hour|data_cost_per_epoch|ops_cost_per_epoch|epochs|billing_increment_seconds|discount_percent|scaling_efficiency|(model|training|overheads|spot|throughput|display_currency|energy|owned)\..*)$/;

export function* generateConfigs(count, seed, fields = []) {
  let state = seed >>> 0;
  const next = () => {
    // mulberry32: small, fast, and the same on every machine.
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
  const decimal = (maxInt, places) => {
    const scale = 10 ** places;
    const units = int(0, maxInt * scale);
    return (units / scale).toFixed(places).replace(/\.?0+$/, '') || '0';
  };
  const spell = (text) => (next() < 0.5 ? text : Number(text));
  const instances = ['a100x4', 'v100x4', 'rtx3090', undefined];
  const presets = ['deepseek-llm-7b-base', 'llama-2-70b', 'llama-3.1-8b', 'llama-3.1-405b', 'qwen2.5-7b'];
  const modules = ['q_proj', 'k_proj', 'v_proj', 'o_proj', 'gate_proj', 'up_proj', 'down_proj'];
  for (let i = 0; i < count; i += 1) {
    const config = {};
    const instance = instances[int(0, 3)];
    if (instance) config.instance = instance;
    if (!instance || next() < 0.8) config.gpus = int(1, 64);
    config.hours_per_epoch = spell(decimal(200, 3)) || '0.001';
    if (Number(config.hours_per_epoch) === 0) config.hours_per_epoch = '0.125';
    if (!instance || next() < 0.3) config.price_per_gpu_hour = spell(decimal(60, 2) === '0' ? '7.5' : decimal(60, 2));
    if (next() < 0.8) config.data_cost_per_epoch = spell(decimal(50, 2));
    if (next() < 0.8) config.ops_cost_per_epoch = spell(decimal(20, 3));
    if (next() < 0.9) config.epochs = int(1, 500);
    if (next() < 0.4) config.billing_increment_seconds = [0, 1, 60, 3600][int(0, 3)];
    if (next() < 0.3) config.discount_percent = spell(decimal(99, 1));
    // The memory check: a preset or a shape, and a training setup.
    if (next() < 0.35) {
      config.model = next() < 0.6
        ? { preset: presets[int(0, presets.length - 1)] }
        : {
          num_hidden_layers: int(1, 96), hidden_size: 128 * int(1, 64), intermediate_size: int(128, 30000),
          num_attention_heads: 8, num_key_value_heads: [1, 2, 4, 8][int(0, 3)], vocab_size: int(1000, 200000),
          ...(next() < 0.3 ? { tie_word_embeddings: next() < 0.5 } : {}),
          ...(next() < 0.3 ? { architecture: 'Qwen2ForCausalLM' } : {}),
        };
      config.training = { method: ['full', 'lora', 'qlora'][int(0, 2)] };
      const t = config.training;
      if (next() < 0.4) t.lora_rank = int(1, 256);
      if (next() < 0.4) t.lora_targets = modules.filter(() => next() < 0.5).concat(['o_proj']).filter((m, k, all) => all.indexOf(m) === k);
      if (next() < 0.4) t.optimizer = ['adamw', 'adamw_8bit', 'sgd'][int(0, 2)];
      if (next() < 0.5) t.seq_len = int(1, 32768);
      if (next() < 0.5) t.micro_batch = int(1, 64);
      if (next() < 0.4) t.activation_checkpointing = next() < 0.5;
      if (next() < 0.4) t.zero_stage = int(0, 3);
    }
    // The billed hours (docs/billed-hours.md): overheads, spot capacity,
    // scaling across instances (throughput way) and a range.
    if (next() < 0.3) {
      config.overheads = {};
      if (next() < 0.7) config.overheads.startup_hours = spell(decimal(3, 2));
      if (next() < 0.7) config.overheads.eval_hours_per_epoch = spell(decimal(2, 3));
      if (next() < 0.7) config.overheads.checkpoint_save_minutes = spell(decimal(30, 1));
      if (next() < 0.7) config.overheads.checkpoints_per_epoch = int(0, 12);
    }
    if (next() < 0.3) {
      // A rate below 1; an interval only when short enough for any run here.
      config.spot = { interruptions_per_hour: spell(decimal(0.99, 2)) };
      if (!instance || next() < 0.8) config.spot.price_per_gpu_hour = spell(decimal(30, 2) === '0' ? '2.5' : decimal(30, 2));
      if (next() < 0.6) config.spot.checkpoint_interval_hours = spell((int(1, 100) / 1000).toString());
      if (next() < 0.6) config.spot.restart_hours = spell(decimal(1, 2));
    }
    if (next() < 0.25) {
      delete config.hours_per_epoch;
      config.throughput = { tokens_per_epoch: `${int(1, 9)}e${int(7, 10)}`, tokens_per_second_per_gpu: int(50, 5000) };
      if (next() < 0.5) config.throughput.range_percent = spell(decimal(60, 1));
      if (next() < 0.7) config.scaling_efficiency = spell((int(30, 100) / 100).toString());
    }
    // Money in other units (docs/money.md): a second currency, energy and
    // carbon, owned GPUs (drawn last, so the draws above stay as they were).
    if (next() < 0.3) {
      const codes = ['USD', 'EUR', 'JPY', 'KRW', 'CNY'];
      config.display_currency = { code: codes[int(0, codes.length - 1)], rate: spell(decimal(200, 4) === '0' ? '0.1381' : decimal(200, 4)) };
      if (next() < 0.5) config.display_currency.date = `2026-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`;
      if (next() < 0.3) config.display_currency.source = ['ECB reference rate', '中国人民银行 中间价', 'a "quoted" <rate>'][int(0, 2)];
    }
    if (next() < 0.3) {
      config.energy = { watts_per_gpu: int(70, 1200) };
      if (next() < 0.6) config.energy.pue = spell(`1.${int(0, 99)}`);
      if (next() < 0.6) config.energy.kg_co2_per_kwh = spell(decimal(1, 3));
      if (next() < 0.6) config.energy.price_per_kwh = spell(decimal(2, 3));
    }
    if (next() < 0.15) {
      delete config.price_per_gpu_hour;
      config.owned = next() < 0.6
        ? { purchase_price_per_gpu: int(1000, 400000), service_life_years: spell(decimal(8, 1) === '0' ? '3' : decimal(8, 1)) }
        : { price_per_gpu_hour: spell(decimal(10, 3)) };
    }
    addSchemaInputs(config, fields.filter((field) => field.group !== 'page' && !HAND_WRITTEN.test(field.key)), next);
    yield JSON.stringify(config);
  }
}

// The inputs the hand-written part leaves out, from the schema alone. A way
// the hand-written part does not know (trial, flops, ...) replaces the
// hours per epoch in some configurations, with its required inputs (one
// alternative's) and some of its optional ones; inputs of no way join
// sometimes.
function addSchemaInputs(config, fields, next) {
  const put = (key, value) => {
    const parts = key.split('.');
    let node = config;
    for (const part of parts.slice(0, -1)) node = (node[part] ??= {});
    node[parts.at(-1)] = value;
  };
  const ways = [...new Set(fields.map((field) => field.way).filter(Boolean))];
  if (ways.length > 0 && config.hours_per_epoch !== undefined && next() < 0.3) {
    const way = ways[Math.floor(next() * ways.length)];
    const own = fields.filter((field) => field.way === way);
    const alternatives = [...new Set(own.map((field) => field.alternative).filter(Boolean))];
    const alternative = alternatives[Math.floor(next() * alternatives.length)];
    delete config.hours_per_epoch;
    for (const field of own) {
      if (field.alternative && field.alternative !== alternative) continue;
      if (field.need === 'required' || next() < 0.4) put(field.key, schemaValue(field, next));
    }
  }
  for (const field of fields) {
    if (!field.way && next() < 0.15) put(field.key, schemaValue(field, next));
  }
}
