// The calculator page: the seed example on opening, recomputation on input,
// the address bar, errors next to their fields, both languages, phone width.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { grouped, useCase } from './cases.mjs';
import {
  assertNoProblems, barShares, browserForFile, figures, newContext, openCalculator, screenshot, text, watchedPage,
} from './helpers.mjs';

const SEED = useCase('seed example:');

const env = browserForFile();

/** Text of the whole page must never show a JS artefact. */
async function assertNoJsArtefacts(page) {
  const body = await page.locator('body').innerText();
  for (const bad of ['NaN', 'undefined', 'null', '[object Object]', 'Error:', '{allowed}']) {
    assert.ok(!body.includes(bad), `page text contains "${bad}"`);
  }
}

describe('default page', () => {
  test('opens on the seed example and shows 123.00 per epoch and 1,230.00 in total without any click', async () => {
    const { context, page, problems } = await env.openPage('/', { locale: 'en-US' });
    const { perEpoch, total } = await figures(page);
    assert.match(perEpoch, /123\.00/);
    assert.match(total, /1,230\.00/);
    assert.equal(new URL(page.url()).search, `?${SEED.link}`);
    assert.equal(await page.inputValue('#t'), '1.5');
    assert.equal(await page.inputValue('#n'), '4');
    assert.equal(await page.inputValue('#instance'), 'a100x4');
    assert.equal(await text(page, '#formula-substituted'), '1.5 h × 20 CNY/GPU·h × 4 GPU + 2.00 + 1.00 = 123.00 CNY');
    assert.equal(await text(page, '#formula-parts'), '123.00 × 10 epoch = 1,230.00 CNY');
    assert.equal(await text(page, '#fact-gpu-hours'), '60 GPU-hours');
    assert.equal(await text(page, '#fact-wall'), '15 h');
    assert.equal(await text(page, '#fact-billed'), '15 h');
    // Evaluation, checkpoint and start-up rows show only when given.
    const rows = await page.locator('#breakdown-body tr:not([hidden])').evaluateAll((trs) => trs.map((tr) => [
      tr.dataset.part, tr.querySelector('.part-epoch').textContent, tr.querySelector('.part-total').textContent,
      tr.querySelector('.bar-pct').textContent,
    ]));
    assert.deepEqual(rows, [
      ['compute', '120.00', '1,200.00', '97.6%'], ['data', '2.00', '20.00', '1.6%'], ['ops', '1.00', '10.00', '0.8%'],
    ]);
    // 120, 2 and 1 of 123 drawn: tiny shares still show a sliver.
    assert.deepEqual(await barShares(page, '#breakdown-body tr:not([hidden])'), [98, 2, 1]);
    assert.equal(await page.getAttribute('#figures', 'aria-live'), 'polite');
    await assertNoJsArtefacts(page);
    await screenshot(page, 'default-en.png');
    assertNoProblems(problems);
    await context.close();
  });

  test('shows the provider, the sources as safe links, the date and the instances with their units', async () => {
    const { context, page, problems } = await env.openPage('/', { locale: 'en-US' });
    assert.equal(await text(page, '#provider'), 'Ciuic');
    assert.match(await text(page, '#prices-date'), /^\d{4}-\d{2}-\d{2}$/);
    const links = await page.locator('#sources a').evaluateAll((as) => as.map((a) => [a.protocol, a.rel]));
    assert.ok(links.length >= 1);
    for (const [protocol, rel] of links) {
      assert.match(protocol, /^https?:$/);
      assert.equal(rel, 'noopener noreferrer');
    }
    assert.ok((await page.locator('#date-note').textContent()).length > 0, 'date note is available on demand');
    const options = await page.locator('#instance option').allTextContents();
    assert.ok(options.some((o) => o.includes('A100 x4') && o.includes('4 GPUs per instance') && o.includes('20 CNY per GPU-hour')), options.join(' | '));
    assert.equal(await text(page, '#unit-p'), 'CNY per GPU-hour');
    assert.equal(await page.getAttribute('#p', 'placeholder'), '20');
    assertNoProblems(problems);
    await context.close();
  });

  test('has chat-preview tags, a favicon and the strict CSP', async () => {
    const { context, page, problems } = await env.openPage('/');
    const meta = await page.evaluate(() => {
      const content = (sel) => document.querySelector(sel)?.getAttribute('content');
      return {
        csp: content('meta[http-equiv="Content-Security-Policy"]'),
        description: content('meta[name="description"]'),
        ogTitle: content('meta[property="og:title"]'),
        ogImage: content('meta[property="og:image"]'),
        twitter: content('meta[name="twitter:card"]'),
        icon: document.querySelector('link[rel="icon"]')?.getAttribute('href'),
        inlineScripts: [...document.scripts].filter((s) => !s.src && s.type !== 'application/json').length,
        styleAttributes: document.querySelectorAll('[style]').length,
        foreign: [...document.querySelectorAll('script[src], link[href], img[src]')]
          .map((e) => new URL(e.src || e.href, location.href)).filter((u) => u.origin !== location.origin).length,
      };
    });
    assert.equal(meta.csp, "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; object-src 'none'");
    assert.ok(meta.description && meta.ogTitle && meta.twitter === 'summary_large_image');
    assert.equal(meta.ogImage, 'og-image.png');
    assert.equal(meta.icon, 'favicon.svg');
    assert.equal(meta.inlineScripts, 0);
    assert.equal(meta.styleAttributes, 0);
    assert.equal(meta.foreign, 0);
    for (const asset of ['og-image.png', 'favicon.svg']) {
      const response = await page.request.get(env.url(`/${asset}`));
      assert.equal(response.status(), 200, asset);
    }
    const png = await (await page.request.get(env.url('/og-image.png'))).body();
    assert.equal(png.readUInt32BE(16), 1200, 'og-image width');
    assert.equal(png.readUInt32BE(20), 630, 'og-image height');
    assert.ok(png.length < 60 * 1024, `og-image is ${png.length} bytes`);
    assertNoProblems(problems);
    await context.close();
  });
});

