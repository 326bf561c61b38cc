// Writes to the page only what changed. Every keystroke redraws the whole
// estimate; an unchanged text, attribute, visibility or list then costs no
// mutation, no style invalidation and no layout.

/** The page's element with this id. */
export const $ = (id) => document.getElementById(id);

/**
 * Sets an element's text unless it already reads so. A lone text node is
 * edited in place: replacing it (textContent) would also rebuild its layout
 * object on every keystroke.
 */
export function setText(el, text) {
  if (!el || el.textContent === text) return;
  const only = el.firstChild;
  if (only && only === el.lastChild && only.nodeType === Node.TEXT_NODE && text !== '') only.data = text;
  else el.textContent = text;
}

/** Shows or hides an element unless it already is. */
export function setHidden(el, hidden) {
  if (el && el.hidden !== hidden) el.hidden = hidden;
}

/** Sets an attribute unless it already has this value. */
export function setAttr(el, name, value) {
  if (el && el.getAttribute(name) !== value) el.setAttribute(name, value);
}

// What each element's children were last built from.
const drawn = new WeakMap();

/**
 * True when el's children were last built from the same key (a string that
 * captures everything they show); otherwise records the key. A caller that
 * changes el's children another way calls forget(el).
 */
export function unchanged(el, key) {
  if (drawn.get(el) === key) return true;
  drawn.set(el, key);
  return false;
}

export function forget(el) {
  drawn.delete(el);
}
