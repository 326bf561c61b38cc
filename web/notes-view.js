// The estimate's notes: the engine's list of what it adjusted (whole
// instances, the billing increment, a discount, ...), in the page's language.

import { $, unchanged } from './dom.js';
import { engineMessage, language, t } from './i18n.js';

export function renderNotes(notes) {
  const list = $('notes');
  if (unchanged(list, JSON.stringify([language(), notes.map((note) => [engineMessage(note), note.code])]))) return;
  const items = notes.map((note) => {
    const li = document.createElement('li');
    li.textContent = engineMessage(note);
    li.dataset.code = String(note.code || '');
    return li;
  });
  if (items.length === 0) {
    const li = document.createElement('li');
    li.className = 'muted';
    li.textContent = t('noNotes');
    items.push(li);
  }
  list.replaceChildren(...items);
}
