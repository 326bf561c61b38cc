// Browser benchmark for the built page (build/site), in Debian's Chromium:
//  - bytes transferred before the first estimate shows, gzip -9 (per file);
//  - navigation start to the first estimate painted (presented on screen),
//    cold cache, median of N loads, against a one-line static page served
//    the same way, in the same run; a Chinese reader's (the page waits for
//    main.js to speak Chinese) and a link's first estimate likewise;
//  - input event to updated numbers (the synchronous recompute and DOM
//    update, comparison table included), p50 and p95;
//  - Lighthouse (mobile): performance, accessibility, best practices, SEO.
// Prints figures; it asserts nothing (budgets that are deterministic live in
// the tests). Usage: bash bench/run.sh, or node bench/browser_bench.mjs
// [--loads 11] [--no-lighthouse] [--site DIR] with Lighthouse in
// build/bench-tools; --site measures another build of the site (an older
// commit's, say) in the same way.
import { execFile, execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';

import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/chromium.mjs';
import { startBrowser } from '../tests/browser/helpers.mjs';

const args = process.argv.slice(2);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const LOADS = Number(option('--loads')) || 11;
const INPUT_EVENTS = 200;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const percentile = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const ms = (x) => `${x.toFixed(1)} ms`;
/** Lowest and highest of the loads' own ratios (load i of a over load i of b, both made in round i). */
const ratioRange = (a, b) => {
  const r = a.map((x, i) => x / b[i]);
  return `${Math.min(...r).toFixed(2)}-${Math.max(...r).toFixed(2)}`;
};

// Records, in the page, when #per-epoch first shows a figure to the reader:
//   __inDom: it holds a figure and is not held back (web/hold.js hides what
//            main.js will redraw: another language, a link's figures);
//   __frame: the start of the next frame (requestAnimationFrame), when the
//            browser begins to draw it;
//   __painted: when that frame was presented on screen. This is the budgeted
//            measure: between __frame and __painted lie the frame's style,
//            layout, paint and raster, which for a whole page are most of it.
// Presentation times come from Element Timing, which reports the first paint
// of an element's text: a one-character probe added at __inDom is painted in
// the same frame as the figure. (#per-epoch itself would not do: a page
// that first paints "—" there would be timed by the dash.) The bare page is
// watched the same way.
function watchFirstEstimate() {
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.identifier === 'first-estimate' && window.__painted === undefined) window.__painted = entry.renderTime;
    }
  }).observe({ type: 'element', buffered: true });
  const mark = () => {
    const el = document.getElementById('per-epoch');
    const held = /\b(page|link)\b/.test(document.documentElement.dataset.hold || '');
    if (el && /\d/.test(el.textContent) && !held && window.__inDom === undefined) {
      window.__inDom = performance.now();
      const probe = document.createElement('span');
      probe.setAttribute('elementtiming', 'first-estimate');
      probe.textContent = '1';
      Object.assign(probe.style, { position: 'absolute', left: '0', top: '0', fontSize: '8px' });
      document.body.append(probe);
      requestAnimationFrame(() => { window.__frame = performance.now(); });
    }
  };
  new MutationObserver(mark).observe(document, {
    subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['data-hold'],
  });
}

async function measureLoad(browser, url, { locale = 'en-US', keepBodies = false } = {}) {
  const context = await browser.newContext({ locale });  // a new context: cold cache
  const page = await context.newPage();
  // Bodies are read once the figure is painted: reading each as it arrives
  // sends the browser work over the DevTools protocol during the very load
  // being timed, a cost the one-response bare page would not share.
  const responses = new Map();
  page.on('response', (response) => { responses.set(response.url(), response); });
  await page.addInitScript(watchFirstEstimate);
  await page.goto(url);
  await page.waitForFunction(() => window.__frame !== undefined && window.__painted !== undefined, null, { timeout: 15000 });
  // What had fully arrived when the figure was painted, by the page's own clock.
  const { at, frame, arrived } = await page.evaluate(() => ({
    at: window.__painted,
    frame: window.__frame,
    arrived: [performance.getEntriesByType('navigation')[0], ...performance.getEntriesByType('resource')]
      .filter((e) => e.responseEnd > 0 && e.responseEnd <= window.__painted).map((e) => e.name),
  }));
  const files = [];
  for (const name of keepBodies ? arrived : []) {
    try {
      const body = await responses.get(name)?.body();
      if (body) files.push({ url: name, body });
    } catch {
      // redirects and aborted requests have no body
    }
  }
  await context.close();
  return { at, frame, files };
}

