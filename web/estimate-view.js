// The Estimate panel, drawn part by part from one result: the figures, the
// formula, the breakdown, time and usage, the range and spot capacity, and
// the notes.

import { renderBreakdown } from './breakdown-view.js';
import { $ } from './dom.js';
import { renderFacts } from './facts-view.js';
import { renderFigures } from './figures-view.js';
import { renderFormula } from './formula-view.js';
import { renderRange, renderSpot } from './hours-view.js';
import { renderMoney } from './money-view.js';
import { renderNotes } from './notes-view.js';

/**
 * r null: no estimate (a link whose values cannot be computed together).
 * Every figure reads "—", as in the page's markup; the built page's first
 * view (the seed example) must not stand in for the link's.
 */
export function renderEstimate(r) {
  renderFigures(r);
  renderFormula(r);
  renderBreakdown($('breakdown-body'), r);
  renderFacts(r);
  renderRange(r);
  renderSpot(r);
  renderMoney(r);
  renderNotes(r ? r.notes || [] : []);
}
