// The form's opening sentence says what the form holds: the seed's worked
// example (a plain opening, the example's own link, or edited inputs that
// are the example's again), a shared link's own inputs (until edited), or
// the reader's own inputs. Never the worked example on a link that holds
// another configuration.

import { $, setText } from './dom.js';
import { t } from './i18n.js';

let seed = null; // {query, path}: the worked example's link and price table
let fromLink = false; // opened on a link holding another configuration

/**
 * Called once at start. example: the build's first view ({query, path}), or
 * null when the page has none; linked: the opening's address holds a
 * configuration other than the example's.
 */
export function setOpening(example, linked) {
  seed = example ? { query: example.query, path: example.path } : null;
  fromLink = linked;
}

/** The catalogue key of the sentence for this state (controller.js's). */
export function openingKey(state) {
  // A link keeps its sentence until edited, even when its values (or the
  // values its bad ones fell back to) are the example's.
  if (fromLink && !state.edited) return 'linkNote';
  const isExample = seed !== null && state.errors.length === 0
    && state.query === seed.query && state.source.path === seed.path;
  return isExample ? 'exampleNote' : 'ownNote';
}

export function renderOpening(state) {
  setText($('opening-note'), t(openingKey(state)));
}
