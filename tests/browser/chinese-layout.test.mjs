// The page in Chinese, as a Chinese reader sees it, at a phone's width
// (390 px) and a desktop's: on the seed view, on links of several kinds
// (other instances and ways, a price table in dollars, a plan, a link's price
// that differs from the table's, huge figures, a damaged link with long
// messages), embedded, and with validation errors showing. Each must not
// scroll sideways, clip or spill any text out of its control, and must show
// its figures. The check is generic (layout-check.mjs); the last tests prove
// it fails on the faults it is meant to catch. Screenshots of each view go
// to test-results/zh-*.png. Needs a CJK font (scripts/setup.sh installs
// fonts-noto-cjk): without one Chromium draws boxes, not the text's widths.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { before, describe, test } from 'node:test';
import {
  assertNoProblems, browserForFile, newContext, openCalculator, screenshot, watchedPage,
} from './helpers.mjs';
import { findHiddenFigures, findLayoutProblems } from './layout-check.mjs';

const env = browserForFile();

const WIDTHS = {
  phone: { width: 390, height: 844 },
  desktop: { width: 1280, height: 900 },
};

/** Links a Chinese reader may be sent, each stressing another part of the page. */
const LINKS = {
  // The example: another instance, 30 h, 3 epochs.
  rtx3090: 'i=rtx3090&t=30&p=5&n=1&d=0&m=0&e=3',
  // The trial run (samples), hourly billing, a discount, a budget and a deadline.
  trial: 'i=v100x4&tn=52002&tb=32&ts=50&tsec=120&n=6&d=2.5&m=1&e=4&bill=3600&disc=12.5&budget=5000&by=48',
  // The FLOPs model, full fine-tuning, on the DeepSeek-V3 report's table (dollars).
  flops: 'fp=6.9e9&ftok=1e8&fm=full&mfu=0.4&e=2&prices=prices/deepseek-v3.json',
  // Throughput, no price table: a custom price and GPU count.
  custom: 'tok=1.4e12&tps=380&p=3.75&n=2048&d=1200&m=350&e=1',
  // The link's price differs from the table's: a banner with two choices.
  banner: 'i=a100x4&t=1.5&p=22&n=4&d=2&m=1&e=10',
  // Every input at its limit: the longest figures the engine gives.
  huge: 'i=a100x4&t=100000&p=10000000&n=100000&d=1000000000&m=1000000000&e=1000000&bill=86400&disc=0.01',
  // A damaged link: a long message in Chinese for each bad parameter.
  damaged: 'i=h100x8&t=abc&n=-3&e=0&d=1,5&disc=150&bill=7&fm=qlora&budget=-1&lang=zh&embed=maybe',
};

/** A Chinese reader's page at a width, opened on pathAndQuery and ready. */
async function openChinese(pathAndQuery, viewport) {
  const context = await newContext(env.browser, { locale: 'zh-CN', viewport });
  const { page, problems } = await watchedPage(context);
  await openCalculator(page, env.url(pathAndQuery));
  // After the idle-time warm-up, which redraws the figures (and would undo a fault injected meanwhile).
  await page.waitForSelector('html[data-warmed-up]', { state: 'attached', timeout: 15000 });
  await page.evaluate(() => document.fonts.ready);
  return { context, page, problems };
}

/** Checks the page as it is now, saves a screenshot, and returns what was found. */
async function checkLayout(page, name, { figures = ['per-epoch', 'total'] } = {}) {
  const { problems, scrollers } = await page.evaluate(findLayoutProblems);
  const hidden = await page.evaluate(findHiddenFigures, figures);
  await screenshot(page, `zh-${name}.png`);
  return { problems: [...problems, ...hidden], scrollers };
}

/** On a phone, the summary bar shows once the figures are scrolled away: scroll there and check it too. */
async function withSummaryBar(page) {
  await page.evaluate(() => window.scrollTo(0, document.scrollingElement.scrollHeight));
  await page.waitForSelector('#mini-summary:not(.is-hidden)');
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));
}

before(() => {
  // Without a CJK font every character is a box of one width: the test would measure nothing real.
  const families = execFileSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' }).trim();
  assert.notEqual(families, '', 'no font with Chinese characters (fc-list :lang=zh): run scripts/setup.sh (fonts-noto-cjk)');
});

