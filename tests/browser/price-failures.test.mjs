// A price table that fails: each way it can fail, faked with
// page.route, shows a banner naming the problem in the page's language,
// leaves the calculator usable with a custom price (no instance; P and N
// required), and offers a Retry that works once the table is back.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { useCase } from './cases.mjs';
import {
  assertNoProblems, browserForFile, figures, newContext, openCalculator, screenshot, text, watchedPage,
} from './helpers.mjs';
import { SITE_DIR } from '../../scripts/static-server.mjs';

const SEED = useCase('seed example:');
const TABLE = JSON.parse(readFileSync(`${SITE_DIR}/prices/ciuic.json`, 'utf8'));
const withInstances = (instances) => JSON.stringify({ ...TABLE, instances });
const A100 = TABLE.instances[0];

const env = browserForFile();

/** [name, how the route answers, reason shown, engine messages expected in the list] */
const FAILURES = [
  ['404', (route) => route.fulfill({ status: 404, body: 'not here' }),
    'The server has no prices/ciuic.json (HTTP 404, not found).', []],
  ['500', (route) => route.fulfill({ status: 500, body: 'oops' }),
    'The server answered HTTP 500 for prices/ciuic.json.', []],
  ['a network error', (route) => route.abort('failed'),
    'The network request for prices/ciuic.json failed.', []],
  ['not JSON', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><p>Sign in</p>' }),
    'prices/ciuic.json is not JSON.', [/^prices: Price table is not valid JSON/]],
  ['valid JSON of the wrong shape', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"hello": [1, 2]}' }),
    'prices/ciuic.json is not a valid price table:', [/^provider: Provider is required\.$/, /^instances: Instance list is required\.$/]],
  ['duplicate ids', (route) => route.fulfill({ status: 200, body: withInstances([A100, { ...A100, name: 'again' }]) }),
    'prices/ciuic.json is not a valid price table:', [/^instances\[1\]\.id: .*"a100x4" appears more than once/]],
  ['a negative price', (route) => route.fulfill({ status: 200, body: withInstances([{ ...A100, price_per_gpu_hour: '-20' }]) }),
    'prices/ciuic.json is not a valid price table:', [/^instances\[0\]\.price_per_gpu_hour: .*cannot be negative: "-20"/]],
  ['an empty instance list', (route) => route.fulfill({ status: 200, body: withInstances([]) }),
    'prices/ciuic.json is not a valid price table:', [/^instances: Instance list is empty\.$/]],
];

/**
 * Opens the page with the table failing as `fail` says, checks the banner
 * and the custom-price mode, then lets the table through and retries.
 * clock: fake timers (for the timeout), advanced by the caller's hook.
 */
async function failThenRetry({ fail, reason, messages, locale = 'en-US', whileFailing, shot }) {
  const context = await newContext(env.browser, { locale });
  const { page, problems } = await watchedPage(context);
  let broken = true;
  await page.route('**/prices/ciuic.json', (route) => (broken ? fail(route) : route.continue()));
  if (whileFailing) await whileFailing.before(page);
  const opening = openCalculator(page, env.url('/'));
  if (whileFailing) await whileFailing.during(page);
  await opening;

  const banner = page.locator('#prices-problem');
  assert.ok(await banner.isVisible(), 'the banner is shown');
  assert.equal(await banner.getAttribute('role'), 'alert');
  assert.equal(await text(page, '#prices-problem-reason'), reason);
  const listed = await page.locator('#prices-problem-errors li').allTextContents();
  for (const pattern of messages) assert.ok(listed.some((m) => pattern.test(m)), `${pattern} in ${listed.join(' | ')}`);
  if (messages.length === 0) assert.deepEqual(listed, []);
  assert.ok(await page.isVisible('#prices-retry'));

  // Custom price: no instance, P and N required.
  assert.ok(await page.isDisabled('#instance'));
  await page.fill('#p', '');
  await page.fill('#n', '');
  assert.ok(await page.isVisible('#err-p'), 'P is required');
  assert.ok(await page.isVisible('#err-n'), 'N is required');
  await page.fill('#p', '20');
  await page.fill('#n', '4');
  assert.equal(await page.isHidden('#err-p'), true);
  const custom = await figures(page);
  assert.match(custom.perEpoch, /123\.00/);
  assert.match(custom.total, /1,230\.00/);
  assert.equal(await page.evaluate(() => window.location.search), '?t=1.5&p=20&n=4&d=2&m=1&e=10', 'no instance in the link');
  assert.match(await text(page, '#compare-note'), /needs a price table|对比需要价格表/);

  if (shot) await screenshot(page, shot);

  // The table is back: Retry loads it, the instance returns, the banner goes;
  // the price typed meanwhile equals the table's, so it follows the table again.
  broken = false;
  await page.click('#prices-retry');
  await page.waitForSelector('#prices-problem', { state: 'hidden' });
  assert.ok(await page.isEnabled('#instance'));
  assert.equal(await page.inputValue('#instance'), 'a100x4');
  assert.equal(await page.inputValue('#p'), '');
  assert.match((await figures(page)).perEpoch, /123\.00/);
  assert.equal(await page.evaluate(() => window.location.search), `?${SEED.link}`);
  assert.equal(await page.locator('#compare-rows tr').count(), 3);
  const body = await page.locator('body').innerText();
  for (const bad of ['NaN', 'undefined', '[object', 'Error:']) assert.ok(!body.includes(bad), `page shows "${bad}"`);
  return { context, page, problems };
}

