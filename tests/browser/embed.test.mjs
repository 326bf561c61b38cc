// Embedding: ?embed=1 is a compact calculator without the page chrome, the
// Embed action gives an <iframe> snippet for the current inputs, and the
// embedded page reports its height so embed-example.html sizes the frame.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { useCase } from './cases.mjs';
import {
  assertNoProblems, browserForFile, figures, newContext, openCalculator, screenshot, text, watchedPage,
} from './helpers.mjs';

const SEED = useCase('seed example:');

const env = browserForFile();

describe('embed mode', () => {
  test('?embed=1 renders the compact calculator: inputs and results, no header, footer or explanations', async () => {
    const context = await newContext(env.browser, { locale: 'en-US', viewport: { width: 720, height: 900 } });
    const { page, problems } = await watchedPage(context);
    await openCalculator(page, env.url(`/?${SEED.link}&embed=1`));
    for (const hidden of ['.site-header', '.site-footer', '.share', '.prices', '.how', '#mini-summary', '.explain']) {
      assert.ok(await page.locator(hidden).first().isHidden(), `${hidden} is hidden`);
    }
    for (const visible of ['#t', '#n', '#instance', '#per-epoch', '#total', '#breakdown-body', '#open-full']) {
      assert.ok(await page.locator(visible).isVisible(), `${visible} is visible`);
    }
    const { perEpoch, total } = await figures(page);
    assert.match(perEpoch, /123\.00$/);
    assert.match(total, /1,230\.00$/);
    assert.equal(new URL(page.url()).search, `?${SEED.link}&embed=1`);
    const full = new URL(await page.getAttribute('#open-full', 'href'));
    assert.equal(full.search, `?${SEED.link}`, 'the full-calculator link drops embed=1');
    await page.fill('#e', '3');
    assert.equal(new URL(page.url()).searchParams.get('embed'), '1', 'embed=1 stays in the address bar');
    await page.fill('#e', '10');
    await screenshot(page, 'embed-en.png');
    assertNoProblems(problems);
    await context.close();
  });

  test('the Embed action gives an iframe snippet for the current configuration, and copies it', async () => {
    const context = await newContext(env.browser, { locale: 'en-US' });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.url('') });
    const { page, problems } = await watchedPage(context);
    await openCalculator(page, env.url('/'));
    await page.fill('#n', '8');
    await page.click('#embed-details summary');
    assert.ok(await page.isVisible('#embed-snippet'));
    assert.equal(await page.getAttribute('#embed-snippet', 'readonly'), '');
    const snippet = await page.inputValue('#embed-snippet');
    const expected = useCase('eight GPUs');
    assert.equal(snippet,
      `<iframe src="${env.url('/')}?${expected.link}&embed=1" title="Training cost calculator (epochcost)" `
      + 'width="100%" height="720" loading="lazy" style="border:0;max-width:100%"></iframe>');
    await page.click('#copy-snippet');
    await page.waitForFunction(() => document.getElementById('snippet-status').textContent.length > 0);
    assert.equal(await text(page, '#snippet-status'), 'Code copied.');
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), snippet);
    assertNoProblems(problems);
    await context.close();
  });
});

describe('embedding example page', () => {
  test('the embedded calculator posts its height and the example page sizes the frame', async () => {
    const context = await newContext(env.browser, { locale: 'en-US', viewport: { width: 1000, height: 800 } });
    const { page, problems } = await watchedPage(context);
    // Record every height message the parent receives.
    await page.addInitScript(() => {
      window.__heights = [];
      window.addEventListener('message', (e) => {
        if (e.data && e.data.type === 'epochcost:height' && window === window.top) window.__heights.push(e.data.height);
      });
    });
    await page.goto(env.url('/embed-example.html'));
    const frameEl = page.locator('#calculator-frame');
    await page.waitForFunction(() => document.getElementById('calculator-frame').dataset.reportedHeight);
    const frame = page.frameLocator('#calculator-frame');
    await frame.locator('html[data-ready="true"]').waitFor({ state: 'attached' });
    assert.match(await frame.locator('#per-epoch').textContent(), /123\.00$/);
    assert.ok(await frame.locator('.site-header').isHidden(), 'compact inside the frame');

    const reported = Number(await frameEl.getAttribute('data-reported-height'));
    const content = await frame.locator('html').evaluate((el) => Math.ceil(el.getBoundingClientRect().height));
    assert.ok(reported > 300, `reported height ${reported}`);
    assert.equal(Number(await frameEl.getAttribute('height')), reported, 'the frame follows the message');
    assert.ok(Math.abs(reported - content) <= 2, `reported ${reported} vs content ${content}`);
    const scrolls = await frame.locator('html').evaluate((el) => el.scrollHeight > window.innerHeight + 1);
    assert.equal(scrolls, false, 'no scrollbar inside the sized frame');

    // More notes make the calculator taller: a new height is posted (ResizeObserver).
    const count = (await page.evaluate(() => window.__heights.length));
    await frame.locator('#n').fill('6');
    await frame.locator('#bill').selectOption('3600');
    await frame.locator('#t').fill('1.25');
    await frame.locator('#disc').fill('10');
    await page.waitForFunction((n) => window.__heights.length > n, count);
    await page.waitForFunction(() => {
      const f = document.getElementById('calculator-frame');
      return Number(f.height) === window.__heights[window.__heights.length - 1];
    });
    assert.match(await frame.locator('#per-epoch').textContent(), /190\.20$/);
    await screenshot(page, 'embed-example.png');
    assertNoProblems(problems);
    await context.close();
  });
});