describe('recomputing on input', () => {
  const cases = [
    ['N = 8 on A100 x4', useCase('eight GPUs'), async (page) => { await page.fill('#n', '8'); }],
    ['T = 2', useCase('T 2 h'), async (page) => { await page.fill('#t', '2'); }],
    ['instance V100 x4 with N 4', useCase('V100 x4'), async (page) => { await page.selectOption('#instance', 'v100x4'); }],
    ['3 epochs', useCase('seed example for 3 epochs'), async (page) => { await page.fill('#e', '3'); }],
  ];
  for (const [name, expected, change] of cases) {
    test(`${name} gives ${expected.per_epoch_total} / ${expected.total} and updates the address bar`, async () => {
      const { context, page, problems } = await env.openPage('/', { locale: 'en-US' });
      await change(page);
      const { perEpoch, total } = await figures(page);
      assert.match(perEpoch, new RegExp(`${grouped(expected.per_epoch_total).replace('.', '\\.')}$`));
      assert.match(total, new RegExp(`${grouped(expected.total).replace('.', '\\.')}$`));
      assert.equal(new URL(page.url()).search, `?${expected.link}`);
      assert.equal(await page.inputValue('#share-url'), page.url());
      assertNoProblems(problems);
      await context.close();
    });
  }

  // web/warm-up.js: the page recomputes and redraws its estimate in idle
  // time until V8 has optimised that code; nothing the reader sees changes.
  test('left alone after loading, the page warms its code up without changing a figure', async () => {
    const { context, page, problems } = await env.openPage('/', { locale: 'en-US' });
    const before = await figures(page);
    await page.waitForSelector('html[data-warmed-up]', { state: 'attached', timeout: 15000 });
    assert.equal(await page.getAttribute('html', 'data-warmed-up'), '120');
    assert.deepEqual(await figures(page), before);
    assert.equal(new URL(page.url()).search, `?${SEED.link}`);
    assert.equal(await page.inputValue('#share-url'), page.url());
    assertNoProblems(problems);
    await context.close();
  });

  test('billing increment, whole instances and discount show the engine notes and an honest formula', async () => {
    const expected = useCase('six GPUs');
    const { context, page, problems } = await env.openPage('/', { locale: 'en-US' });
    await page.fill('#t', '1.25');
    await page.fill('#n', '6');
    await page.selectOption('#bill', '3600');
    await page.fill('#disc', '10');
    const { perEpoch, total } = await figures(page);
    assert.match(perEpoch, /190\.20$/);
    assert.match(total, /1,902\.00$/);
    assert.equal(new URL(page.url()).search, `?${expected.link}`);
    const codes = await page.locator('#notes li').evaluateAll((lis) => lis.map((li) => li.dataset.code));
    assert.deepEqual(codes, expected.notes);
    assert.match(await text(page, '#notes'), /6 GPUs need 2 whole A100 x4 instances/);
    assert.match(await text(page, '#formula-substituted'), /× 8 GPU → 187\.20 \+ 2\.00 \+ 1\.00 = 190\.20 CNY$/);
    assert.equal(await text(page, '#fact-billed'), '13 h');
    assert.equal(await text(page, '#fact-gpu-hours'), '75 used, 104 billed GPU-hours');
    assertNoProblems(problems);
    await context.close();
  });

  test('writes "≈" when the rounded per-epoch figure does not multiply out to the rounded total', async () => {
    const { context, page, problems } = await env.openPage('/', { locale: 'en-US' });
    // 0.3333 h × 20 × 4 + 3 = 29.664 per epoch: shown 29.66; 10 epochs cost 296.64 exactly.
    await page.fill('#t', '0.3333');
    assert.deepEqual(await figures(page), { perEpoch: 'CN¥29.66', total: 'CN¥296.64' });
    assert.equal(await text(page, '#formula-parts'), '29.66 × 10 epoch ≈ 296.64 CNY');
    await page.fill('#t', '0.5');
    assert.equal(await text(page, '#formula-parts'), '43.00 × 10 epoch = 430.00 CNY');
    assertNoProblems(problems);
    await context.close();
  });

  test('a bad input shows the engine message next to its field and keeps the last result, marked stale', async () => {
    const { context, page, problems } = await env.openPage('/', { locale: 'en-US' });
    await page.fill('#t', 'abc');
    assert.equal(await page.getAttribute('#t', 'aria-invalid'), 'true');
    assert.match(await page.getAttribute('#t', 'aria-describedby'), /\berr-t\b/);
    assert.equal(await text(page, '#err-t'), 'T, hours per epoch is not a number: "abc".');
    assert.ok(await page.isVisible('#err-t'));
    assert.match(await text(page, '#stale'), /Out of date/);
    assert.ok(await page.locator('#results').evaluate((el) => el.classList.contains('is-stale')));
    const { perEpoch, total } = await figures(page);
    assert.match(perEpoch, /123\.00$/, 'the last good result stays');
    assert.match(total, /1,230\.00$/);
    assert.equal(new URL(page.url()).search, `?${SEED.link}`, 'the address bar keeps the last good link');

    await page.fill('#n', '0');
    assert.equal(await text(page, '#err-n'), 'N, number of GPUs must be greater than zero.');
    await page.fill('#disc', '101');
    assert.match(await text(page, '#err-disc'), /above the maximum of 100/);
    await assertNoJsArtefacts(page);

    await page.fill('#t', '1.5');
    await page.fill('#n', '4');
    await page.fill('#disc', '');
    assert.equal(await page.getAttribute('#t', 'aria-invalid'), null);
    assert.ok(await page.isHidden('#err-t'));
    assert.equal(await text(page, '#stale'), '');
    assertNoProblems(problems);
    await context.close();
  });

  test('empty optional inputs use the documented defaults (table price, no discount)', async () => {
    const { context, page, problems } = await env.openPage('/', { locale: 'en-US' });
    await page.fill('#p', '22');
    assert.match((await figures(page)).perEpoch, /135\.00$/);
    assert.match(await text(page, '#fact-price'), /22 CNY per GPU-hour \(your override; table: 20 CNY per GPU-hour\)/);
    await page.fill('#p', '');
    assert.match((await figures(page)).perEpoch, /123\.00$/);
    assertNoProblems(problems);
    await context.close();
  });

  test('the form works with the keyboard alone', async () => {
    const { context, page, problems } = await env.openPage('/', { locale: 'en-US' });
    await page.focus('#t');
    await page.keyboard.press('Tab'); // -> N
    assert.equal(await page.evaluate(() => document.activeElement.id), 'n');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('8');
    assert.match((await figures(page)).perEpoch, /243\.00$/);
    const labelled = await page.evaluate(() => [...document.querySelectorAll('#calc input, #calc select, #lang')]
      .filter((el) => !el.labels || el.labels.length === 0).map((el) => el.id));
    assert.deepEqual(labelled, [], 'every input has a label');
    assertNoProblems(problems);
    await context.close();
  });
});

