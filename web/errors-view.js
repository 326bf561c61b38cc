// Input errors: each of the engine's errors next to the input it concerns
// (aria-invalid, described by the message); errors about a way as a whole
// under the way's inputs, and errors about no input in particular above the
// form.

import { $, setHidden, setText, unchanged } from './dom.js';
import { engineMessage } from './i18n.js';
import { inputFor } from './form.js';
import { FIELDS, WAY_OBJECTS } from './state.js';

/** Errors about a way as a whole ('trial': conflicting, too long) go under the way's inputs. */
/** Configuration key -> the id of its input, for errors shown beside it. */
// (flops.method has no input of its own: training.method's select replaced
// it, and its errors are shown above the form.)
const INPUT_ID = Object.fromEntries(FIELDS.filter((field) => inputFor(field)).map((field) => [field.key, inputFor(field).id]));

let showingErrors = true; // until the first call has checked every field

export function renderFieldErrors(errors) {
  // Nothing shown and nothing to show: most keystrokes.
  if (errors.length === 0 && !showingErrors) return;
  showingErrors = errors.length > 0;
  const byInput = new Map();
  const general = [];
  for (const error of errors) {
    const id = WAY_OBJECTS.has(error.field) ? 'way' : INPUT_ID[error.field];
    if (id) {
      if (!byInput.has(id)) byInput.set(id, []);
      byInput.get(id).push(engineMessage(error));
    } else {
      general.push(engineMessage(error));
    }
  }
  for (const id of [...Object.values(INPUT_ID), 'way']) {
    const input = $(id);
    const message = $(`err-${id}`);
    const messages = byInput.get(id) || [];
    const shown = messages.join(' ');
    setText(message, shown);
    setHidden(message, messages.length === 0);
    if (id === 'way') continue;
    if (messages.length) {
      // An error inside a folded section unfolds it, so it is seen.
      const folded = input.closest('details');
      if (folded && !folded.open) folded.open = true;
      input.closest('.field').classList.add('has-error');
      input.setAttribute('aria-invalid', 'true');
    } else if (input.hasAttribute('aria-invalid')) {
      input.closest('.field').classList.remove('has-error');
      input.removeAttribute('aria-invalid');
    }
  }
  const box = $('general-errors');
  if (unchanged(box, JSON.stringify(general))) return;
  box.replaceChildren(...general.map((text) => {
    const p = document.createElement('p');
    p.textContent = text;
    return p;
  }));
  box.hidden = general.length === 0;
}
