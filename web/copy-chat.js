// "Copy for chat": the engine writes the message (the same text as the CLI's
// --format chat) for the estimate on screen, ending in the link the share
// field holds; the page only copies it.

import { pricesText, state } from './controller.js';
import { $ } from './dom.js';
import { engineMessage, t } from './i18n.js';
import { announce, copyText } from './share.js';

/** The message for the estimate on screen: {text} or {problem} (a status to announce). */
export function chatMessage() {
  if (!state.engine || !state.lastConfig || state.errors.length > 0 || state.pending) {
    return { problem: t('chatNeedsEstimate') };
  }
  const answer = state.engine.chat(pricesText(), state.lastConfig, state.lang, $('share-url').value);
  if (!answer.ok || typeof answer.text !== 'string') {
    return { problem: t('chatFailed', { message: (answer.errors || []).map(engineMessage).join(' ') }) };
  }
  return { text: answer.text };
}

export function wireChatButton() {
  const field = $('chat-message');
  $('copy-chat').addEventListener('click', async () => {
    const status = $('share-status');
    const { text, problem } = chatMessage();
    if (problem) {
      announce(status, problem);
      return;
    }
    field.hidden = false;
    const outcome = await copyText(text, field);
    if (outcome === 'copied') field.hidden = true;
    announce(status, outcome === 'copied' ? t('chatCopied') : t('chatManual'));
  });
}
