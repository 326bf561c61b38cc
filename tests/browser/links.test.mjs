// Shareable links: a copied link reproduces the numbers in a fresh browser;
// bad parameters get a message each and defaults; a price that differs from
// the live table is offered both ways; link text never becomes markup.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { grouped, useCase } from './cases.mjs';
import {
  assertNoProblems, browserForFile, figures, newContext, openCalculator, text, watchedPage,
} from './helpers.mjs';

const SEED = useCase('seed example:');

const env = browserForFile();

async function linkProblems(page) {
  if (await page.isHidden('#link-problems')) return [];
  return page.locator('#link-problems-list li').allTextContents();
}

describe('copy link', () => {
  test('a copied link opened in a new browser context reproduces the numbers and the inputs', async () => {
    const context = await newContext(env.browser, { locale: 'en-US' });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.url('') });
    const { page, problems } = await watchedPage(context);
    await openCalculator(page, env.url('/'));
    await page.fill('#t', '2.75');
    await page.fill('#n', '6');
    await page.selectOption('#bill', '60');
    await page.fill('#d', '3.5');
    await page.fill('#e', '7');
    const shown = await figures(page);
    await page.click('#copy-link');
    await page.waitForFunction(() => document.getElementById('share-status').textContent.length > 0);
    assert.equal(await text(page, '#share-status'), 'Link copied.');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(copied, page.url());
    assert.equal(new URL(copied).search, '?i=a100x4&t=2.75&p=20&n=6&d=3.5&m=1&e=7&bill=60');
    assertNoProblems(problems);
    await context.close();

    const fresh = await newContext(env.browser, { locale: 'en-US' });
    const second = await watchedPage(fresh);
    await openCalculator(second.page, copied);
    assert.deepEqual(await figures(second.page), shown);
    assert.equal(await second.page.inputValue('#t'), '2.75');
    assert.equal(await second.page.inputValue('#n'), '6');
    assert.equal(await second.page.inputValue('#bill'), '60');
    assert.equal(second.page.url(), copied, 'the reopened page writes the same link');
    assert.deepEqual(await linkProblems(second.page), []);
    assert.ok(await second.page.isHidden('#price-banner'));
    assertNoProblems(second.problems);
    await fresh.close();
  });

  test('copying falls back to selecting the link when the clipboard is refused', async () => {
    const { context, page, problems } = await env.openPage('/', { locale: 'en-US' });
    await page.evaluate(() => {
      Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('denied')) } });
      document.execCommand = () => false;
    });
    await page.click('#copy-link');
    await page.waitForFunction(() => document.getElementById('share-status').textContent.length > 0);
    assert.match(await text(page, '#share-status'), /press Ctrl\+C/);
    const selected = await page.evaluate(() => {
      const el = document.activeElement;
      return [el.id, el.readOnly, el.value.substring(el.selectionStart, el.selectionEnd)];
    });
    assert.deepEqual(selected, ['share-url', true, page.url()]);
    assertNoProblems(problems);
    await context.close();
  });

  for (const expected of [useCase('eight GPUs'), useCase('RTX3090 with N left empty'), useCase('six GPUs')]) {
    test(`the link ${expected.link} opens on ${expected.per_epoch_total} / ${expected.total}`, async () => {
      const { context, page, problems } = await env.openPage(`/?${expected.link}`, { locale: 'en-US' });
      const { perEpoch, total } = await figures(page);
      assert.ok(perEpoch.endsWith(grouped(expected.per_epoch_total)), perEpoch);
      assert.ok(total.endsWith(grouped(expected.total)), total);
      assert.equal(new URL(page.url()).search, `?${expected.link}`);
      assert.deepEqual(await linkProblems(page), []);
      assertNoProblems(problems);
      await context.close();
    });
  }
});

