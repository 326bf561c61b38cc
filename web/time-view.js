// Shows how T was derived from the chosen way ("T = 120 s ÷ 50 steps ×
// 1,000 steps = 0.666667 h") and, for the FLOPs model, whether the model fits
// in the GPU's memory. The figures are the engine's: the result's T, steps,
// FLOPs and peak, and the configuration as the engine normalised it (decoded
// from its own link), so "1.4e12" typed shows as 1.4 × 10¹².

import { $, setHidden, unchanged } from './dom.js';
import { formatCount, formatHours, formatNumber } from './format.js';
import { t } from './i18n.js';
import { cleanText } from './untrusted.js';

function lines(r, config) {
  const hours = formatHours(r.hours_per_epoch);
  const gpus = formatNumber(String(r.gpus));
  if (r.time_way === 'trial' && config.trial) {
    const c = config.trial;
    const params = {
      seconds: formatNumber(c.seconds), steps: formatCount(c.steps), spe: formatCount(r.steps_per_epoch), t: hours,
    };
    if (c.steps_per_epoch === undefined) {
      return [t('derivedTrialSamples', { ...params, samples: formatCount(c.samples), batch: formatCount(c.global_batch) })];
    }
    return [t('derivedTrial', params)];
  }
  if (r.time_way === 'throughput' && config.throughput) {
    const c = config.throughput;
    return [t('derivedThroughput', {
      tokens: formatCount(c.tokens_per_epoch), tps: formatNumber(c.tokens_per_second_per_gpu), gpus, t: hours,
    })];
  }
  if (r.time_way === 'flops' && config.flops) {
    const c = config.flops;
    const flops = formatCount(r.flops_per_epoch);
    const terms = { ...r.flops_factors, params: formatCount(c.params), tokens: formatCount(c.tokens_per_epoch), flops };
    const work = c.method === 'lora'
      ? t('derivedFlopsLora', { ...terms, trainable: formatCount(c.trainable_params) })
      : t('derivedFlopsFull', terms);
    return [work, t('derivedFlopsT', {
      flops, gpus, peak: formatNumber(r.peak_tflops), mfu: formatNumber(c.mfu), t: hours,
    })];
  }
  return [];
}

/** The derivation under the way's inputs; hidden for a T given directly. */
export function renderDerivedT(result, config) {
  const box = $('t-derived');
  const items = result ? lines(result, config || {}) : [];
  setHidden(box, items.length === 0);
  if (unchanged(box, JSON.stringify(items))) return;
  box.replaceChildren(...items.map((text) => {
    const span = document.createElement('span');
    span.className = 'derived-line';
    span.textContent = text;
    return span;
  }));
}

/** Memory fit for the FLOPs way: fits / tight / does not fit, needed vs available. */
export function renderMemory(result, table) {
  const block = $('memory-block');
  if (!result || result.time_way !== 'flops') {
    setHidden(block, true);
    return;
  }
  setHidden(block, false);
  const badge = $('memory-badge');
  const memory = result.memory;
  if (!memory) {
    badge.textContent = '';
    badge.className = 'badge';
    $('memory-text').textContent = t(table ? 'memoryUnknown' : 'memoryNoTable');
    return;
  }
  badge.textContent = t(`memory_${memory.fit}`);
  badge.className = `badge badge-${memory.fit}`;
  const instance = table ? table.instances.find((x) => x.id === result.instance) : null;
  $('memory-text').textContent = t('memoryText', {
    needed: formatNumber(memory.needed_gb_per_gpu),
    memory: formatNumber(memory.gpu_memory_gb),
    gpu: instance ? cleanText(instance.gpu) : 'GPU',
  });
}