async function measureInputs(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForSelector('html[data-ready="true"]', { state: 'attached' });
  // A reader types after the page has settled, not while its start-up work
  // (the service worker's install) still runs: measure then.
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => new Promise((resolve) => { requestIdleCallback(resolve, { timeout: 2000 }); }));
  const times = await page.evaluate((count) => {
    const input = document.getElementById('t');
    const out = [];
    for (let i = 0; i < count; i += 1) {
      // A value typed once each (1.001, 1.002, ...): real typing does not
      // cycle through the same few values, which a cache would flatter.
      input.value = (1 + (i + 1) / 1000).toFixed(3);
      const start = performance.now();
      input.dispatchEvent(new Event('input', { bubbles: true }));
      // The handler recomputes and redraws synchronously; reading layout
      // forces the DOM work to finish before the clock stops.
      document.getElementById('per-epoch').getBoundingClientRect();
      out.push(performance.now() - start);
    }
    return out;
  }, INPUT_EVENTS);
  await context.close();
  return times;
}

async function lighthouse(url) {
  const bin = path.resolve(process.env.LIGHTHOUSE || 'build/bench-tools/node_modules/.bin/lighthouse');
  const { stdout } = await promisify(execFile)(bin, [
    url, '--output=json', '--quiet', '--form-factor=mobile', '--only-categories=performance,accessibility,best-practices,seo',
    `--chrome-flags=${CHROMIUM_ARGS.join(' ')} --user-data-dir=${await mkdtemp(path.join(os.tmpdir(), 'lh-'))}`,
  ], { env: { ...process.env, CHROME_PATH: CHROMIUM_PATH }, maxBuffer: 64 * 1024 * 1024 });
  const report = JSON.parse(stdout);
  // The performance score's inputs, so that a score below 100 says why.
  const metrics = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index']
    .map((id) => `${id} ${report.audits[id].displayValue} (${report.audits[id].score})`);
  console.log(`\nLighthouse (mobile, simulated slow 4G and 4x CPU slowdown):\n  ${metrics.join('\n  ')}`);
  return Object.fromEntries(Object.entries(report.categories).map(([k, v]) => [k, Math.round(v.score * 100)]));
}

/** Prints each file's gzip -9 size and the total; returns the total in bytes. */
function printBytes(title, files) {
  console.log(`\n${title}:`);
  let total = 0;
  for (const f of files) {
    const gz = gzipSync(f.body, { level: 9 }).length;
    total += gz;
    console.log(`  ${String(gz).padStart(7)}  ${new URL(f.url).pathname}`);
  }
  console.log(`  ${String(total).padStart(7)}  total (${(total / 1024).toFixed(1)} KB)`);
  return total;
}

/**
 * The font families that draw Chinese here (fc-list :lang=zh), or 'none'.
 * Without one Chromium draws boxes after searching the system for a
 * fallback, character by character: the Chinese reader's figure then times
 * that search, not the page. Printed beside the figures so that they say
 * what they measured.
 */
function chineseFonts() {
  try {
    const out = execFileSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
    const families = [...new Set(out.split('\n').map((line) => line.split(',')[0].trim()).filter(Boolean))].sort();
    return families.length ? families.join(', ') : 'none';
  } catch {
    return 'unknown (no fc-list)';
  }
}

// The bare page: one line of HTML from a server with the same headers.
const BARE = '<!doctype html><title>bare</title><p id="per-epoch">123.00</p>\n';
const bareServer = createServer((req, res) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(BARE);
});
await new Promise((resolve) => bareServer.listen(0, '127.0.0.1', resolve));
const bareUrl = `http://127.0.0.1:${bareServer.address().port}/`;
const { browser, url, stop } = await startBrowser({ siteDir: option('--site') && path.resolve(option('--site')) });

