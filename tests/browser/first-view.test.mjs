// The first estimate before the engine: the built page holds the
// seed example's answers, computed by the engine at build time and drawn by
// main.js at build time, so that it shows them with no script at all, as
// main.js draws them; a Chinese reader and a link see nothing of it until
// main.js has drawn their own; a plain opening shows them while the engine
// and the price table are held back by the test; it stays within the byte
// budget and draws in few font faces; nothing on screen changes once the
// engine arrives; edits made meanwhile are kept.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { grouped, useCase } from './cases.mjs';
import { assertNoProblems, browserForFile, figures, newContext, text, watchedPage } from './helpers.mjs';

/** Everything transferred before the first estimate shows, gzip -9 (README: How the page loads). */
const BYTE_BUDGET = 64 * 1024;
/**
 * Font faces (family, size, weight, style) the page draws text in. Each is a
 * synchronous font look-up before the first paint (about 1 ms apiece on a
 * cold renderer here; 29 faces cost about 20 ms): the type scale keeps few.
 */
const FONT_FACE_BUDGET = 10;
const SEED = useCase('seed example:');

const env = browserForFile();

/**
 * A watched page whose engine (glue, wasm) and price tables (and with
 * holdMain, main.js too) are held until release() is called, with the
 * bodies of every response it received.
 */
async function pageWithEngineHeld({ holdMain = false, ...options } = {}) {
  const context = await newContext(env.browser, options);
  const { page, problems } = await watchedPage(context);
  const held = [];
  let released = false;
  const hold = (route) => (released ? route.continue() : held.push(route));
  await page.route('**/engine/**', hold);
  await page.route('**/prices/**', hold);
  if (holdMain) await page.route('**/main.js', hold);
  const responses = [];
  page.on('response', async (response) => {
    try {
      responses.push({ path: new URL(response.url()).pathname, body: await response.body() });
    } catch {
      // a response without a body (none is expected here)
    }
  });
  const release = async () => {
    released = true;
    await Promise.all(held.map((route) => route.continue()));
  };
  return { context, page, problems, held, responses, release };
}

const waitForFigure = (page) => page.waitForFunction(() => /\d/.test(document.getElementById('per-epoch').textContent));
const waitForEngine = (page) => page.waitForSelector('html[data-ready="true"]', { state: 'attached', timeout: 15000 });

/** What the results and the comparison show, as text. */
const shown = (page) => page.evaluate(() => ['results', 'compare', 'price-rows']
  .map((id) => document.getElementById(id).innerText));

/** Navigates without waiting for main.js (DOMContentLoaded waits for it): until the body is parsed. */
async function gotoParsed(page, url) {
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForSelector('.site-footer', { state: 'attached' });
}

/** What the page shows that main.js draws: figures, formula, breakdown, comparison, price table, inputs. */
const drawn = (page) => page.evaluate(() => ({
  text: ['#results', '#compare', 'section.prices', '#calc'].map((selector) => document.querySelector(selector).innerText),
  inputs: [...document.querySelectorAll('#calc input:not([type=file]), #calc select')]
    .map((el) => `${el.id || el.name}=${el.type === 'radio' || el.type === 'checkbox' ? el.checked : el.value}`),
}));