describe('engine failures', () => {
  // A price table that cannot load leaves the calculator usable with a
  // custom price: see price-failures.test.mjs.
  for (const [what, pattern, message] of [
    ['the wasm engine', '**/engine/epochcost_engine.wasm', 'the calculation engine did not load.'],
  ]) {
    test(`when ${what} cannot load, the page says so instead of going blank`, async () => {
      const context = await newContext(env.browser, { locale: 'en-US' });
      const { page, problems } = await watchedPage(context);
      await page.route(pattern, (route) => route.fulfill({ status: 404, body: 'gone' }));
      await page.goto(env.url('/'));
      await page.waitForSelector('#load-error:not([hidden])');
      assert.equal(await text(page, '#load-error'), `The calculator could not start: ${message} Reload the page to try again.`);
      assert.equal(await page.getAttribute('#load-error', 'role'), 'alert');
      assert.ok(await page.isVisible('#calc'), 'the form is still there');
      await assertNoJsArtefacts(page);
      // The only expected problem is the 404 itself (and the browser's log line about it).
      assert.ok(problems.requests.length >= 1 && problems.requests.every((r) => r.includes('HTTP 404')), problems.requests.join());
      assert.ok(problems.console.every((c) => c.includes('404')), problems.console.join());
      assert.deepEqual([problems.csp, problems.pageErrors, problems.dialogs], [[], [], []]);
      await context.close();
    });

    test(`when ${what} cannot load after the reader has edited, the seed example's figures stay marked as not theirs`, async () => {
      const context = await newContext(env.browser, { locale: 'en-US' });
      const page = await context.newPage();
      let fail;
      const failing = new Promise((resolve) => { fail = resolve; });
      await page.route(pattern, async (route) => {
        await failing;
        await route.fulfill({ status: 404, body: 'gone' });
      });
      await page.goto(env.url('/'));
      await page.fill('#t', '3');
      await page.waitForFunction(() => document.getElementById('stale').textContent !== '');
      fail();
      await page.waitForSelector('#load-error:not([hidden])');
      assert.equal(await text(page, '#stale'), 'Not updated: the calculator did not load');
      assert.ok(await page.$eval('#results', (el) => el.classList.contains('is-stale')));
      assert.match((await figures(page)).perEpoch, /123\.00$/, 'the seed example\'s, as built');
      await page.fill('#n', '2');
      assert.equal(await text(page, '#stale'), 'Not updated: the calculator did not load');
      await context.close();
    });

    test(`when ${what} cannot load before any edit, the seed example's figures are shown unmarked`, async () => {
      const context = await newContext(env.browser, { locale: 'en-US' });
      const page = await context.newPage();
      await page.route(pattern, (route) => route.fulfill({ status: 404, body: 'gone' }));
      await page.goto(env.url('/'));
      await page.waitForSelector('#load-error:not([hidden])');
      assert.equal(await text(page, '#stale'), '');
      assert.match((await figures(page)).perEpoch, /123\.00$/);
      // An edit now leaves them beside other inputs: they are marked.
      await page.fill('#t', '3');
      assert.equal(await text(page, '#stale'), 'Not updated: the calculator did not load');
      await context.close();
    });

    test(`when ${what} cannot load for a link, no figure shows, not even the seed example's`, async () => {
      const context = await newContext(env.browser, { locale: 'en-US' });
      const page = await context.newPage();
      await page.route(pattern, (route) => route.fulfill({ status: 404, body: 'gone' }));
      await page.goto(env.url('/?i=v100x4&t=2&n=4&d=2&m=1&e=10'));
      await page.waitForSelector('#load-error:not([hidden])');
      assert.ok(await page.isVisible('#load-error'));
      assert.deepEqual(await figures(page), { perEpoch: '—', total: '—' });
      assert.equal(await text(page, '#formula-substituted'), '—');
      assert.equal(await page.locator('#compare-rows tr').count(), 0);
      await context.close();
    });
  }
});

