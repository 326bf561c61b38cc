// A new build while the page is open (web/sw.js, web/update.js): the page
// offers "Reload"; the new build's worker takes over only when that page is
// the site's only tab, and the reload keeps the reader's inputs. Each test
// serves its own copy of the build, and deploys the next build into it: this
// one with another style sheet, and a worker with its version and hash.
// (A route cannot stand in: the browser's update check of a worker script
// does not go through the context's routes.)
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import {
  assertNoProblems, browserForFile, figures, newContext, openCalculator, text, waitForActiveWorker, watchedPage,
} from './helpers.mjs';
import { SITE_DIR, startServer } from '../../scripts/static-server.mjs';

const env = browserForFile();

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');
const WORKER = readFileSync(path.join(SITE_DIR, 'sw.js'), 'utf8');
const SHEET = readFileSync(path.join(SITE_DIR, 'styles.css'));
const NEXT_SHEET = Buffer.concat([SHEET, Buffer.from('\n/* the next build */\n')]);
const NEXT_VERSION = 'ffffffffffffffff';
const NEXT_WORKER = WORKER
  .replace(/const VERSION = '[0-9a-f]{16}'/, `const VERSION = '${NEXT_VERSION}'`)
  .replace(sha256(SHEET), sha256(NEXT_SHEET));

/** A copy of this build on a server of its own; deploy() puts the next build there. */
async function siteOfOwn(t) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'epochcost-site-'));
  cpSync(SITE_DIR, dir, { recursive: true });
  const server = await startServer(dir);
  t.after(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return {
    url: (pathAndQuery = '/') => `${server.origin}${pathAndQuery}`,
    deploy() {
      assert.ok(NEXT_WORKER.includes(NEXT_VERSION) && NEXT_WORKER.includes(sha256(NEXT_SHEET)), 'the next worker');
      writeFileSync(path.join(dir, 'styles.css'), NEXT_SHEET);
      writeFileSync(path.join(dir, 'sw.js'), NEXT_WORKER);
    },
  };
}

/** A page controlled by this build's worker: the first visit installs it, a reload puts the page under it. */
async function controlledPage(context, url) {
  const { page, problems } = await watchedPage(context);
  await openCalculator(page, url);
  await waitForActiveWorker(page);
  if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) {
    await page.reload();
    await page.waitForSelector('html[data-ready="true"]', { state: 'attached', timeout: 15000 });
  }
  assert.ok(await page.evaluate(() => navigator.serviceWorker.controller !== null), 'the page is under the worker');
  return { page, problems };
}

/** What the page's worker serves: its cache's name, and whether the style sheet is the next build's. */
const served = (page) => page.evaluate(async () => ({
  caches: await caches.keys(),
  nextSheet: (await (await fetch('styles.css')).text()).includes('/* the next build */'),
}));

const checkForUpdate = (page) => page.evaluate(async () => {
  await (await navigator.serviceWorker.getRegistration()).update();
});

test('a new build is offered, and "Reload" switches to it with the inputs kept', async (t) => {
  const site = await siteOfOwn(t);
  const context = await newContext(env.browser, { serviceWorkers: 'allow' });
  const { page, problems } = await controlledPage(context, site.url());
  assert.ok(await page.isHidden('#update-notice'), 'no notice for the build the page runs');
  await page.fill('#t', '2');
  await page.waitForFunction(() => window.location.search.includes('t=2'));
  const before = await served(page);
  assert.equal(before.caches.length, 1, 'one build cached');
  assert.equal(before.nextSheet, false);

  site.deploy();
  await checkForUpdate(page);
  await page.waitForSelector('#update-notice', { state: 'visible', timeout: 15000 });
  assert.equal(await text(page, '#update-notice p'),
    'A new version of epochcost is ready. Reload to use it: your inputs are kept in the address.');
  assert.ok(await page.isHidden('#update-others'));
  assert.equal((await figures(page)).perEpoch, 'CN¥163.00', 'the page goes on working meanwhile');

  await Promise.all([page.waitForEvent('load'), page.click('#update-reload')]);
  await page.waitForSelector('html[data-ready="true"]', { state: 'attached', timeout: 15000 });
  assert.deepEqual(await served(page), { caches: [`epochcost-${NEXT_VERSION}`], nextSheet: true });
  assert.equal(await page.inputValue('#t'), '2');
  assert.deepEqual(await figures(page), { perEpoch: 'CN¥163.00', total: 'CN¥1,630.00' });
  assert.ok(await page.isHidden('#update-notice'));
  assertNoProblems(problems);
  await context.close();
});

test('with another tab of the site open, the new build waits and the notice says why', async (t) => {
  const site = await siteOfOwn(t);
  const context = await newContext(env.browser, { serviceWorkers: 'allow' });
  const { page, problems } = await controlledPage(context, site.url());
  const { page: other } = await controlledPage(context, site.url('/?lang=zh'));
  site.deploy();
  await checkForUpdate(page);
  await page.waitForSelector('#update-notice', { state: 'visible', timeout: 15000 });
  await other.waitForSelector('#update-notice', { state: 'visible', timeout: 15000 });
  assert.equal(await text(other, '#update-notice p'), 'epochcost 有新版本。重新加载即可使用,输入都保存在地址中。');

  await page.click('#update-reload');
  await page.waitForSelector('#update-others', { state: 'visible', timeout: 15000 });
  assert.equal(await text(page, '#update-others'),
    'Close the other epochcost tabs first (1 open): they still run this version.');
  await page.selectOption('#lang', 'zh');
  assert.equal(await text(page, '#update-others'), '请先关闭其他 epochcost 标签页(还有 1 个):它们仍在运行当前版本。');
  assert.equal((await served(page)).nextSheet, false, 'both tabs still run this build');
  assert.equal((await served(other)).nextSheet, false);

  await other.close();
  await Promise.all([page.waitForEvent('load'), page.click('#update-reload')]);
  await page.waitForSelector('html[data-ready="true"]', { state: 'attached', timeout: 15000 });
  assert.deepEqual(await served(page), { caches: [`epochcost-${NEXT_VERSION}`], nextSheet: true });
  assert.ok(await page.isHidden('#update-notice'));
  assertNoProblems(problems);
  await context.close();
});
