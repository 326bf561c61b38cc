// Planning backwards: what a budget buys (the most epochs) and what a
// deadline needs (the fewest GPUs, in whole instances). The engine does the
// searching (result.plan); this writes its answer, or its message, as text.

import { $, unchanged } from './dom.js';
import { formatHours, formatMoney, formatNumber } from './format.js';
import { engineMessage, t } from './i18n.js';
import { cleanText } from './untrusted.js';

function paragraph(text, className = '') {
  const p = document.createElement('p');
  if (className) p.className = className;
  p.textContent = text;
  return p;
}

/** result: the last good estimate; config: the configuration as the engine normalised it. */
export function renderPlan(result, config) {
  const box = $('plan-output');
  const plan = result && result.plan;
  const hasBudget = config && config.budget !== undefined;
  const hasDeadline = config && config.deadline_hours !== undefined;
  if (!plan || (!hasBudget && !hasDeadline)) {
    if (!unchanged(box, t('planEmpty'))) box.replaceChildren(paragraph(t('planEmpty'), 'muted'));
    return;
  }
  const items = [];
  const money = (text) => formatMoney(text, result.currency, result.currency_minor_digits);
  if (hasBudget && plan.max_epochs !== null && plan.max_epochs !== undefined) {
    const budget = money(config.budget);
    if (plan.max_epochs === 0) {
      items.push(paragraph(t('planBudgetNone', { budget, perEpoch: money(result.per_epoch.total) })));
    } else {
      const key = plan.max_epochs === 1 ? 'planBudgetOne' : 'planBudget';
      items.push(paragraph(t(key, { budget, epochs: formatNumber(String(plan.max_epochs)) })));
    }
  }
  if (hasDeadline && plan.gpus_for_deadline !== null && plan.gpus_for_deadline !== undefined) {
    const gpus = plan.gpus_for_deadline;
    const hours = formatHours(config.deadline_hours);
    const instances = plan.instances_for_deadline;
    items.push(paragraph(instances !== null && instances !== undefined
      ? t('planDeadline', {
        hours, gpus: formatNumber(String(gpus)), instances: formatNumber(String(instances)), instance: cleanText(result.instance_name),
      })
      : t('planDeadlineNoInstance', { hours, gpus: formatNumber(String(gpus)) })));
  }
  for (const error of plan.errors || []) items.push(paragraph(engineMessage(error), 'plan-error'));
  const shown = items.length ? items : [paragraph(t('planEmpty'), 'muted')];
  if (unchanged(box, JSON.stringify(shown.map((p) => [p.className, p.textContent])))) return;
  box.replaceChildren(...shown);
}
