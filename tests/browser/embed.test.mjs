// Embedding: ?embed=1 is a compact calculator without the page chrome, the
// Embed action gives an <iframe> snippet for the current inputs, and the
// embedded page reports its height so embed-example.html sizes the frame.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { grouped, useCase } from './cases.mjs';
import {
  assertNoProblems, browserForFile, figures, newContext, openCalculator, screenshot, text, watchedPage,
} from './helpers.mjs';

const SEED = useCase('seed example:');

const env = browserForFile();

/** In the page: the Embed panel's preview has drawn its estimate, and the code gives the height it reported. */
function previewSettled() {
  const frame = document.getElementById('embed-preview');
  const height = Number(frame.dataset.reportedHeight);
  const doc = frame.contentDocument;
  return height > 0 && doc && doc.documentElement.dataset.ready === 'true'
    && Math.ceil(doc.documentElement.getBoundingClientRect().height) === height
    && document.getElementById('embed-snippet').value.includes(`height="${height}"`);
}

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

  test('the Embed panel gives the code for the current configuration, sized by its live preview, and copies it', async () => {
    const context = await newContext(env.browser, { locale: 'en-US' });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.url('') });
    const { page, problems } = await watchedPage(context);
    await openCalculator(page, env.url('/'));
    await page.fill('#n', '8');
    await page.click('#embed-details summary');
    assert.ok(await page.isVisible('#embed-snippet'));
    assert.equal(await page.getAttribute('#embed-snippet', 'readonly'), '');
    const expected = useCase('eight GPUs');
    // The preview loads the code's own address and reports its height, which the code then gives.
    await page.waitForFunction(previewSettled);
    assert.equal(await page.getAttribute('#embed-preview', 'src'), `${env.url('/')}?${expected.link}&embed=1`);
    const height = Number(await page.getAttribute('#embed-preview', 'data-reported-height'));
    const snippet = await page.inputValue('#embed-snippet');
    assert.equal(snippet,
      `<div><iframe src="${env.url('/')}?${expected.link}&embed=1" title="Training cost calculator (epochcost)" `
      + `width="100%" height="${height}" loading="lazy" frameBorder="0"></iframe></div>`);
    const preview = page.frameLocator('#embed-preview');
    assert.match(await preview.locator('#per-epoch').textContent(), new RegExp(`${grouped(expected.per_epoch_total).replace('.', '\\.')}$`));
    const content = await preview.locator('html').evaluate((el) => Math.ceil(el.getBoundingClientRect().height));
    assert.ok(Math.abs(content - height) <= 1, `preview content ${content} px, reported ${height} px`);
    assert.equal(Math.round((await page.locator('#embed-preview').boundingBox()).height), height, 'the preview is as tall as its content');
    assert.equal(await page.inputValue('#embed-host-line'), `<script src="${env.url('/embed-host.js')}" async></script>`);
    const hostScript = await page.request.get(env.url('/embed-host.js'));
    assert.equal(hostScript.status(), 200);
    assert.match(hostScript.headers()['content-type'], /javascript/);
    const hostBytes = gzipSync(await hostScript.body(), { level: 9 }).length;
    assert.ok(hostBytes < 1024, `embed-host.js is ${hostBytes} bytes gzip (budget 1 KB)`);
    await page.click('#copy-snippet');
    await page.waitForFunction(() => document.getElementById('snippet-status').textContent.length > 0);
    assert.equal(await text(page, '#snippet-status'), 'Code copied.');
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), snippet);
    assertNoProblems(problems);
    await context.close();
  });

  test('the Embed panel offers the read-only kind and the themes, previewed live, in both languages', async () => {
    const context = await newContext(env.browser, { locale: 'en-US', colorScheme: 'light' });
    const { page, problems } = await watchedPage(context);
    await openCalculator(page, env.url(`/?${SEED.link}`));
    await page.click('#embed-details summary');
    await page.waitForFunction(previewSettled);
    const editableHeight = Number(await page.getAttribute('#embed-preview', 'data-reported-height'));
    assert.deepEqual(await page.locator('#embed-mode option').allTextContents(), ['Editable calculator', 'Read-only: figures and formula']);
    assert.deepEqual(await page.locator('#embed-theme option').allTextContents(), ['Light', 'Dark', 'Follow the reader’s setting']);
    assert.equal(await page.inputValue('#embed-theme'), 'auto');
    await page.selectOption('#embed-mode', 'figures');
    await page.selectOption('#embed-theme', 'dark');
    const src = `${env.url('/')}?${SEED.link}&embed=figures&theme=dark`;
    assert.match(await page.inputValue('#embed-snippet'), new RegExp(`src="${src.replace(/[.?]/g, '\\$&')}"`));
    await page.waitForFunction((want) => document.getElementById('embed-preview').getAttribute('src') === want, src);
    await page.waitForFunction(previewSettled);
    const height = Number(await page.getAttribute('#embed-preview', 'data-reported-height'));
    assert.ok(height < editableHeight / 2, `read-only ${height} px, editable ${editableHeight} px`);
    const preview = page.frameLocator('#embed-preview');
    const classes = (await preview.locator('html').getAttribute('class')).split(/\s+/);
    assert.ok(classes.includes('embed-figures') && classes.includes('theme-dark'), classes.join(' '));
    assert.ok(await preview.locator('#calc').isHidden());
    assert.ok(await preview.locator('#formula-substituted').isVisible());
    const colour = await preview.locator('body').evaluate((el) => getComputedStyle(el).color);
    const [r, g, b] = colour.match(/\d+/g).map(Number);
    assert.ok(r + g + b > 600, `theme=dark draws light text even on a light page: ${colour}`);
    await screenshot(page, 'embed-panel-figures-dark.png');
    // Chinese: the menus and the code's title follow.
    await page.selectOption('#lang', 'zh');
    assert.deepEqual(await page.locator('#embed-mode option').allTextContents(), ['可编辑的计算器', '只读:结果与公式']);
    assert.equal(await page.inputValue('#embed-mode'), 'figures', 'the choice survives the language switch');
    assert.ok((await page.inputValue('#embed-snippet')).includes('title="训练费用计算器(epochcost)"'));
    assertNoProblems(problems);
    await context.close();
  });

  test('theme=dark and theme=light override the reader\'s setting; an unknown theme is reported', async () => {
    for (const [theme, colorScheme] of [['dark', 'light'], ['light', 'dark']]) {
      const context = await newContext(env.browser, { locale: 'en-US', colorScheme });
      const { page, problems } = await watchedPage(context);
      await openCalculator(page, env.url(`/?${SEED.link}&theme=${theme}`));
      const background = await page.locator('body').evaluate((el) => getComputedStyle(el).backgroundColor);
      const sum = background.match(/\d+/g).slice(0, 3).map(Number).reduce((a, b) => a + b, 0);
      assert.ok(theme === 'dark' ? sum < 150 : sum > 600, `theme=${theme} in a ${colorScheme} browser: ${background}`);
      assert.equal(new URL(await page.getAttribute('#open-full', 'href')).searchParams.get('theme'), theme);
      await page.waitForFunction((t) => new URL(window.location.href).searchParams.get('theme') === t, theme);
      assertNoProblems(problems);
      await context.close();
    }
    const context = await newContext(env.browser, { locale: 'en-US' });
    const { page, problems } = await watchedPage(context);
    await openCalculator(page, env.url(`/?${SEED.link}&theme=pink`));
    assert.match(await text(page, '#link-problems-list'), /Unknown theme “pink”: use one of: light, dark, auto\./);
    assert.match((await figures(page)).perEpoch, /123\.00$/);
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