describe('malformed links', () => {
  test('?t=abc&n=-1&zz=1 names each bad parameter and still shows the seed estimate', async () => {
    const { context, page, problems } = await env.openPage('/?t=abc&n=-1&zz=1', { locale: 'en-US' });
    assert.ok(await page.isVisible('#link-problems'));
    assert.deepEqual(await linkProblems(page), [
      't: T, hours per epoch is not a number: "abc". Using 1.5 instead.',
      'n: N, number of GPUs cannot be negative: "-1". Using 4 instead.',
      'zz: The link has an unknown parameter "zz"; it was ignored.',
    ]);
    const { perEpoch, total } = await figures(page);
    assert.match(perEpoch, /123\.00$/);
    assert.match(total, /1,230\.00$/);
    assert.equal(new URL(page.url()).search, `?${SEED.link}`, 'the address bar is cleaned up');
    assert.equal(await page.getAttribute('#t', 'aria-invalid'), null, 'the default in the field is valid');
    assertNoProblems(problems);
    await context.close();
  });

  test('a link whose values cannot go together keeps its address, says why, and computes once fixed', async () => {
    // Each value is fine alone; 40 million LoRA parameters on a 709-parameter
    // model is not, and neither is the default adapter count it falls back to.
    const query = '?i=a100x4&fp=709&ft=4e7&ftok=1e8&fm=lora&mfu=0.35&pk=312&e=1';
    const { context, page, problems } = await env.openPage(`/${query}`, { locale: 'en-US' });
    assert.deepEqual(await linkProblems(page), [
      'ft: Trainable (LoRA) parameters (flops): "40000000" is more than the model\'s 709 parameters. Using 3932160 instead.',
    ]);
    assert.equal(await text(page, '#err-ft'),
      'Trainable (LoRA) parameters (flops): "3932160" is more than the model\'s 709 parameters.');
    assert.deepEqual(await figures(page), { perEpoch: '—', total: '—' }, 'no number for values that cannot go together');
    assert.equal(await text(page, '#formula-substituted'), '—', 'nor the first view\'s formula');
    assert.deepEqual(await page.locator('#breakdown-body tr:not([hidden]) .part-epoch').allTextContents(), ['—', '—', '—']);
    await page.waitForTimeout(100); // the address is written in a task after the numbers
    assert.equal(await page.evaluate(() => window.location.search), query, 'the link stays in the address bar');

    await page.fill('#fp', '6.9e9');
    assert.ok(await page.isHidden('#err-ft'));
    assert.match((await figures(page)).perEpoch, /^CN¥\d/);
    await page.waitForFunction(() => window.location.search.includes('fp=6900000000&ft=3932160'));
    assertNoProblems(problems);
    await context.close();
  });

  test('the messages follow the language, and an unknown instance lists the valid ones', async () => {
    const { context, page, problems } = await env.openPage('/?i=h100&t=1,5&e=10&e=11&lang=zh', { locale: 'en-US' });
    assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
    const items = await linkProblems(page);
    assert.equal(items.length, 3, items.join('\n'));
    assert.ok(items.some((i) => i.startsWith('t: ') && i.includes('含有逗号')), items.join('\n'));
    assert.ok(items.some((i) => i.startsWith('e: ') && i.includes('出现多次')), items.join('\n'));
    assert.ok(items.some((i) => i.startsWith('i: ') && i.includes('h100') && i.includes('a100x4, v100x4, rtx3090')), items.join('\n'));
    assert.equal(await page.inputValue('#instance'), 'a100x4');
    assert.equal((await figures(page)).perEpoch, '123.00 元');
    await page.selectOption('#lang', 'en');
    assert.ok((await linkProblems(page)).some((i) => i.includes('is not in the price table')));
    assertNoProblems(problems);
    await context.close();
  });

  test('an unknown language or embed value is reported, never a blank page', async () => {
    const { context, page, problems } = await env.openPage('/?lang=xx&embed=maybe', { locale: 'en-US' });
    const items = await linkProblems(page);
    assert.deepEqual(items, [
      'Unknown language “xx”; showing English.',
      'Unknown embed value “maybe”: use one of: 1, figures.',
    ]);
    assert.match((await figures(page)).perEpoch, /123\.00$/);
    assertNoProblems(problems);
    await context.close();
  });

  test('untrusted text in a link injects no element and runs no script', async () => {
    const payload = '<img src=x onerror=alert(1)>';
    const query = `?i=${encodeURIComponent(payload)}&t=${encodeURIComponent('<script>alert(2)</script>')}`
      + `&${encodeURIComponent('<svg onload=alert(3)>')}=1&lang=${encodeURIComponent('"><b>x</b>')}`;
    const { context, page, problems } = await env.openPage(`/${query}`, { locale: 'en-US' });
    const injected = await page.evaluate(() => ({
      imgs: [...document.images].map((i) => i.getAttribute('src')),
      scripts: [...document.scripts].filter((s) => s.type !== 'application/json').map((s) => s.getAttribute('src')),
      svgs: [...document.querySelectorAll('svg')].filter((s) => !s.classList.contains('bar')).length,
      bold: document.querySelectorAll('b').length,
      handlers: document.querySelectorAll('[onerror], [onload]').length,
    }));
    assert.deepEqual(injected, {
      imgs: ['favicon.svg'], scripts: ['hold.js', 'main.js'], svgs: 0, bold: 0, handlers: 0,
    });
    const items = (await linkProblems(page)).join('\n');
    assert.ok(items.includes(payload), 'the payload is shown as text');
    assert.ok(items.includes('<script>alert(2)</script>'));
    assert.match((await figures(page)).perEpoch, /123\.00$/);
    await page.waitForTimeout(300);
    assertNoProblems(problems); // includes: no alert() dialog
    await context.close();
  });
});

