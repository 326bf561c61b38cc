// Copying to the clipboard, with a fallback for browsers or frames where the
// Clipboard API is refused: select the read-only field so the user can copy
// it, and say so. The outcome is announced in a role=status element.

import { t } from './i18n.js';

/**
 * Copies text. field: a read-only input/textarea holding the same text, used
 * by the fallback. Resolves to 'copied' or 'manual'.
 */
export async function copyText(text, field) {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return 'copied';
    }
  } catch {
    // refused (permissions, iframe policy): fall back below
  }
  field.value = text;
  field.focus();
  field.select();
  try {
    if (document.execCommand && document.execCommand('copy')) return 'copied';
  } catch {
    // execCommand may throw in some browsers; the selection stays for the user
  }
  return 'manual';
}

let statusTimers = new WeakMap();

/** Announces a short status message, cleared after a while. */
export function announce(statusEl, text) {
  clearTimeout(statusTimers.get(statusEl));
  statusEl.textContent = text;
  statusTimers.set(statusEl, setTimeout(() => { statusEl.textContent = ''; }, 6000));
}

export function wireCopyButtons({ linkButton, linkField, linkStatus, snippetButton, snippetField, snippetStatus }) {
  linkButton.addEventListener('click', async () => {
    const outcome = await copyText(window.location.href, linkField);
    announce(linkStatus, outcome === 'copied' ? t('copied') : t('copyManual'));
  });
  snippetButton.addEventListener('click', async () => {
    const outcome = await copyText(snippetField.value, snippetField);
    announce(snippetStatus, outcome === 'copied' ? t('snippetCopied') : t('copyManual'));
  });
}
