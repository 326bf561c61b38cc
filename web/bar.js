// Horizontal bars (the breakdown's shares, the comparison's totals): a track
// and a fill scaled by one of the classes w0 to w100 of styles.css. Changing
// the class restyles one element and needs no layout; the SVG widths these
// replaced cost 0.1 ms of style and layout each on every keystroke. Bars are
// aria-hidden: the figures beside them say the same as text. No style
// attribute: the page's CSP allows none.

const WIDTH = /^w\d+$/;

/** The fill's class for a share in [0, 100]: whole percent, a sliver for any non-zero share. */
export function widthClass(percent) {
  const p = Number.isFinite(percent) ? Math.min(100, Math.max(0, percent)) : 0;
  return `w${p > 0 ? Math.max(1, Math.round(p)) : 0}`;
}

/** Sets a bar's fill (the .bar-fill element) to a share. */
export function setBar(fill, percent) {
  const next = widthClass(percent);
  const current = [...fill.classList].find((name) => WIDTH.test(name));
  if (current === next) return;
  if (current) fill.classList.replace(current, next);
  else fill.classList.add(next);
}

/** A new bar whose fill has the colour class `kind` (bar-compute, bar-data, bar-ops). */
export function createBar(kind, percent) {
  const track = document.createElement('span');
  track.className = 'bar';
  track.setAttribute('aria-hidden', 'true');
  const fill = document.createElement('span');
  fill.className = `bar-fill ${kind} ${widthClass(percent)}`;
  track.append(fill);
  return track;
}
