// The service worker: a returning reader opens the calculator at once, and
// offline. Every file of one build is cached together under that build's
// version (scripts/service-worker.mjs writes both into this file), so a page
// is never served with an engine, bundle or style sheet of another build:
//  - the page, the bundle, the engine and the price tables come from this
//    version's cache (a new build installs beside it and takes over when no
//    page of the old one is open, or when the only open page asks to, from
//    its "new version" notice, and reloads: no claim);
//  - price tables go to the network first, so prices stay current, and fall
//    back to the cached copy when the network fails (offline).
/* eslint-env serviceworker */

const VERSION = 'unbuilt'; // build: version
const FILES = []; // build: files
const CACHE = `epochcost-${VERSION}`;
const PAGE = 'index.html';
const PATHS = new Set(FILES.map(([path]) => path));

self.addEventListener('install', (event) => {
  event.waitUntil(precache());
});

/**
 * Fetches every file of this build and checks its bytes against the hash
 * the build recorded: a server caught half-way through a deploy fails the
 * install (the old version stays, and the next visit tries again) instead
 * of caching a mix of two builds.
 */
async function precache() {
  const checked = await Promise.all(FILES.map(async ([path, sha256]) => {
    // cache: 'reload': the file as it is on the server now, not from the HTTP cache.
    const response = await fetch(new Request(path, { cache: 'reload' }));
    const body = await response.arrayBuffer();
    const digest = [...new Uint8Array(await crypto.subtle.digest('SHA-256', body))]
      .map((byte) => byte.toString(16).padStart(2, '0')).join('');
    if (!response.ok || digest !== sha256) throw new Error(`${path} is not the file of build ${VERSION}`);
    return [path, new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers })];
  }));
  const cache = await caches.open(CACHE);
  await Promise.all(checked.map(([path, response]) => cache.put(path, response)));
}

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys().then((keys) => Promise.all(keys
    .filter((key) => key.startsWith('epochcost-') && key !== CACHE)
    .map((key) => caches.delete(key)))));
});

// The page's "Reload" in its new-version notice: take over now, but only
// when that page is the site's only open tab (any other would go on running
// the old build against this build's files); otherwise say how many others.
self.addEventListener('message', (event) => {
  if (!event.data || event.data.type !== 'take-over' || !event.source) return;
  event.waitUntil(takeOver(event.source));
});

async function takeOver(asker) {
  const tabs = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  if (tabs.length > 1) {
    asker.postMessage({ type: 'other-tabs', count: tabs.length - 1 });
    return;
  }
  await self.skipWaiting();
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  const scope = new URL(self.registration.scope);
  const path = url.pathname.startsWith(scope.pathname) ? url.pathname.slice(scope.pathname.length) : null;
  if (path === null) return;
  if (request.mode === 'navigate' && (path === '' || path === PAGE)) {
    // Any link (?i=…&t=…) opens the same page; the query stays in the address.
    event.respondWith(fromCache(PAGE, request));
  } else if (path.startsWith('prices/')) {
    event.respondWith(networkFirst(path, request));
  } else if (PATHS.has(path)) {
    event.respondWith(fromCache(path, request));
  }
});

async function fromCache(path, request) {
  const cached = await caches.open(CACHE).then((cache) => cache.match(path));
  return cached || fetch(request);
}

async function networkFirst(path, request) {
  try {
    return await fetch(request); // an HTTP error is the page's to report
  } catch (error) {
    const cached = await caches.open(CACHE).then((cache) => cache.match(path));
    if (cached) return cached;
    throw error;
  }
}
