// Text from a price table or a link is untrusted: it is only ever set as
// textContent, bidirectional embedding/override/isolate controls
// (U+202A-202E, U+2066-2069) are removed so that they cannot reorder the
// text around them, and each string sits in its own element with dir="auto"
// (CSS: unicode-bidi: isolate), so a right-to-left name stays inside its box.

const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
// C0/C1 controls other than tab and newline have no business in a name.
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

/** The text with bidi and other control characters removed. */
export function cleanText(text) {
  return String(text ?? '').replace(BIDI_CONTROLS, '').replace(CONTROLS, '');
}

/** A <bdi>-like span holding untrusted text, isolated from its neighbours. */
export function isolated(text, tag = 'span') {
  const el = document.createElement(tag);
  el.dir = 'auto';
  el.className = 'untrusted';
  el.textContent = cleanText(text);
  return el;
}

/** Sets an element's content to untrusted text, isolated. */
export function setUntrusted(el, text) {
  el.dir = 'auto';
  el.classList.add('untrusted');
  el.textContent = cleanText(text);
}
