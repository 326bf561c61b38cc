// Shared set-up for the browser tests: one static server and one Debian
// chromium per test file, pages that record every console error, page error,
// CSP violation, failed request and dialog, and an assertion that none
// happened. Never downloads a browser (no `npx playwright install`).
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/chromium.mjs';
import { startServer } from '../../scripts/static-server.mjs';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const RESULTS_DIR = path.join(REPO, 'test-results');

/** Starts the server (of build/site, or siteDir) and the browser; call stop() in after(). */
export async function startBrowser({ siteDir } = {}) {
  const server = await startServer(siteDir);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  return {
    server,
    browser,
    url: (pathAndQuery = '/') => `${server.origin}${pathAndQuery}`,
    async stop() {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * The browser of the calling test file: one static server and one chromium,
 * started before its tests and stopped after them, when every page the file
 * watched is also checked for CSP violations. The returned object is filled
 * in by then: {browser, url(pathAndQuery), openPage(pathAndQuery, options)}.
 */
export function browserForFile() {
  const env = {};
  before(async () => {
    Object.assign(env, await startBrowser());
  });
  after(async () => {
    await env.stop?.();
    assertNoCspViolationsInFile();
  });
  /** A watched page in a new context, opened on the calculator and ready. */
  env.openPage = async (pathAndQuery = '/', options = {}) => {
    const context = await newContext(env.browser, options);
    const { page, problems } = await watchedPage(context);
    await openCalculator(page, env.url(pathAndQuery));
    return { context, page, problems };
  };
  return env;
}

/**
 * A fresh context (own storage, clipboard) with a language and colour scheme.
 * The page's service worker is blocked unless asked for: requests it answered
 * would bypass the tests' page.route() mocks.
 */
export async function newContext(browser, {
  locale = 'en-US', colorScheme = 'light', viewport = { width: 1280, height: 900 }, permissions = [], serviceWorkers = 'block',
  javaScriptEnabled = true,
} = {}) {
  const context = await browser.newContext({
    locale, colorScheme, viewport, serviceWorkers, javaScriptEnabled,
  });
  if (permissions.length) await context.grantPermissions(permissions);
  return context;
}

/**
 * Opens a page that records problems: console errors, uncaught errors,
 * securitypolicyviolation events (in every frame), same-origin requests that
 * fail or answer >= 400, and dialogs (alert() from injected script).
 */
export async function watchedPage(context) {
  const page = await context.newPage();
  const problems = { console: [], pageErrors: [], csp: [], requests: [], dialogs: [] };
  WATCHED.push(problems);
  await page.exposeBinding('__reportCspViolation', (_source, v) => { problems.csp.push(v); });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__reportCspViolation({ directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample, page: location.href });
    });
  });
  page.on('console', (msg) => { if (msg.type() === 'error') problems.console.push(msg.text()); });
  page.on('pageerror', (err) => problems.pageErrors.push(String(err)));
  page.on('requestfailed', (req) => {
    const reason = req.failure()?.errorText;
    // The browser's own favicon fetch, cancelled when a test navigates the
    // page again before it finished: nothing the page asked for.
    if (reason === 'net::ERR_ABORTED' && new URL(req.url()).pathname.endsWith('/favicon.svg')) return;
    problems.requests.push(`${req.url()} ${reason}`);
  });
  page.on('response', (res) => { if (res.status() >= 400) problems.requests.push(`${res.url()} HTTP ${res.status()}`); });
  page.on('dialog', async (dialog) => { problems.dialogs.push(dialog.message()); await dialog.dismiss(); });
  return { page, problems };
}

/** Every watched page of this test file (each file runs in its own process). */
const WATCHED = [];

/**
 * The CSP violations of every page this file watched, whatever each test
 * asserted: a file's after() hook calls assertNoCspViolationsInFile(), so
 * the whole suite proves zero securitypolicyviolation events.
 */
export function assertNoCspViolationsInFile() {
  const all = WATCHED.flatMap((p) => p.csp);
  assert.deepEqual(all, [], `securitypolicyviolation events in ${WATCHED.length} pages of this file`);
  return WATCHED.length;
}

/** Asserts that the watched page had no CSP violation, console error, page error, bad request or dialog. */
export function assertNoProblems(problems) {
  assert.deepEqual(problems.csp, [], 'securitypolicyviolation events');
  assert.deepEqual(problems.console, [], 'console errors');
  assert.deepEqual(problems.pageErrors, [], 'uncaught page errors');
  assert.deepEqual(problems.requests, [], 'failed requests');
  assert.deepEqual(problems.dialogs, [], 'dialogs (alert/confirm)');
}

/** Waits until the page's service worker has installed this build and is activated. */
export async function waitForActiveWorker(page) {
  await page.evaluate(async () => {
    const { active } = await navigator.serviceWorker.ready;
    if (active.state !== 'activated') {
      await new Promise((resolve) => { active.addEventListener('statechange', () => active.state === 'activated' && resolve()); });
    }
  });
}

/** Navigates and waits until the calculator has drawn its first estimate. */
export async function openCalculator(page, url) {
  await page.goto(url);
  await page.waitForSelector('html[data-ready="true"]', { state: 'attached', timeout: 15000 });
}

export async function text(page, selector) {
  return (await page.locator(selector).first().textContent()).trim();
}

/** Reads the two headline figures. */
export async function figures(page) {
  return { perEpoch: await text(page, '#per-epoch'), total: await text(page, '#total') };
}

/**
 * How full each bar under `selector` is drawn on screen, in percent of its
 * track (rounded), once its transition has ended.
 */
export async function barShares(page, selector) {
  return page.locator(`${selector} .bar`).evaluateAll(async (bars) => {
    await Promise.all(bars.flatMap((bar) => bar.getAnimations({ subtree: true }).map((a) => a.finished)));
    return bars.map((bar) => {
      const track = bar.getBoundingClientRect().width;
      return Math.round((bar.querySelector('.bar-fill').getBoundingClientRect().width / track) * 100);
    });
  });
}

/** Replaces an input's text the way a user would (select all, type), firing input events. */
export async function typeInto(page, selector, value) {
  await page.fill(selector, value);
}

export async function screenshot(page, name) {
  await mkdir(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, name);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
