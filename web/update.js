// A new build of the site is ready: its service worker (web/sw.js) has
// installed beside this page's and waits. The notice offers to switch now.
// The worker takes over only when this is the site's only open tab, so that
// no other tab goes on with another build's files; the reload keeps every
// input, because the address holds them.
import { $, setHidden, setText } from './dom.js';
import { t } from './i18n.js';

let waiting = null; // the new build's installed worker, once there is one
let otherTabs = 0; // how many other tabs kept the worker from taking over
let switching = false;

/** Watches a registration for a new build; redraw() is called when the notice changes. */
export function watchForUpdates(registration, redraw) {
  const offer = (worker) => {
    // No controller: this was the first visit, and the new worker is this build's.
    if (!navigator.serviceWorker.controller || worker === waiting) return;
    waiting = worker;
    otherTabs = 0;
    // A still newer build (or a failed activation) makes it redundant: no offer then.
    worker.addEventListener('statechange', () => {
      if (worker.state === 'redundant' && waiting === worker) {
        waiting = null;
        redraw();
      }
    });
    redraw();
  };
  if (registration.waiting) offer(registration.waiting);
  registration.addEventListener('updatefound', () => {
    const worker = registration.installing;
    if (!worker) return;
    worker.addEventListener('statechange', () => {
      if (worker.state === 'installed') offer(worker);
    });
  });
  navigator.serviceWorker.addEventListener('message', (event) => {
    if (event.data && event.data.type === 'other-tabs' && Number.isInteger(event.data.count)) {
      otherTabs = event.data.count;
      redraw();
    }
  });
  navigator.serviceWorker.startMessages();
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (switching) window.location.reload();
  });
  // A tab left open for days still learns of a new build when it is looked at again.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') registration.update().catch(() => {});
  });
  $('update-reload').addEventListener('click', () => {
    if (!waiting) return;
    switching = true;
    waiting.postMessage({ type: 'take-over' });
  });
}

/** Shows the notice while a new build waits, in the page's language. */
export function renderUpdateNotice() {
  setHidden($('update-notice'), waiting === null);
  if (waiting === null) return;
  setText($('update-others'), otherTabs > 0 ? t('updateOtherTabs', { count: otherTabs }) : '');
  setHidden($('update-others'), otherTabs === 0);
}
