// What the inputs say about the price table in use and the language: the
// units beside them, their hints, and the placeholders that show the
// table's figures (price, GPUs, peak TFLOPS with its source).

import { $, forget, setText, unchanged } from './dom.js';
import { currencyUnit, formatNumber, formatPrice, priceUnit } from './format.js';
import { language, t } from './i18n.js';
import { cleanText, isolated } from './untrusted.js';

export function renderUnits(table, instanceId) {
  const instance = table ? table.instances.find((x) => x.id === instanceId) : null;
  const currency = table ? table.currency : 'CNY';
  const unitWord = currencyUnit(currency);
  setText($('unit-p'), priceUnit(currency));
  setText($('unit-d'), t('perEpochUnit', { currency: unitWord }));
  setText($('unit-m'), t('perEpochUnit', { currency: unitWord }));
  setText($('unit-budget'), unitWord);
  setPlaceholder($('p'), instance ? instance.price_per_gpu_hour : '');
  setPlaceholder($('n'), instance ? String(instance.gpus_per_instance) : '');
  setText($('unit-spp'), priceUnit(currency));
  setText($('unit-rate'), t('rateUnit', { currency }));
  setText($('unit-kwhp'), t('perKwhUnit', { currency: unitWord }));
  setText($('unit-buy'), unitWord);
  setText($('unit-amort'), priceUnit(currency));
  const spot = instance && instance.spot_price_per_gpu_hour;
  setPlaceholder($('spp'), spot || '');
  setText($('hint-spp'), spot ? t('sppHintTable', { price: formatPrice(spot, currency) }) : t('sppHint'));
  if (table) {
    setText($('hint-p'), t('pHint', { price: instance ? formatPrice(instance.price_per_gpu_hour, currency) : '—' }));
    setText($('hint-n'), t('nHint'));
    setText($('hint-instance'), t('instanceHint'));
    setText($('label-p'), t('pLabel'));
  } else {
    setText($('hint-p'), t('pRequiredHint'));
    setText($('hint-n'), t('nRequiredHint'));
    setText($('hint-instance'), t('noTableHint'));
    setText($('label-p'), t('pLabelRequired'));
  }

  const pk = $('pk');
  const hint = $('hint-pk');
  if (instance && instance.gpu_peak_tflops) {
    setPlaceholder(pk, instance.gpu_peak_tflops);
    if (unchanged(hint, JSON.stringify([language(), instance.gpu_peak_tflops, instance.gpu, instance.gpu_specs_source]))) return;
    hint.replaceChildren(t('pkHintTable', {
      peak: formatNumber(instance.gpu_peak_tflops), gpu: cleanText(instance.gpu), source: '',
    }).trimEnd(), ' ', isolated(instance.gpu_specs_source || '—'));
  } else {
    setPlaceholder(pk, '');
    forget(hint);
    setText(hint, t('pkHintNone'));
  }
}

function setPlaceholder(input, text) {
  if (input.placeholder !== text) input.placeholder = text;
}
