// Export of the estimate or the comparison as CSV, JSON or Markdown (the
// engine writes the text, the same as the CLI's --format), downloaded through
// a Blob and an object URL, or Markdown copied to the clipboard. Loaded on
// the first click: the first estimate does not need it.

import { t } from './i18n.js';
import { announce, copyText } from './share.js';

const EXTENSION = { csv: 'csv', json: 'json', md: 'md' };

/** 'epochcost-estimate-a100x4.csv', 'epochcost-comparison.md' (ids are a-z 0-9 - _ only). */
export function fileName(what, format, instance) {
  const safe = String(instance || '').replace(/[^a-z0-9_-]/g, '');
  const base = what === 'compare' ? 'epochcost-comparison' : `epochcost-estimate${safe ? `-${safe}` : ''}`;
  return `${base}.${EXTENSION[format] || 'txt'}`;
}

export function downloadText(text, name, mediaType) {
  const blob = new Blob([text], { type: `${mediaType || 'text/plain'};charset=utf-8` });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // The download has started by now; keep the URL a little for slow browsers.
  setTimeout(() => URL.revokeObjectURL(url), 30000);
}

/**
 * Runs one export. job: {engine, prices (table text), config, instance,
 * what, format, lang, copy (bool), status (element), field (fallback textarea)}.
 */
export async function runExport(job) {
  const answer = job.engine.exportAs(job.prices, job.config, job.what, job.copy ? 'md' : job.format, job.lang);
  if (!answer.ok || typeof answer.text !== 'string') {
    const message = (answer.errors || []).map((e) => (job.lang === 'zh' ? e.message_zh : e.message_en)).join(' ');
    announce(job.status, t('exportFailed', { message }));
    return;
  }
  if (job.copy) {
    job.field.hidden = false;
    const outcome = await copyText(answer.text, job.field);
    if (outcome === 'copied') job.field.hidden = true;
    announce(job.status, outcome === 'copied' ? t('markdownCopied') : t('exportManual'));
    return;
  }
  const name = fileName(job.what, job.format, job.instance);
  downloadText(answer.text, name, answer.media_type);
  announce(job.status, t('exportDone', { file: name }));
}