describe('languages', () => {
  test('a Chinese browser gets the Chinese page with 元', async () => {
    const { context, page, problems } = await env.openPage('/', { locale: 'zh-CN' });
    assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
    const { perEpoch, total } = await figures(page);
    assert.equal(perEpoch, '123.00 元');
    assert.equal(total, '1,230.00 元');
    assert.equal(await text(page, 'label[for="t"]'), 'T — 每 epoch 时长');
    assert.equal(await text(page, '#results-title'), '估算结果');
    assert.equal(await text(page, '#unit-p'), '元/GPU·时');
    assert.equal(await text(page, '#formula-substituted'), '1.5 小时 × 20 元/GPU·时 × 4 GPU + 2.00 + 1.00 = 123.00 元');
    // The tab's title carries the figures on screen (the static title, for chat previews, has none).
    await page.waitForFunction(() => document.title.includes('123.00'));
    assert.equal(await page.title(), '每 epoch 123.00 元,10 个 epoch 合计 1,230.00 元 · epochcost');
    await page.fill('#t', 'abc');
    assert.equal(await text(page, '#err-t'), '每 epoch 时长 T(小时)不是数字:“abc”。');
    await page.fill('#t', '1.5');
    await screenshot(page, 'default-zh.png');
    assertNoProblems(problems);
    await context.close();
  });

  test('the language switch changes the page and is kept in the link', async () => {
    const { context, page, problems } = await env.openPage('/', { locale: 'en-US' });
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    await page.selectOption('#lang', 'zh');
    assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
    assert.equal((await figures(page)).perEpoch, '123.00 元');
    assert.equal(new URL(page.url()).searchParams.get('lang'), 'zh');
    assert.match(await text(page, '#instance option'), /每实例 4 块 GPU,20 元\/GPU·时/);
    await page.selectOption('#lang', 'en');
    assert.match((await figures(page)).perEpoch, /^CN¥123\.00$/);
    assert.equal(new URL(page.url()).searchParams.get('lang'), 'en');
    assertNoProblems(problems);
    await context.close();
  });
});

