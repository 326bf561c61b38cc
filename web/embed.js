// Embedding: the compact mode for iframes (?embed=1), its height reports to
// the parent page, and the <iframe> snippet offered to people who embed.

import { t } from './i18n.js';

export const HEIGHT_MESSAGE = 'epochcost:height';

/** embed=1 (or true/yes) turns the compact mode on; anything else is reported by the caller. */
export function parseEmbed(value) {
  if (value === undefined || value === null) return { embed: false, valid: true };
  const v = String(value).trim().toLowerCase();
  if (v === '1' || v === 'true' || v === 'yes') return { embed: true, valid: true };
  if (v === '0' || v === 'false' || v === 'no' || v === '') return { embed: false, valid: true };
  return { embed: false, valid: false };
}

/** Compact mode: no header, footer or explanations, and height reports to the parent. */
export function enterEmbedMode() {
  document.documentElement.classList.add('embed');
  if (window.parent === window) return;
  let last = -1;
  const post = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: HEIGHT_MESSAGE, height }, '*');
  };
  post();
  window.addEventListener('load', post);
  if ('ResizeObserver' in window) {
    new ResizeObserver(post).observe(document.documentElement);
  } else {
    window.addEventListener('resize', post);
  }
}

/** The <iframe> code for pageUrl (a URL already holding the query, without embed=1). */
export function iframeSnippet(pageUrl) {
  const url = new URL(pageUrl);
  url.searchParams.delete('embed');
  const search = url.search ? `${url.search}&embed=1` : '?embed=1';
  url.search = search;
  const src = escapeAttribute(url.href);
  const title = escapeAttribute(t('iframeTitle'));
  return `<iframe src="${src}" title="${title}" width="100%" height="720" loading="lazy" style="border:0;max-width:100%"></iframe>`;
}

/**
 * People paste the snippet as HTML, so quotes and angle brackets are escaped.
 * '&' stays readable: in an attribute, '&t=' or '&lang=' is never taken for
 * a character reference (it is followed by '='), and URL.href already
 * percent-encodes quotes and brackets in the query.
 */
function escapeAttribute(text) {
  return String(text).replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
