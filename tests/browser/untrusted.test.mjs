// Untrusted text: a price table whose provider, instance and GPU
// names, sources, date note and GPU sources carry HTML, script and bidi
// controls, and a link carrying the same, are shown as inert text: no
// script runs, no element is added, and bidi controls cannot reorder the
// page (they are removed, and each untrusted string sits in its own
// dir="auto" element with unicode-bidi: isolate).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { assertNoProblems, browserForFile, newContext, openCalculator, text, watchedPage } from './helpers.mjs';
import { SITE_DIR } from '../../scripts/static-server.mjs';

const env = browserForFile();

const RLO = '\u202E'; // right-to-left override
const BIDI = /[\u202A-\u202E\u2066-\u2069]/;
const IMG = '<img src=x onerror="window.__pwned=1">';
const SCRIPT = '<script>window.__pwned=2</script>';

function evilTable() {
  const table = JSON.parse(readFileSync(`${SITE_DIR}/prices/ciuic.json`, 'utf8'));
  table.provider = `${IMG}Evil${RLO}gpj.exe`;
  table.date_note = `<svg onload="window.__pwned=5">${'\u2067'}note`;
  table.sources = [
    { title: `${SCRIPT}source`, url: 'javascript:window.__pwned=4' },
    { title: `${RLO}ok`, url: 'https://example.com/?q=<script>' },
  ];
  table.instances[0].name = `${SCRIPT}A100${RLO}x4`;
  table.instances[0].gpu = `<b onmouseover="window.__pwned=3">GPU</b>${'\u2066'}`;
  table.instances[0].gpu_specs_source = `<iframe src="javascript:window.__pwned=6"></iframe>${RLO}datasheet`;
  table.instances[1].name = `${IMG}${'\u202B'}V100`;
  return JSON.stringify(table);
}

/** What a script or injected markup would leave behind. */
function traces() {
  return {
    pwned: window.__pwned ?? null,
    imgs: document.querySelectorAll('img').length,
    scripts: document.querySelectorAll('script').length,
    iframes: document.querySelectorAll('iframe').length,
    bold: document.querySelectorAll('b').length,
    svgs: [...document.querySelectorAll('svg')].filter((s) => !s.classList.contains('bar')).length,
    handlers: [...document.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => a.name.startsWith('on'))).length,
  };
}

async function exercise(page) {
  // Show every place an instance, GPU or source name can appear.
  await page.fill('#n', '6'); // whole-instance note names the instance
  await page.click('label[for="way-flops"]'); // memory text names the GPU, the peak hint its source
  await page.fill('#budget', '5000');
  await page.fill('#by', '48'); // the plan names the instance
  await page.click('.specs-note summary');
  await page.click('.date-note summary');
}

test('a price table full of HTML, script and bidi controls is shown as inert, isolated text', async () => {
  const context = await newContext(env.browser, { locale: 'en-US' });
  const { page, problems } = await watchedPage(context);
  await openCalculator(page, env.url('/'));
  await exercise(page);
  const baseline = await page.evaluate(traces);

  await page.route('**/prices/ciuic.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: evilTable() }));
  await openCalculator(page, env.url('/'));
  await exercise(page);
  await page.waitForTimeout(300); // give any injected handler a chance to run
  assert.deepEqual(await page.evaluate(traces), baseline);
  assert.equal(baseline.pwned, null);

  const body = await page.locator('body').innerText();
  assert.ok(!BIDI.test(body), 'no bidi control reaches the page text');
  assert.ok(body.includes(`${SCRIPT}A100x4`), 'the instance name is shown, as text');
  assert.ok(body.includes(`${IMG}Evilgpj.exe`), 'the provider is shown, as text');
  const options = await page.locator('#instance option').allTextContents();
  assert.ok(options.every((o) => !BIDI.test(o)), 'options hold cleaned text');

  const isolation = await page.evaluate(() => [
    '#provider', '#date-note', '#price-rows th .untrusted', '#price-rows td .untrusted', '#sources .untrusted',
    '#specs-sources .untrusted', '#compare-rows th .untrusted', '#compare-chart .untrusted', '#hint-pk .untrusted',
  ].map((selector) => {
    const el = document.querySelector(selector);
    return [selector, el ? el.dir : 'missing', el ? getComputedStyle(el).unicodeBidi : 'missing'];
  }));
  for (const [selector, dir, bidi] of isolation) {
    assert.equal(dir, 'auto', `${selector} dir`);
    assert.equal(bidi, 'isolate', `${selector} unicode-bidi`);
  }
  // Only http(s) sources become links.
  const anchors = await page.locator('#sources a').evaluateAll((as) => as.map((a) => [a.protocol, a.rel]));
  assert.deepEqual(anchors, [['https:', 'noopener noreferrer']]);
  assert.match(await text(page, '#sources'), /<script>window\.__pwned=2<\/script>source/);
  assertNoProblems(problems);
  await context.close();
});

test('a link carrying HTML, script and bidi controls injects nothing and runs nothing', async () => {
  const context = await newContext(env.browser, { locale: 'en-US' });
  const { page, problems } = await watchedPage(context);
  await openCalculator(page, env.url('/'));
  // The first estimate can show before the browser has fetched the tab's
  // favicon: leaving the page then would abort that request.
  await page.waitForLoadState('networkidle');
  const baseline = await page.evaluate(traces);

  const query = [
    `i=${encodeURIComponent(`${IMG}${RLO}`)}`,
    `t=${encodeURIComponent(`${SCRIPT}1.5`)}`,
    `ts=${encodeURIComponent(`${RLO}50`)}`,
    `fm=${encodeURIComponent('<b>full</b>')}`,
    `${encodeURIComponent(`<svg onload="window.__pwned=7">${RLO}`)}=1`,
    `prices=${encodeURIComponent(`prices/${IMG}.json`)}`,
    `lang=${encodeURIComponent(`"><b>x</b>${RLO}`)}`,
  ].join('&');
  await openCalculator(page, env.url(`/?${query}`));
  await page.waitForTimeout(300);
  assert.deepEqual(await page.evaluate(traces), baseline);

  const items = await page.locator('#link-problems-list li').allTextContents();
  assert.ok(items.length >= 5, items.join('\n'));
  assert.ok(items.every((i) => !BIDI.test(i)), 'no bidi control in the messages');
  assert.ok(items.some((i) => i.includes('<img src=x onerror=')), 'the payload is shown as text');
  const body = await page.locator('body').innerText();
  assert.ok(!BIDI.test(body));
  const codes = await page.locator('#link-problems-list code').evaluateAll((cs) => cs.map((c) => [c.dir, getComputedStyle(c).unicodeBidi]));
  assert.ok(codes.length > 0 && codes.every(([dir, bidi]) => dir === 'auto' && bidi === 'isolate'));
  assert.match(await text(page, '#per-epoch'), /123\.00$/, 'the calculator still works');
  assertNoProblems(problems);
  await context.close();
});
