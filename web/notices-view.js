// The notices above the calculator: a link's parameters that could not be
// used, a link whose price differs from the live table, and an engine that
// did not load.

import { $, setHidden, setText, unchanged } from './dom.js';
import { formatPrice } from './format.js';
import { engineMessage, language, t } from './i18n.js';
import { cleanText, isolated } from './untrusted.js';

/**
 * Lists the link's bad parameters, each with its message and the value used
 * instead. problems: engine errors (params.param = link key) plus fallback;
 * extra: ready-made strings (language, embed).
 */
export function renderLinkProblems(problems, extra = []) {
  const box = $('link-problems');
  if (unchanged(box, JSON.stringify([language(), problems, extra]))) return;
  const items = problems.map((problem) => {
    const li = document.createElement('li');
    const param = problem.params && problem.params.param;
    if (param) {
      const code = isolated(param, 'code');
      li.append(code, ': ');
    }
    li.append(engineMessage(problem));
    if (problem.chosenWay) {
      li.append(' ', t('linkWayChosen', { way: t(`wayName_${problem.chosenWay}`) }));
    } else if (problem.fallback) {
      li.append(' ', t('linkProblemFallback', { value: problem.fallback }));
    } else if (problem.field === 'price_per_gpu_hour') {
      li.append(' ', t('linkFallbackTablePrice'));
    } else if (problem.field === 'discount_percent') {
      li.append(' ', t('linkFallbackNoDiscount'));
    }
    return li;
  });
  for (const text of extra) {
    const li = document.createElement('li');
    li.textContent = text;
    items.push(li);
  }
  $('link-problems-list').replaceChildren(...items);
  box.hidden = items.length === 0;
}

/** The banner for a link whose price differs from the live table. */
export function renderPriceBanner(mismatch, currency) {
  const banner = $('price-banner');
  if (!mismatch) {
    setHidden(banner, true);
    return;
  }
  setText($('price-banner-text'), t('priceBanner', {
    linkPrice: formatPrice(mismatch.linkPrice, currency),
    tablePrice: formatPrice(mismatch.tablePrice, currency),
    instance: cleanText(mismatch.instance),
  }));
  setText($('keep-link-price'), t('keepLinkPrice', { price: formatPrice(mismatch.linkPrice, currency) }));
  setText($('use-table-price'), t('useTablePrice', { price: formatPrice(mismatch.tablePrice, currency) }));
  banner.hidden = false;
}

export function showLoadError(error) {
  const box = $('load-error');
  const code = error && error.code;
  const reasonKey = `reason_${code}`;
  const reason = t(reasonKey) === reasonKey ? t('reason_unknown') : t(reasonKey);
  box.textContent = t('loadFailed', { reason });
  box.hidden = false;
}