describe('the built page', () => {
  test('holds the seed estimate in its HTML, as main.js draws it', async () => {
    const off = await newContext(env.browser, { javaScriptEnabled: false });
    const still = await off.newPage();
    await still.route('**/noscript.css', (route) => route.abort()); // to see what the HTML holds
    await still.goto(env.url('/'));
    assert.equal(await text(still, '#per-epoch'), `CN¥${grouped(SEED.per_epoch_total)}`);
    assert.equal(await text(still, '#formula-substituted'), '1.5 h × 20 CNY/GPU·h × 4 GPU + 2.00 + 1.00 = 123.00 CNY');
    assert.equal(await still.locator('#compare-rows tr').count(), 3, 'the comparison is in the HTML');
    assert.equal(await still.inputValue('#t'), '1.5');
    assert.equal(await still.inputValue('#share-url'), '', 'no build-time address in the share field');
    // The head is the one written for chat previews: the formula, no figure a link could contradict.
    const description = await still.getAttribute('meta[name=description]', 'content');
    assert.match(description, /T × P × N \+ D \+ M/);
    assert.doesNotMatch(description, /\d/);
    const html = await drawn(still);
    await off.close();

    const { context, page, problems } = await env.openPage('/');
    assert.deepEqual(await drawn(page), html, 'main.js and the engine draw exactly what the HTML shows');
    assert.equal(await page.inputValue('#share-url'), env.url(`/?${SEED.link}`));
    assertNoProblems(problems);
    await context.close();
  });

  test('shows no figure without scripts: a link\'s reader would see the seed example\'s', async () => {
    const off = await newContext(env.browser, { javaScriptEnabled: false });
    const page = await off.newPage();
    await page.goto(env.url('/?i=v100x4&t=2&n=4&d=2&m=1&e=10'));
    assert.ok(await page.locator('.notice-warn', { hasText: 'needs JavaScript' }).isVisible(), 'the notice says scripts are needed');
    for (const id of ['#per-epoch', '#total', '#compare', '#t']) assert.equal(await page.isVisible(id), false, id);
    assert.ok(await page.isVisible('#price-rows'), 'the price table is still there to read');
    await off.close();
  });

  test('paints the first estimate before main.js runs, and holds back nothing for an English reader', async () => {
    const { context, page, problems, held, release } = await pageWithEngineHeld({ holdMain: true });
    await gotoParsed(page, env.url('/'));
    assert.ok(held.some((route) => route.request().url().endsWith('/main.js')), 'main.js is still on its way');
    assert.equal(await page.getAttribute('html', 'data-hold'), null);
    assert.ok(await page.isVisible('#per-epoch'));
    assert.equal(await text(page, '#per-epoch'), `CN¥${grouped(SEED.per_epoch_total)}`);
    await release();
    await waitForEngine(page);
    assertNoProblems(problems);
    await context.close();
  });

  // The first frame waits for both: asked for one after the other, they cost
  // two round trips before it (hold.js first, Chromium asked for the style
  // sheet only once hold.js had arrived and run).
  test('asks for the style sheet and hold.js together, before either has arrived', async () => {
    const context = await newContext(env.browser);
    const { page, problems } = await watchedPage(context);
    const held = [];
    await page.route(/\/(styles\.css|hold\.js)$/, (route) => { held.push(route); });
    const opened = page.goto(env.url('/'), { waitUntil: 'commit' });
    for (let waited = 0; held.length < 2 && waited < 3000; waited += 20) await page.waitForTimeout(20);
    const asked = held.map((route) => new URL(route.request().url()).pathname).sort();
    await Promise.all(held.map((route) => route.continue()));
    await opened;
    assert.deepEqual(asked, ['/hold.js', '/styles.css']);
    await waitForEngine(page);
    assert.equal(await text(page, '#per-epoch'), `CN¥${grouped(SEED.per_epoch_total)}`);
    assertNoProblems(problems);
    await context.close();
  });

  test('keeps what a reader typed and chose before main.js ran, and computes it', async () => {
    const { context, page, problems, held, release } = await pageWithEngineHeld({ holdMain: true });
    await gotoParsed(page, env.url('/'));
    await page.fill('#t', '3');
    await page.selectOption('#instance', 'v100x4');
    // main.js arrives, the engine not yet: the seed's figures say that they
    // are not the inputs' (yet).
    const main = held.splice(held.findIndex((route) => route.request().url().endsWith('/main.js')), 1);
    await main[0].continue();
    await page.waitForFunction(() => document.getElementById('stale').textContent !== '');
    assert.equal(await text(page, '#stale'), 'Not updated yet: still loading');
    assert.ok(await page.$eval('#results', (el) => el.classList.contains('is-stale')));
    assert.equal(await text(page, '#per-epoch'), `CN¥${grouped(SEED.per_epoch_total)}`);
    await release();
    await waitForEngine(page);
    assert.equal(await text(page, '#stale'), '');
    assert.ok(!(await page.$eval('#results', (el) => el.classList.contains('is-stale'))));
    assert.equal(await page.inputValue('#t'), '3');
    assert.equal(await page.inputValue('#instance'), 'v100x4');
    // 3 h × 12 × 4 + 2 + 1 = 147 per epoch, 10 epochs.
    assert.deepEqual(await figures(page), { perEpoch: 'CN¥147.00', total: 'CN¥1,470.00' });
    assertNoProblems(problems);
    await context.close();
  });

  test('shows a Chinese reader nothing in English: the page waits for main.js', async () => {
    const { context, page, problems, release } = await pageWithEngineHeld({ holdMain: true, locale: 'zh-CN' });
    await gotoParsed(page, env.url('/'));
    assert.equal(await page.getAttribute('html', 'data-hold'), 'page');
    assert.equal(await page.isVisible('#results-title'), false);
    await release();
    await page.waitForFunction(() => !document.documentElement.hasAttribute('data-hold'));
    assert.ok(await page.isVisible('#results-title'));
    assert.equal(await text(page, '#results-title'), '估算结果');
    await waitForEngine(page);
    assertNoProblems(problems);
    await context.close();
  });

  test('still shows the page (in English) when main.js cannot load', async () => {
    const context = await newContext(env.browser, { locale: 'zh-CN' });
    const page = await context.newPage();
    await page.route('**/main.js', (route) => route.abort());
    await page.goto(env.url('/'));
    assert.equal(await page.isVisible('#per-epoch'), false);
    // styles.css reveals a held page after 3 s.
    await page.waitForFunction(() => getComputedStyle(document.body).visibility === 'visible', null, { timeout: 5000 });
    assert.equal(await text(page, '#per-epoch'), `CN¥${grouped(SEED.per_epoch_total)}`);
    await context.close();
  });
});