/** Only the failure itself may be logged: the HTTP status, or a failed request. */
function assertOnlyTheFailure(problems) {
  assert.ok(problems.requests.every((r) => r.includes('/prices/ciuic.json')), problems.requests.join('\n'));
  assert.ok(problems.console.every((c) => /Failed to load resource/.test(c)), problems.console.join('\n'));
  assert.deepEqual([problems.csp, problems.pageErrors, problems.dialogs], [[], [], []]);
}

describe('a price table that fails', () => {
  for (const [name, fail, reason, messages] of FAILURES) {
    test(`${name}: a banner names it, a custom price still works, Retry loads the table`, async () => {
      const { context, problems } = await failThenRetry({ fail, reason, messages });
      assertOnlyTheFailure(problems);
      await context.close();
    });
  }

  test('no answer within 8 seconds: the fetch is aborted and reported as a timeout', async () => {
    const held = [];
    const { context, page, problems } = await failThenRetry({
      fail: (route) => { held.push(route); }, // never answered
      reason: 'No answer for prices/ciuic.json within 8 seconds.',
      messages: [],
      shot: 'prices-timeout-en.png',
      whileFailing: {
        before: (p) => p.clock.install(),
        during: async (p) => {
          await p.waitForFunction(() => document.querySelector('#lang') !== null);
          await new Promise((resolve) => { setTimeout(resolve, 500); });
          await p.clock.runFor(8100);
        },
      },
    });
    assert.ok(held.length >= 1);
    assert.ok(problems.requests.every((r) => r.includes('/prices/ciuic.json')), problems.requests.join());
    assert.deepEqual([problems.csp, problems.pageErrors, problems.dialogs], [[], [], []]);
    await context.close();
  });

  test('the banner speaks Chinese on a Chinese page, and after a language switch', async () => {
    const { context, page, problems } = await failThenRetry({
      fail: (route) => route.fulfill({ status: 404, body: '' }),
      reason: '服务器上没有 prices/ciuic.json(HTTP 404,未找到)。',
      messages: [],
      shot: 'prices-404-zh.png',
      locale: 'zh-CN',
    });
    assertOnlyTheFailure(problems);
    await context.close();

    const again = await newContext(env.browser, { locale: 'en-US' });
    const { page: second, problems: secondProblems } = await watchedPage(again);
    await second.route('**/prices/ciuic.json', (route) => route.fulfill({ status: 200, body: withInstances([]) }));
    await openCalculator(second, env.url('/'));
    await second.selectOption('#lang', 'zh');
    assert.equal(await text(second, '#prices-problem-title'), '价格表无法使用');
    assert.equal(await text(second, '#prices-problem-reason'), 'prices/ciuic.json 不是有效的价格表:');
    assert.match(await text(second, '#prices-problem-errors'), /实例列表为空。/);
    assert.equal(await text(second, '#prices-problem-fallback'), '仍可使用自定义单价计算:请填写 P 和 N(不选实例类型)。');
    assert.equal(await text(second, '#label-p'), 'P — 每 GPU·小时单价');
    assertNoProblems(secondProblems);
    await again.close();
    assert.ok(page);
  });

  test('a link naming a table that is missing keeps prices= and the instance, and Retry brings both back', async () => {
    const context = await newContext(env.browser, { locale: 'en-US' });
    const { page, problems } = await watchedPage(context);
    let broken = true;
    await page.route('**/prices/deepseek-v3.json', (route) => (broken ? route.fulfill({ status: 404, body: '' }) : route.continue()));
    await openCalculator(page, env.url('/?i=h800x8&t=1.5&p=2&n=8&d=0&m=0&e=1&prices=prices/deepseek-v3.json'));
    assert.equal(await text(page, '#prices-problem-reason'), 'The server has no prices/deepseek-v3.json (HTTP 404, not found).');
    assert.equal(await page.inputValue('#prices-choice'), 'prices/deepseek-v3.json');
    // The link's price and N work without the table (in the default currency, CNY).
    assert.match((await figures(page)).perEpoch, /24\.00$/);
    assert.equal(await page.evaluate(() => window.location.search), '?t=1.5&p=2&n=8&d=0&m=0&e=1&prices=prices/deepseek-v3.json');
    broken = false;
    await page.click('#prices-retry');
    await page.waitForSelector('#prices-problem', { state: 'hidden' });
    assert.equal(await page.inputValue('#instance'), 'h800x8');
    assert.deepEqual(await figures(page), { perEpoch: '$24.00', total: '$24.00' });
    assert.equal(await page.evaluate(() => window.location.search), '?i=h800x8&t=1.5&p=2&n=8&d=0&m=0&e=1&prices=prices/deepseek-v3.json');
    assert.ok(problems.requests.every((r) => r.includes('deepseek-v3.json')));
    assert.deepEqual([problems.csp, problems.pageErrors, problems.dialogs], [[], [], []]);
    await context.close();
  });

  test('a prices= value that is not a same-origin table path is refused by the engine; the default table is used', async () => {
    const context = await newContext(env.browser, { locale: 'en-US' });
    const { page, problems } = await watchedPage(context);
    const requested = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    const bad = ['https://evil.example/p.json', 'javascript:alert(1)', 'prices/../index.html', '//evil.example/prices/x.json'];
    for (const value of bad) {
      await openCalculator(page, env.url(`/?prices=${encodeURIComponent(value)}`));
      assert.match(await text(page, '#link-problems-list'), /is not accepted \(expected prices\/NAME\.json\)/);
      assert.match((await figures(page)).perEpoch, /123\.00$/);
      assert.equal(await page.inputValue('#prices-choice'), 'prices/ciuic.json');
      assert.equal(await page.evaluate(() => window.location.search), `?${SEED.link}`);
    }
    assert.ok(requested.every((p) => !p.includes('evil') && p !== '/p.json'), requested.join());
    assertNoProblems(problems);
    await context.close();
  });
});
