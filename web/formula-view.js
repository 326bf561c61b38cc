// The formula with the estimate's numbers substituted, the line that
// multiplies it by the epochs (plus a one-off start-up), and a note when
// whole instances, a billing increment, a discount or overheads make
// T × P × N differ from what is charged.

import { $, setHidden, setText } from './dom.js';
import { currencyUnit, formatAmount, formatHours, formatNumber, priceUnitShort } from './format.js';
import { t } from './i18n.js';
import { cleanText } from './untrusted.js';

/** r null: no estimate; both lines read "—" and the note is hidden. */
export function renderFormula(r) {
  const note = $('formula-note');
  if (!r) {
    setText($('formula-substituted'), '—');
    setText($('formula-parts'), '—');
    setHidden(note, true);
    return;
  }
  const amount = (text) => formatAmount(text, r.currency_minor_digits);
  // N is the GPUs billed; when the billing increment or a discount changes
  // compute, the line shows the compute the engine charged instead of
  // pretending T × P × N is exact.
  const unit = currencyUnit(r.currency);
  // With evaluation or checkpoint saves, an epoch bills those hours too.
  const o = r.overheads;
  const epochHours = o ? o.epoch_hours : r.hours_per_epoch;
  const product = `${formatHours(epochHours)} × ${formatNumber(r.price_per_gpu_hour)} ${priceUnitShort(r.currency)}`
    + ` × ${formatNumber(String(r.gpus_billed))} ${t('gpuUnit')}`;
  const adjusted = Number(r.discount) !== 0 || Number(r.billing_extra) !== 0;
  const sum = `${amount(r.per_epoch.data)} + ${amount(r.per_epoch.ops)}`;
  setText($('formula-substituted'), adjusted
    ? `${product} → ${amount(r.per_epoch.compute)} + ${sum} = ${amount(r.per_epoch.total)} ${unit}`
    : `${product} + ${sum} = ${amount(r.per_epoch.total)} ${unit}`);
  // The engine says whether the rounded figures multiply out exactly.
  const sign = r.total_is_per_epoch_times_epochs ? '=' : '≈';
  const startup = Number(r.totals.startup) !== 0 ? ` + ${amount(r.totals.startup)}` : '';
  setText($('formula-parts'), `${amount(r.per_epoch.total)} × ${formatNumber(String(r.epochs))} epoch${startup} ${sign} ${amount(r.total)} ${unit}`);

  const notes = [];
  if (r.gpus_billed !== r.gpus) {
    notes.push(t('formulaBilledNote', {
      gpus: r.gpus, instances: r.instances, instance: cleanText(r.instance_name), billed: r.gpus_billed,
    }));
  }
  if (adjusted) notes.push(t('formulaAdjustedNote'));
  if (o) {
    notes.push(t('formulaOverheadsNote', {
      t: formatNumber(r.hours_per_epoch),
      eval: formatNumber(o.eval_hours_per_epoch),
      saves: formatNumber(o.checkpoint_hours_per_epoch),
      epoch: formatHours(o.epoch_hours),
      startup: formatHours(o.startup_hours),
    }));
  }
  setText(note, notes.join(' '));
  setHidden(note, notes.length === 0);
}