for (const [widthName, viewport] of Object.entries(WIDTHS)) {
  const phone = widthName === 'phone';
  const figures = phone ? ['per-epoch', 'total', 'mini-per-epoch', 'mini-total'] : ['per-epoch', 'total'];

  describe(`Chinese at ${viewport.width} px`, () => {
    test('the seed view fits: no sideways scroll, no clipped text, the figures shown, tables unscrolled', async () => {
      const { context, page, problems } = await openChinese('/', viewport);
      assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
      if (phone) await withSummaryBar(page);
      const found = await checkLayout(page, `seed-${widthName}`, { figures });
      assert.deepEqual(found.problems, []);
      assert.deepEqual(found.scrollers, [], 'the seed view\'s tables fit without scrolling');
      // Laid out as two lines a row on a phone, the comparison is still a table to assistive technology.
      const tree = await page.locator('.compare-table').ariaSnapshot();
      for (const role of ['table', 'row', 'columnheader', 'rowheader', 'cell']) assert.match(tree, new RegExp(`- ${role}\\b`), role);
      assertNoProblems(problems);
      await context.close();
    });

    for (const [name, query] of Object.entries(LINKS)) {
      test(`a link (${name}) fits`, async () => {
        const { context, page, problems } = await openChinese(`/?${query}`, viewport);
        if (name === 'damaged') {
          assert.ok(await page.isVisible('#link-problems'), 'the damaged link\'s messages are shown');
          assert.ok((await page.locator('#link-problems-list li').count()) >= 6);
        }
        if (name === 'banner') assert.ok(await page.isVisible('#price-banner'));
        if (phone) await withSummaryBar(page);
        const found = await checkLayout(page, `link-${name}-${widthName}`, { figures });
        assert.deepEqual(found.problems, []);
        assert.deepEqual(found.scrollers, [], 'its tables fit without scrolling');
        assertNoProblems(problems);
        await context.close();
      });
    }

    test('embedded (embed=1), on the seed and on a link, fits', async () => {
      for (const [name, query] of [['seed', 'embed=1'], ['rtx3090', `${LINKS.rtx3090}&embed=1`], ['trial', `${LINKS.trial}&embed=1`]]) {
        const { context, page, problems } = await openChinese(`/?${query}`, viewport);
        assert.ok(await page.locator('.site-header').isHidden(), 'compact');
        const found = await checkLayout(page, `embed-${name}-${widthName}`);
        assert.deepEqual(found.problems, [], `embedded ${name}`);
        assert.deepEqual(found.scrollers, [], `embedded ${name}: nothing scrolls sideways`);
        assertNoProblems(problems);
        await context.close();
      }
    });

    test('with validation errors showing, it fits', async () => {
      const { context, page, problems } = await openChinese('/', viewport);
      await page.fill('#t', '1,5');
      await page.fill('#n', '-4');
      await page.fill('#disc', '150');
      await page.fill('#budget', '0');
      await page.waitForSelector('#err-t:not([hidden])');
      assert.ok(await page.isVisible('#err-disc'));
      assert.match(await page.textContent('#stale'), /\S/, 'the figures are marked as not matching the inputs');
      if (phone) await withSummaryBar(page);
      const found = await checkLayout(page, `errors-${widthName}`, { figures });
      assert.deepEqual(found.problems, []);
      // Another way of getting T, with its own errors.
      await page.check('#way-flops', { force: true });
      await page.fill('#fp', 'seven billion');
      await page.fill('#ftok', '0');
      await page.waitForSelector('#err-fp:not([hidden])');
      const flops = await checkLayout(page, `errors-flops-${widthName}`, { figures });
      assert.deepEqual(flops.problems, []);
      assertNoProblems(problems);
      await context.close();
    });
  });
}

describe('the layout check fails on what it is meant to catch', () => {
  /** The seed view at a phone's width, with fault(page) injected, checked. */
  async function problemsWith(fault) {
    const { context, page } = await openChinese('/', WIDTHS.phone);
    await page.evaluate(fault);
    const found = await page.evaluate(findLayoutProblems);
    const hidden = await page.evaluate(findHiddenFigures, ['per-epoch', 'total']);
    await context.close();
    return [...found.problems, ...hidden].join('\n');
  }

  test('the untouched page passes (so the faults below are what it flags)', async () => {
    assert.equal(await problemsWith(() => {}), '');
  });

  test('an over-long label on a segmented button', async () => {
    const found = await problemsWith(() => {
      document.querySelector('label[for="way-trial"]').textContent = 'Trial_run_measured_on_the_cluster_for_two_hours';
    });
    assert.match(found, /label.*Trial_run_measured.*(spills out of|is cut off by) its box/);
  });

  test('a select whose chosen option is cut off', async () => {
    const found = await problemsWith(() => {
      // Kept on one line: the page's selects wrap, which the check allows.
      document.getElementById('instance').style.whiteSpace = 'nowrap';
      const option = document.querySelector('#instance option:checked');
      option.textContent = `${option.textContent}(按需计费,包含存储与网络,不含税费及其他附加费用)`;
    });
    assert.match(found, /select#instance.*the chosen option is cut off/);
  });

  test('a table cell whose text overflows its column', async () => {
    const found = await problemsWith(() => {
      const cell = document.querySelector('#breakdown-body td.part-epoch');
      cell.style.whiteSpace = 'nowrap';
      cell.textContent = '123,456,789,012,345,678.00 元';
    });
    assert.match(found, /td.*part-epoch.*123,456,789/);
  });

  test('a figure the summary bar cuts off', async () => {
    const found = await problemsWith(() => {
      const bar = document.getElementById('mini-summary');
      bar.style.overflow = 'hidden';
      bar.style.flexWrap = 'nowrap';
      bar.style.whiteSpace = 'nowrap';
      document.getElementById('mini-per-epoch').textContent = '123,456,789,012,345,678,901,234,567.00 元';
    });
    assert.match(found, /mini-summary.*is cut off by its box/);
  });

  test('an element wider than the viewport, scrolling the page sideways', async () => {
    const found = await problemsWith(() => {
      document.querySelector('.tagline').style.width = '600px';
    });
    assert.match(found, /the page scrolls sideways/);
    assert.match(found, /tagline.*reaches past the viewport/);
  });

  test('a headline figure pushed out of view', async () => {
    const found = await problemsWith(() => {
      document.getElementById('total').style.visibility = 'hidden';
    });
    assert.match(found, /#total is not visible/);
  });
});
