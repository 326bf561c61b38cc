// Shows how T was derived from the chosen way ("T = 120 s ÷ 50 steps ×
// 1,000 steps = 0.666667 h"). The figures are the engine's: the result's T, steps,
// FLOPs and peak, and the configuration as the engine normalised it (decoded
// from its own link), so "1.4e12" typed shows as 1.4 × 10¹².

import { $, setHidden, unchanged } from './dom.js';
import { formatCount, formatHours, formatNumber } from './format.js';
import { t } from './i18n.js';

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
    const m = r.flops_model;
    const terms = { ...r.flops_factors, params: formatCount(m.params), tokens: formatCount(c.tokens_per_epoch), flops };
    const work = m.method === 'full'
      ? t('derivedFlopsFull', terms)
      : t('derivedFlopsLora', { ...terms, trainable: formatCount(m.trainable_params) });
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