describe('layout', () => {
  test('fits a 360 px phone without sideways scrolling, in the dark scheme too', async () => {
    for (const colorScheme of ['light', 'dark']) {
      const { context, page, problems } = await env.openPage('/', {
        locale: 'zh-CN', colorScheme, viewport: { width: 360, height: 740 },
      });
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 360, `page is ${width}px wide`);
      assert.equal((await figures(page)).perEpoch, '123.00 元');
      if (colorScheme === 'dark') await screenshot(page, 'phone-dark-zh.png');
      assertNoProblems(problems);
      await context.close();
    }
  });

  test('opening the page moves nothing (cumulative layout shift under 0.01), in both languages', async () => {
    for (const [locale, viewport] of [['en-US', { width: 1280, height: 900 }], ['zh-CN', { width: 360, height: 740 }]]) {
      const context = await newContext(env.browser, { locale, viewport });
      const { page, problems } = await watchedPage(context);
      await page.addInitScript(() => {
        window.__shift = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shift += entry.value;
        }).observe({ type: 'layout-shift', buffered: true });
      });
      await openCalculator(page, env.url('/'));
      await page.waitForTimeout(300);
      const shift = await page.evaluate(() => window.__shift);
      assert.ok(shift < 0.01, `${locale}: layout shift ${shift}`);
      assertNoProblems(problems);
      await context.close();
    }
  });

  test('updating the result does not move the page (no layout shift)', async () => {
    const { context, page, problems } = await env.openPage('/', { locale: 'en-US' });
    const box = () => page.evaluate(() => {
      const r = document.getElementById('breakdown-body').getBoundingClientRect();
      const f = document.getElementById('figures').getBoundingClientRect();
      // Relative to the document: filling a field lower in the (long) form may scroll.
      return [Math.round(r.top + window.scrollY), Math.round(f.height)];
    });
    const before = await box();
    await page.fill('#n', '8');
    await page.fill('#e', '1000');
    await page.fill('#t', 'x'); // stale badge appears
    assert.deepEqual(await box(), before);
    assertNoProblems(problems);
    await context.close();
  });
});
