// Caches this build for the next visit and for offline use (web/sw.js).
// Registered once the page is working, so it never competes with the first
// estimate. A browser that refuses (no service workers, blocked storage)
// only loses the cache. A newer build, once installed, is offered in a
// notice (update.js).

import { watchForUpdates } from './update.js';

/** redraw: called when the notice changes. */
export function registerServiceWorker(redraw) {
  if (!('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register('sw.js')
    .then((registration) => watchForUpdates(registration, redraw))
    .catch(() => {});
}
