// A generic check that a page fits its viewport as a reader sees it: no
// sideways scrolling of the page, and no text clipped by or spilling out of
// its box (buttons, labels, selects, table cells, the summary bar...). It
// measures every visible element that draws text or is a form control, so it
// catches what a list of known selectors would miss:
//  - its content is wider or taller than its box (scrollWidth > clientWidth,
//    scrollHeight > clientHeight): cut off if the box clips, spilling over
//    its neighbours if not;
//  - a select is narrower than its chosen option's text needs (a select
//    never wraps; its scroll size does not show the text, so a copy of it
//    sized to its text is measured);
//  - its box reaches past the viewport's sides.
// A scroll container (overflow auto or scroll) may be wider inside than out:
// the reader scrolls it; its content is measured against what it scrolls,
// and the test can ask whether anything scrolls at all. Read-only fields
// (an address, a code snippet) scroll by design. Deliberately clipped text
// (visually hidden for screen readers, clip-path) is not drawn and is
// skipped. Sections that content-visibility: auto leaves unrendered until
// they near the viewport are laid out first, as a reader scrolling sees them.

/** Runs in the page: returns {problems: [text], scrollers: [text]}. */
export function findLayoutProblems() {
  const SLACK = 1; // sub-pixel rounding
  const problems = [];
  const scrollers = [];
  // Through the CSSOM: the page's CSP refuses a <style> element.
  const skipped = [...document.querySelectorAll('*')].filter((el) => getComputedStyle(el).contentVisibility === 'auto');
  for (const el of skipped) el.style.contentVisibility = 'visible';
  try {
    const describe = (el) => {
      const id = el.id ? `#${el.id}` : '';
      const cls = typeof el.className === 'string' && el.className.trim()
        ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
      const label = (el.tagName === 'SELECT' ? el.selectedOptions[0]?.text : el.value || el.textContent) || '';
      return `${el.tagName.toLowerCase()}${id}${cls} "${label.replace(/\s+/g, ' ').trim().slice(0, 60)}"`;
    };
    const viewport = document.documentElement.clientWidth;
    const page = document.scrollingElement;
    if (page.scrollWidth > viewport + SLACK) {
      problems.push(`the page scrolls sideways: ${page.scrollWidth} px of content in a ${viewport} px viewport`);
    }

    const clippedOnPurpose = (el) => {
      for (let a = el; a; a = a.parentElement) {
        const s = getComputedStyle(a);
        if (s.clipPath !== 'none' || (s.clip && s.clip !== 'auto')) return true;
      }
      return false;
    };
    const isScroller = (s) => /auto|scroll/.test(s.overflowX);
    const scrollingAncestor = (el) => {
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        if (isScroller(getComputedStyle(a))) return a;
      }
      return null;
    };
    const ownText = (el) => [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.data.trim());
    const CONTROLS = 'button, select, textarea, input:not([type=hidden]):not([type=file]):not([type=radio]):not([type=checkbox]), label, summary, legend, th, td, dt, dd';

    /** The size of a select with its chosen option on one line: a copy of it, sized to its text. */
    const selectNeeds = (select) => {
      const copy = select.cloneNode(true);
      copy.removeAttribute('id');
      copy.selectedIndex = select.selectedIndex;
      Object.assign(copy.style, {
        position: 'absolute', visibility: 'hidden', width: 'auto', minWidth: '0', maxWidth: 'none', flex: 'none', whiteSpace: 'nowrap',
      });
      // Only the chosen option: an auto-sized select is as wide as its widest one.
      for (const option of [...copy.options]) if (option.index !== select.selectedIndex) option.remove();
      select.parentElement.append(copy);
      const { width, height } = copy.getBoundingClientRect();
      copy.remove();
      return { width, height };
    };

    // A box that clips (overflow other than visible) is checked whatever it
    // holds: the text it cuts off may be its children's.
    const clips = (el) => {
      const s = getComputedStyle(el);
      return s.overflowX !== 'visible' || s.overflowY !== 'visible';
    };
    for (const el of document.body.querySelectorAll('*')) {
      if (!(ownText(el) || el.matches(CONTROLS) || (clips(el) && el.textContent.trim()))) continue;
      if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
      const rect = el.getBoundingClientRect();
      if (rect.width <= SLACK || rect.height <= SLACK || clippedOnPurpose(el)) continue;
      const s = getComputedStyle(el);
      const readOnlyField = (el.matches('input, textarea') && el.readOnly) || el.matches('textarea');
      const inline = s.display === 'inline';

      if (!inline && !readOnlyField) {
        const wide = el.scrollWidth - el.clientWidth;
        const tall = el.scrollHeight - el.clientHeight;
        if (isScroller(s)) {
          if (wide > SLACK) scrollers.push(`${describe(el)} scrolls: ${el.scrollWidth} px in ${el.clientWidth} px`);
        } else {
          const how = s.overflowX === 'visible' ? 'spills out of' : 'is cut off by';
          if (wide > SLACK) problems.push(`${describe(el)}: its content ${how} its box (${el.scrollWidth} px in ${el.clientWidth} px wide)`);
        }
        // Vertical: only a box that clips (a fixed height that does not clip lets text grow).
        if (s.overflowY !== 'visible' && !/auto|scroll/.test(s.overflowY) && tall > SLACK) {
          problems.push(`${describe(el)}: its content is cut off at the bottom (${el.scrollHeight} px in ${el.clientHeight} px tall)`);
        }
      }
      if (el.tagName === 'SELECT' && el.selectedIndex >= 0) {
        // Too wide for one line, it must have wrapped (grown taller than one line).
        const { width, height } = selectNeeds(el);
        const wrapped = !/nowrap|pre$/.test(s.whiteSpace) && rect.height > height + SLACK;
        if (width > rect.width + SLACK && !wrapped) {
          problems.push(`${describe(el)}: the chosen option is cut off (needs ${Math.ceil(width)} px, has ${Math.floor(rect.width)} px)`);
        }
      }
      // Past the viewport's sides, unless a scroll container holds it.
      if (!scrollingAncestor(el) && (rect.left < -SLACK || rect.right > viewport + SLACK)) {
        problems.push(`${describe(el)}: reaches past the viewport (${Math.round(rect.left)} to ${Math.round(rect.right)} px of ${viewport} px)`);
      }
    }
  } finally {
    for (const el of skipped) el.style.contentVisibility = '';
  }
  return { problems, scrollers };
}

/**
 * The headline figures as drawn: each must hold a number, be visible, lie
 * inside the viewport sideways and show its whole text.
 */
export function findHiddenFigures(ids) {
  const viewport = document.documentElement.clientWidth;
  const problems = [];
  for (const id of ids) {
    const el = document.getElementById(id);
    if (!el) {
      problems.push(`#${id} is missing`);
      continue;
    }
    const rect = el.getBoundingClientRect();
    if (!/\d/.test(el.textContent)) problems.push(`#${id} shows no figure: "${el.textContent}"`);
    if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true }) || rect.width < 1 || rect.height < 1) {
      problems.push(`#${id} is not visible`);
    } else if (rect.left < 0 || rect.right > viewport) {
      problems.push(`#${id} lies outside the viewport (${Math.round(rect.left)} to ${Math.round(rect.right)} of ${viewport})`);
    } else if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).display !== 'inline') {
      problems.push(`#${id} is cut off (${el.scrollWidth} px in ${el.clientWidth} px)`);
    }
  }
  return problems;
}