describe('a link whose calculator does not load', () => {
  test('says so after 10 s, and never shows the built page\'s figures', async () => {
    const context = await newContext(env.browser, { locale: 'en-US' });
    const page = await context.newPage();
    await page.route('**/main.js', (route) => route.abort());
    await page.goto(env.url('/?i=a100x4&t=2&n=4&d=2&m=1&e=10'));
    assert.equal(await page.getAttribute('html', 'data-hold'), 'link');
    assert.ok(await page.isVisible('.link-loading'));
    assert.equal(await page.isVisible('.link-slow'), false, 'not at first');
    // styles.css shows the line when its 10 s animation ends: end it now.
    const delays = await page.evaluate(() => document.getAnimations().map((a) => {
      const delay = a.effect.getTiming().delay;
      a.finish();
      return delay;
    }));
    assert.deepEqual(delays, [10000]);
    assert.ok(await page.isVisible('.link-slow'));
    assert.equal(await text(page, '.link-slow'),
      'The calculator is slow to load. If this message stays, check the connection and reload the page.');
    for (const id of ['#per-epoch', '#total', '#t']) assert.equal(await page.isVisible(id), false, id);
    await context.close();
  });
});

describe('a plain opening', () => {
  test(`shows the seed estimate before the engine loads, within ${BYTE_BUDGET / 1024} KB gzip -9`, async () => {
    const { context, page, problems, held, responses, release } = await pageWithEngineHeld();
    await page.goto(env.url('/'));
    await waitForFigure(page);
    const { perEpoch, total } = await figures(page);
    assert.match(perEpoch, new RegExp(`${grouped(SEED.per_epoch_total).replace('.', '\\.')}`));
    assert.match(total, new RegExp(`${grouped(SEED.total).replace('.', '\\.')}`));
    assert.equal(await text(page, '#formula-substituted'), '1.5 h × 20 CNY/GPU·h × 4 GPU + 2.00 + 1.00 = 123.00 CNY');

    const gotEngine = responses.filter((r) => r.path.startsWith('/engine/') || r.path.startsWith('/prices/'));
    assert.deepEqual(gotEngine.map((r) => r.path), [], 'the first estimate needed no engine and no price table');
    let bytes = 0;
    for (const r of responses) bytes += gzipSync(r.body, { level: 9 }).length;
    console.log(`bytes before the first estimate, gzip -9: ${bytes} (${(bytes / 1024).toFixed(1)} KB) in `
      + `${responses.length} responses; budget ${BYTE_BUDGET}`);
    assert.ok(bytes <= BYTE_BUDGET, `${bytes} bytes before the first estimate, budget ${BYTE_BUDGET}`);

    // The engine is asked for only after the first paint, and then recomputes the same answers.
    for (let waited = 0; held.length === 0 && waited < 5000; waited += 20) await page.waitForTimeout(20);
    assert.ok(held.length > 0, 'the engine was requested once the first estimate was on screen');
    const before = await shown(page);
    await release();
    await waitForEngine(page);
    assert.deepEqual(await shown(page), before, 'nothing on screen changed when the engine arrived');
    assert.equal(new URL(page.url()).search, `?${SEED.link}`);
    assertNoProblems(problems);
    await context.close();
  });

  test(`draws its text in at most ${FONT_FACE_BUDGET} font faces`, async () => {
    const { context, page, problems } = await env.openPage('/');
    const faces = await page.evaluate(() => {
      const seen = new Map();
      for (const el of document.querySelectorAll('body, body *')) {
        const drawsText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.data.trim())
          || el.matches('input, select, textarea, button');
        if (!drawsText || !el.checkVisibility()) continue;
        const s = getComputedStyle(el);
        const face = `${s.fontFamily} ${s.fontSize} ${s.fontWeight} ${s.fontStyle}`;
        if (!seen.has(face)) seen.set(face, el.id || el.className || el.tagName);
      }
      return [...seen].map(([face, example]) => `${face} (${example})`);
    });
    console.log(`font faces: ${faces.length}\n  ${faces.join('\n  ')}`);
    assert.ok(faces.length >= 2, 'the walk found the page\'s text');
    assert.ok(faces.length <= FONT_FACE_BUDGET, `${faces.length} font faces:\n${faces.join('\n')}`);
    assertNoProblems(problems);
    await context.close();
  });

  // A character missing from every family the style sheet names is found by
  // asking the system for a fallback font, character by character: on Linux
  // that search cost a Chinese reader's first paint about 75 ms.
  test('draws Chinese text in a family its style sheet names, not in a system fallback', async () => {
    const { context, page, problems } = await env.openPage('/', { locale: 'zh-CN' });
    const cdp = await context.newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
    // The family the UI font resolves to draws Latin and symbols (a details
    // marker, say), as on the brand name.
    const brand = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: '.brand-name' });
    const uiFonts = (await cdp.send('CSS.getPlatformFontsForNode', { nodeId: brand.nodeId })).fonts.map((f) => f.familyName);
    // Elements whose own text is Chinese characters only (Latin and
    // punctuation are the UI font's).
    const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: 'body *' });
    const checked = [];
    for (const nodeId of nodeIds) {
      const { object } = await cdp.send('DOM.resolveNode', { nodeId });
      const { result } = await cdp.send('Runtime.callFunctionOn', {
        objectId: object.objectId,
        returnByValue: true,
        functionDeclaration: `function () {
          const own = [...this.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.data).join('');
          if (!/\\p{Script=Han}/u.test(own) || !/^[\\p{Script=Han}\\s]+$/u.test(own) || !this.checkVisibility()) return null;
          return { text: own.trim(), families: getComputedStyle(this).fontFamily };
        }`,
      });
      if (!result.value) continue;
      const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
      const named = result.value.families.split(',').map((f) => f.trim().replace(/^"|"$/g, ''));
      for (const font of fonts) {
        assert.ok(named.includes(font.familyName) || uiFonts.includes(font.familyName),
          `"${result.value.text}" is drawn in ${font.familyName}, not one of ${named.join(', ')}`);
      }
      checked.push(result.value.text);
    }
    assert.ok(checked.length >= 5, `Chinese-only texts found: ${checked.join(' / ')}`);
    assertNoProblems(problems);
    await context.close();
  });

  test('speaks Chinese from the first paint for a Chinese reader, and the engine agrees', async () => {
    const { context, page, problems, release } = await pageWithEngineHeld({ locale: 'zh-CN' });
    await page.goto(env.url('/'));
    await waitForFigure(page);
    assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
    assert.equal(await text(page, '#results-title'), '估算结果');
    assert.match(await text(page, '#per-epoch'), /123\.00/);
    const before = await shown(page);
    await release();
    await waitForEngine(page);
    assert.deepEqual(await shown(page), before);
    assertNoProblems(problems);
    await context.close();
  });

  test('keeps what the reader typed while the engine loaded, and says meanwhile that the figures are not yet updated', async () => {
    const { context, page, problems, release } = await pageWithEngineHeld({ locale: 'zh-CN' });
    await page.goto(env.url('/'));
    await waitForFigure(page);
    assert.equal(await text(page, '#stale'), '', 'nothing to say before an edit');
    await page.fill('#t', '3');
    await page.fill('#e', '2');
    assert.equal(await text(page, '#stale'), '尚未更新:仍在加载');
    assert.ok(await page.$eval('#mini-summary', (el) => el.classList.contains('is-stale')));
    await release();
    await waitForEngine(page);
    assert.equal(await text(page, '#stale'), '');
    assert.equal(await page.inputValue('#t'), '3');
    // 3 h × 20 × 4 + 2 + 1 = 243 per epoch; 2 epochs.
    assert.deepEqual(await figures(page), { perEpoch: '243.00 元', total: '486.00 元' });
    assertNoProblems(problems);
    await context.close();
  });
});

