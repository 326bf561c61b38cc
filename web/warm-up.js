// V8 first runs code unoptimised and optimises a function only once it has
// run for a while. Measured in Chromium, a keystroke's engine call took two
// to four times its steady cost over its first hundred or so calls, and the
// page's own drawing code likewise, so a reader's first keystrokes were the
// slowest. Once the page has loaded, in idle time only, the page recomputes
// and redraws the estimate it already shows (nothing on screen changes)
// until that code is optimised. It stops at the reader's first edit: typing
// does the same work then.

export const WARM_UP_CALLS = 120;

/**
 * Runs work() up to WARM_UP_CALLS times in idle slices (requestIdleCallback),
 * leaving each slice 2 ms spare; stopped() ends it early.
 * @returns {Promise<number>} how many calls were made
 */
export function warmUp(work, stopped, idle = globalThis.requestIdleCallback) {
  return new Promise((resolve) => {
    if (typeof idle !== 'function') {
      resolve(0);
      return;
    }
    let calls = 0;
    const slice = (deadline) => {
      while (calls < WARM_UP_CALLS && !stopped() && deadline.timeRemaining() > 2) {
        work();
        calls += 1;
      }
      if (calls < WARM_UP_CALLS && !stopped()) idle(slice);
      else resolve(calls);
    };
    idle(slice);
  });
}
