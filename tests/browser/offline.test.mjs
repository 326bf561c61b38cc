// A returning reader: once the page has run, its service worker
// has cached this build, and the calculator opens offline, on a plain
// opening and on a shared link, with the numbers the engine computes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  browserForFile, figures, newContext, openCalculator, waitForActiveWorker, watchedPage,
} from './helpers.mjs';
import { precacheList } from '../../scripts/service-worker.mjs';
import { SITE_DIR } from '../../scripts/static-server.mjs';

const env = browserForFile();

test('after one visit the calculator opens offline, plain and from a link', async () => {
  const context = await newContext(env.browser, { serviceWorkers: 'allow' });
  const { page, problems } = await watchedPage(context);
  await openCalculator(page, env.url('/'));
  await waitForActiveWorker(page);
  const cached = await page.evaluate(async () => {
    const keys = await caches.keys();
    const requests = await (await caches.open(keys[0])).keys();
    return { keys, paths: requests.map((r) => new URL(r.url).pathname.slice(1)).sort() };
  });
  assert.equal(cached.keys.length, 1);
  assert.match(cached.keys[0], /^epochcost-[0-9a-f]{16}$/);
  assert.deepEqual(cached.paths, precacheList(SITE_DIR), 'the cache holds the whole build');

  await context.setOffline(true);
  await page.reload();
  await page.waitForSelector('html[data-ready="true"]', { state: 'attached', timeout: 15000 });
  assert.deepEqual(await figures(page), { perEpoch: 'CN¥123.00', total: 'CN¥1,230.00' });
  assert.ok(await page.isHidden('#load-error'));
  assert.ok(await page.isHidden('#prices-problem'), 'the price table came from the cache');

  await page.goto(env.url('/?i=a100x4&t=2&n=4&d=2&m=1&e=10&lang=zh'));
  await page.waitForSelector('html[data-ready="true"]', { state: 'attached', timeout: 15000 });
  assert.deepEqual(await figures(page), { perEpoch: '163.00 元', total: '1,630.00 元' });
  // Offline requests the worker does not answer (none expected) would be listed here.
  assert.deepEqual([problems.csp, problems.pageErrors, problems.dialogs], [[], [], []]);
  await context.close();
});

test('a file that is not this build\'s (a deploy caught half-way) caches nothing', async () => {
  const context = await newContext(env.browser, { serviceWorkers: 'allow' });
  // The worker's own requests go through the context's routes; the plain
  // page never asks for the second price table, so only the worker's install does.
  let served = 0;
  await context.route('**/prices/deepseek-v3.json', (route) => {
    served += 1;
    return route.fulfill({ status: 200, contentType: 'application/json', body: '{"instances": []}' });
  });
  const { page, problems } = await watchedPage(context);
  await openCalculator(page, env.url('/'));
  for (let waited = 0; served === 0 && waited < 10000; waited += 50) await page.waitForTimeout(50);
  assert.ok(served >= 1, 'the worker fetched the altered file');
  const settled = () => page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    return registration === undefined || [registration.installing, registration.waiting, registration.active]
      .every((worker) => worker === null || worker.state === 'redundant');
  });
  for (let waited = 0; !(await settled()) && waited < 10000; waited += 100) await page.waitForTimeout(100);
  assert.deepEqual(await page.evaluate(() => caches.keys()), [], 'nothing is cached');
  assert.equal(await page.evaluate(() => navigator.serviceWorker.controller), null);
  assert.deepEqual([problems.csp, problems.pageErrors, problems.dialogs], [[], [], []]);
  await context.close();
});
