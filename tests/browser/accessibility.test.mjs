// Accessibility: axe-core (run inside the page through the DevTools protocol,
// which the page's CSP does not restrict) finds no violation in either
// language, colour scheme, the embedded mode, or with errors on screen.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { assertNoProblems, browserForFile, newContext, openCalculator, watchedPage } from './helpers.mjs';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const env = browserForFile();

async function violations(page) {
  await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

const PAGES = [
  ['the default page, English, light', '/', 'en-US', 'light'],
  ['the default page, Chinese, dark', '/', 'zh-CN', 'dark'],
  ['the embedded calculator', '/?embed=1', 'en-US', 'light'],
  ['the read-only embed, Chinese, dark', '/?i=a100x4&t=1.5&p=20&n=4&d=2&m=1&e=3&embed=figures&lang=zh', 'zh-CN', 'dark'],
  ['the embedded calculator with theme=dark in a light browser', '/?embed=1&theme=dark', 'en-US', 'light'],
  ['a malformed link with a price banner, dark', '/?t=abc&zz=1&p=22', 'en-US', 'dark'],
  ['the FLOPs model with memory fit, comparison and a plan, Chinese, dark',
    '/?i=v100x4&fp=6.9e9&ftok=1e8&fm=full&mfu=0.35&p=12&n=4&budget=2000&by=24&lang=zh', 'zh-CN', 'dark'],
  ['a trial run from samples, with the USD table, English, light',
    '/?i=h800x8&ts=50&tsec=120&tn=52002&tb=32&p=2&n=8&prices=prices/deepseek-v3.json', 'en-US', 'light'],
];

for (const [name, url, locale, colorScheme] of PAGES) {
  test(`axe finds no violation on ${name}`, async () => {
    const context = await newContext(env.browser, { locale, colorScheme });
    const { page, problems } = await watchedPage(context);
    await openCalculator(page, env.url(url));
    assert.deepEqual(await violations(page), []);
    assertNoProblems(problems);
    await context.close();
  });
}

test('axe finds no violation with an input error on screen', async () => {
  const context = await newContext(env.browser, { locale: 'en-US', colorScheme: 'dark' });
  const { page, problems } = await watchedPage(context);
  await openCalculator(page, env.url('/'));
  await page.fill('#n', '-3');
  await page.click('#embed-details summary');
  assert.deepEqual(await violations(page), []);
  assertNoProblems(problems);
  await context.close();
});

test('axe finds no violation on the embedding example', async () => {
  const context = await newContext(env.browser, { locale: 'en-US' });
  const { page, problems } = await watchedPage(context);
  await page.goto(env.url('/embed-example.html'));
  await page.waitForFunction(() => document.getElementById('calculator-frame').dataset.reportedHeight);
  assert.deepEqual(await violations(page), []);
  assertNoProblems(problems);
  await context.close();
});

test('axe finds no violation without a price table (banner, custom price, required P and N)', async () => {
  const context = await newContext(env.browser, { locale: 'en-US', colorScheme: 'dark' });
  const { page, problems } = await watchedPage(context);
  await page.route('**/prices/ciuic.json', (route) => route.fulfill({ status: 200, body: '{"instances": []}' }));
  await openCalculator(page, env.url('/'));
  await page.waitForSelector('#prices-problem:not([hidden])');
  assert.deepEqual(await violations(page), []);
  assert.deepEqual([problems.csp, problems.pageErrors, problems.dialogs, problems.requests], [[], [], [], []]);
  await context.close();
});