const fonts = chineseFonts();
console.log(`Fonts that draw Chinese (fc-list :lang=zh): ${fonts}`);

try {
  const pageUrl = url('/');
  // A shared link needs the engine for its first number: measured apart.
  const linkUrl = url('/?i=a100x4&t=2&n=4&d=2&m=1&e=10');
  const ours = [];
  const chinese = []; // a reader whose browser asks for Chinese: the page waits for main.js
  const links = [];
  const bares = [];
  const frames = { ours: [], bare: [] };
  let files = [];
  let linkFiles = [];
  for (let i = 0; i < LOADS; i += 1) {
    // The bytes are the same on every load: read them on the first.
    const keepBodies = i === 0;
    const a = await measureLoad(browser, pageUrl, { keepBodies });
    ours.push(a.at);
    frames.ours.push(a.frame);
    if (keepBodies) files = a.files;
    chinese.push((await measureLoad(browser, pageUrl, { locale: 'zh-CN' })).at);
    const b = await measureLoad(browser, linkUrl, { keepBodies });
    links.push(b.at);
    if (keepBodies) linkFiles = b.files;
    const c = await measureLoad(browser, bareUrl);
    bares.push(c.at);
    frames.bare.push(c.frame);
  }
  const total = printBytes('Bytes before the first estimate (gzip -9)', files);
  const linkTotal = printBytes('Bytes before the first estimate of a link (gzip -9)', linkFiles);

  const inputs = await measureInputs(browser, pageUrl);
  const rows = [
    ['transfer before first estimate (gzip -9)', `${(total / 1024).toFixed(1)} KB`, '<= 64 KB'],
    [`first estimate painted, median of ${LOADS} cold loads`, ms(median(ours)), ''],
    [`bare page painted, median of ${LOADS}`, ms(median(bares)), ''],
    ['ratio first estimate / bare page', (median(ours) / median(bares)).toFixed(2), '<= 2'],
    ['  the frame that paints it starts at (ours / bare)', `${ms(median(frames.ours))} / ${ms(median(frames.bare))}`, ''],
    ['fonts that draw Chinese (fc-list :lang=zh)', fonts, ''],
    [`Chinese reader: first estimate painted, median of ${LOADS}`, ms(median(chinese)), ''],
    ['Chinese reader: ratio to the bare page', (median(chinese) / median(bares)).toFixed(2), ''],
    ['Chinese reader: ratio to the English reader', (median(chinese) / median(ours)).toFixed(2), ''],
    ['link: transfer before first estimate (gzip -9)', `${(linkTotal / 1024).toFixed(1)} KB`, '<= 96 KB'],
    [`link: first estimate painted, median of ${LOADS} cold loads`, ms(median(links)), ''],
    ['link: ratio to the seed view (issue 18)', (median(links) / median(ours)).toFixed(2), '<= 1.3'],
    ['link: ratio to the seed view, range over the loads', ratioRange(links, ours), ''],
    ['link: ratio to the bare page', (median(links) / median(bares)).toFixed(2), ''],
    [`input to update p50 (${INPUT_EVENTS} events)`, ms(percentile(inputs, 50)), ''],
    [`input to update p95 (${INPUT_EVENTS} events)`, ms(percentile(inputs, 95)), '<= 2 ms'],
    [`input to update p99 (${INPUT_EVENTS} events)`, ms(percentile(inputs, 99)), ''],
  ];
  if (!args.includes('--no-lighthouse')) {
    const scores = await lighthouse(pageUrl);
    for (const [name, score] of Object.entries(scores)) rows.push([`Lighthouse mobile: ${name}`, String(score), '100']);
  }
  console.log('\n| measure | value | budget |\n|---|---:|---:|');
  for (const [name, value, budget] of rows) console.log(`| ${name} | ${value} | ${budget} |`);
} finally {
  await stop();
  bareServer.close();
}