describe('price recorded in the link', () => {
  const LINKED = useCase('seed example at a linked price of 22');

  test('a link whose price differs from the table says so and computes with the link price', async () => {
    const { context, page, problems } = await env.openPage(`/?${LINKED.link}`, { locale: 'en-US' });
    assert.ok(await page.isVisible('#price-banner'));
    assert.equal(await text(page, '#price-banner-text'),
      'This link was made with 22 CNY per GPU-hour; the current table price for A100 x4 is 20 CNY per GPU-hour.');
    assert.match((await figures(page)).perEpoch, /135\.00$/);
    assert.match((await figures(page)).total, /1,350\.00$/);
    assert.equal(await page.inputValue('#p'), '22');
    assertNoProblems(problems);
    await context.close();
  });

  test('"keep the link\'s price" keeps 22', async () => {
    const { context, page, problems } = await env.openPage(`/?${LINKED.link}`, { locale: 'en-US' });
    await page.click('#keep-link-price');
    assert.ok(await page.isHidden('#price-banner'));
    assert.match((await figures(page)).perEpoch, /135\.00$/);
    assert.equal(new URL(page.url()).search, `?${LINKED.link}`);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'p');
    assertNoProblems(problems);
    await context.close();
  });

  test('"use the current price" switches to the table price', async () => {
    const { context, page, problems } = await env.openPage(`/?${LINKED.link}`, { locale: 'en-US' });
    await page.click('#use-table-price');
    assert.ok(await page.isHidden('#price-banner'));
    assert.equal(await page.inputValue('#p'), '');
    assert.match((await figures(page)).perEpoch, /123\.00$/);
    assert.match((await figures(page)).total, /1,230\.00$/);
    assert.equal(new URL(page.url()).search, `?${SEED.link}`);
    assertNoProblems(problems);
    await context.close();
  });

  test('the banner speaks Chinese in a Chinese link', async () => {
    const { context, page, problems } = await env.openPage(`/?${LINKED.link}&lang=zh`, { locale: 'en-US' });
    assert.equal(await text(page, '#price-banner-text'), '此链接使用的单价为 22 元/GPU·时;A100 x4 当前价格表单价为 20 元/GPU·时。');
    assert.equal(await text(page, '#keep-link-price'), '保留链接中的单价(22 元/GPU·时)');
    assertNoProblems(problems);
    await context.close();
  });

  test('a link price equal to the table shows no banner and follows the table', async () => {
    const { context, page, problems } = await env.openPage(`/?${SEED.link}`, { locale: 'en-US' });
    assert.ok(await page.isHidden('#price-banner'));
    assert.equal(await page.inputValue('#p'), '');
    await page.selectOption('#instance', 'v100x4');
    assert.match((await figures(page)).perEpoch, /75\.00$/);
    assertNoProblems(problems);
    await context.close();
  });
});