describe('a link', () => {
  test('the seed example\'s own link (the address after a plain opening) also opens before the engine', async () => {
    const { context, page, problems, release } = await pageWithEngineHeld({ locale: 'zh-CN' });
    await page.goto(env.url(`/?${SEED.link}&lang=zh`));
    await waitForFigure(page);
    assert.equal(await text(page, '#per-epoch'), '123.00 元');
    await release();
    await waitForEngine(page);
    assert.equal(new URL(page.url()).search, `?${SEED.link}&lang=zh`);
    assertNoProblems(problems);
    await context.close();
  });

  test('starts loading the engine and the price table before main.js has arrived', async () => {
    const { context, page, problems, held, release } = await pageWithEngineHeld({ holdMain: true });
    await gotoParsed(page, env.url('/?i=a100x4&t=2&n=4&d=2&m=1&e=10'));
    for (let waited = 0; held.length < 4 && waited < 5000; waited += 20) await page.waitForTimeout(20);
    const asked = held.map((route) => new URL(route.request().url()).pathname).sort();
    assert.deepEqual(asked, ['/engine/epochcost_engine.js', '/engine/epochcost_engine.wasm', '/main.js', '/prices/ciuic.json']);
    await release();
    await waitForEngine(page);
    // The early requests were the ones used: no second request for the wasm or the table.
    const count = (end) => page.evaluate((e) => performance.getEntriesByType('resource')
      .filter((entry) => entry.name.endsWith(e)).length, end);
    assert.equal(await count('.wasm'), 1);
    assert.equal(await count('ciuic.json'), 1);
    assert.deepEqual(await figures(page), { perEpoch: 'CN¥163.00', total: 'CN¥1,630.00' });
    assertNoProblems(problems);
    await context.close();
  });

  test('says, in Chinese for a Chinese reader, that it is computing the link', async () => {
    const { context, page, problems, release } = await pageWithEngineHeld({ locale: 'zh-CN' });
    await page.goto(env.url('/?i=a100x4&t=2&n=4&d=2&m=1&e=10'));
    await page.waitForFunction(() => document.documentElement.dataset.hold === 'link');
    assert.equal(await text(page, '.link-loading'), '正在计算此链接中的估算…');
    assert.ok(await page.isVisible('.link-loading'));
    await release();
    await waitForEngine(page);
    assert.equal(await page.isVisible('.link-loading'), false);
    assertNoProblems(problems);
    await context.close();
  });

  test('never shows the built page\'s figures while its engine loads', async () => {
    const { context, page, problems, release } = await pageWithEngineHeld();
    await page.goto(env.url('/?i=a100x4&t=2&n=4&d=2&m=1&e=10'));
    // main.js has run (it sets the language) but the engine is held.
    await page.waitForFunction(() => document.getElementById('lang').value === 'en');
    await page.waitForTimeout(200);
    assert.equal(await page.getAttribute('html', 'data-hold'), 'link');
    assert.ok(await page.isVisible('.site-header'), 'the page is there');
    assert.equal(await text(page, '.link-loading'), 'Computing the estimate in this link…');
    assert.ok(await page.isVisible('.link-loading'), 'and says what it is doing');
    for (const id of ['#per-epoch', '#total', '#t', '#compare']) {
      assert.equal(await page.isVisible(id), false, `${id} waits for the link's own numbers`);
    }
    await release();
    await waitForEngine(page);
    // 2 h × 20 × 4 + 2 + 1 = 163 per epoch.
    assert.deepEqual(await figures(page), { perEpoch: 'CN¥163.00', total: 'CN¥1,630.00' });
    assert.equal(await page.isVisible('.link-loading'), false);
    assertNoProblems(problems);
    await context.close();
  });
});
