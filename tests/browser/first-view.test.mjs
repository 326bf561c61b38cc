// The first estimate before the engine (issue 6): a plain opening shows the
// seed example's answers, computed by the engine at build time, while the
// engine and the price table are held back by the test; it stays within the
// byte budget and draws in few font faces; nothing on screen changes once
// the engine arrives; edits made meanwhile are kept; and a link never shows
// the default figures first.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { grouped, useCase } from './cases.mjs';
import { assertNoProblems, browserForFile, figures, newContext, text, watchedPage } from './helpers.mjs';

/** Everything transferred before the first estimate shows, gzip -9 (issue 6). */
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
 * A watched page whose engine (glue, wasm) and price tables are held until
 * release() is called, with the bodies of every response it received.
 */
async function pageWithEngineHeld(options = {}) {
  const context = await newContext(env.browser, options);
  const { page, problems } = await watchedPage(context);
  const held = [];
  let released = false;
  const hold = (route) => (released ? route.continue() : held.push(route));
  await page.route('**/engine/**', hold);
  await page.route('**/prices/**', hold);
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

  test('keeps what the reader typed while the engine loaded', async () => {
    const { context, page, problems, release } = await pageWithEngineHeld();
    await page.goto(env.url('/'));
    await waitForFigure(page);
    await page.fill('#t', '3');
    await page.fill('#e', '2');
    await release();
    await waitForEngine(page);
    assert.equal(await page.inputValue('#t'), '3');
    // 3 h × 20 × 4 + 2 + 1 = 243 per epoch; 2 epochs.
    assert.deepEqual(await figures(page), { perEpoch: 'CN¥243.00', total: 'CN¥486.00' });
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

  test('never shows the default figures while its engine loads', async () => {
    const { context, page, problems, release } = await pageWithEngineHeld();
    await page.goto(env.url('/?i=a100x4&t=2&n=4&d=2&m=1&e=10'));
    // main.js has run (it sets the language) but the engine is held.
    await page.waitForFunction(() => document.getElementById('lang').value === 'en');
    await page.waitForTimeout(200);
    assert.equal(await text(page, '#per-epoch'), '—');
    assert.equal(await text(page, '#total'), '—');
    await release();
    await waitForEngine(page);
    // 2 h × 20 × 4 + 2 + 1 = 163 per epoch.
    assert.deepEqual(await figures(page), { perEpoch: 'CN¥163.00', total: 'CN¥1,630.00' });
    assertNoProblems(problems);
    await context.close();
  });
});
