// A shared link in a chat: the preview a chat app reads (the static HTML and
// its image) holds no cost figure a link could contradict; once the page has
// computed, the tab's title holds the link's own figures; "Copy for chat"
// copies the same text as the CLI's --format chat for the same configuration,
// in both languages. The configurations are drawn at random on each run (the
// native CLI is the oracle), so that no list of links can be special-cased.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';
import {
  assertNoProblems, browserForFile, newContext, openCalculator, text, watchedPage,
} from './helpers.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = path.join(root, 'build/native/cli/epochcost');
const PRICES = path.join(root, 'web/prices/ciuic.json');
const env = browserForFile();

const pick = (list) => list[Math.floor(Math.random() * list.length)];
const between = (low, high) => low + Math.floor(Math.random() * (high - low + 1));

/** A random configuration, as a link's query and as the CLI's configuration. */
function randomCase() {
  const instance = pick(['a100x4', 'v100x4', 'rtx3090']);
  const values = {
    instance,
    hours_per_epoch: `${between(1, 400)}.${between(0, 99)}`,
    gpus: String(between(1, 16)),
    data_cost_per_epoch: String(between(0, 50)),
    ops_cost_per_epoch: `${between(0, 9)}.5`,
    epochs: String(pick([1, between(2, 40)])),
  };
  const query = `?i=${instance}&t=${values.hours_per_epoch}&n=${values.gpus}&d=${values.data_cost_per_epoch}`
    + `&m=${values.ops_cost_per_epoch}&e=${values.epochs}`;
  return { values, query };
}

function cli(values, args, extraEnv = {}) {
  return execFileSync(CLI, ['--prices', PRICES, '--config', '-', ...args], {
    input: JSON.stringify(values), encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8', ...extraEnv },
  });
}

/** The head's texts a chat preview shows: title, descriptions, image alternatives. */
function previewTexts(html) {
  const head = html.slice(0, html.indexOf('</head>'));
  const texts = [head.match(/<title>([^<]*)<\/title>/)[1]];
  for (const [, name, content] of head.matchAll(/<meta (?:name|property)="([^"]+)" content="([^"]*)"/g)) {
    if (/description|title|image:alt/.test(name)) texts.push(content);
  }
  return texts;
}

describe('chat previews', () => {
  test('the static HTML a chat reads holds no cost figure, for a plain opening and for links', async () => {
    const { query } = randomCase();
    for (const address of ['/', `/${query}`, `/${query}&lang=zh`]) {
      const response = await fetch(env.url(address));
      const texts = previewTexts(await response.text());
      assert.ok(texts.length >= 7, texts.join(' | '));
      for (const t of texts) {
        // The formula's letters and what the tool does, never a number.
        assert.doesNotMatch(t, /\d/, `${address}: "${t}" quotes a figure`);
      }
      assert.ok(texts.some((t) => t.includes('T × P × N + D + M')), 'the formula is stated');
      assert.ok(texts.some((t) => /[\u4e00-\u9fff]/.test(t)), 'in Chinese too');
    }
    // og-image.png is a screenshot of this card (tests/browser/tools/make-og-image.mjs).
    const card = readFileSync(path.join(root, 'tests/browser/tools/og-card.html'), 'utf8');
    const shown = card.slice(card.indexOf('<body>')).replace(/<!--[\s\S]*?-->/g, '').replace(/<[^>]+>/g, ' ');
    assert.doesNotMatch(shown, /\d/, 'the preview image quotes no figure');
  });

  for (const [reader, locale, langParam] of [['English', 'en-US', ''], ['Chinese', 'zh-CN', '&lang=zh']]) {
    test(`once computed, the title holds the link's figures (${reader}, three random links)`, async () => {
      const context = await newContext(env.browser, { locale });
      const { page, problems } = await watchedPage(context);
      for (let i = 0; i < 3; i++) {
        const { values, query } = randomCase();
        const expected = JSON.parse(cli(values, ['--json']));
        await openCalculator(page, env.url(`/${query}${langParam}`));
        const perEpoch = await text(page, '#per-epoch');
        const total = await text(page, '#total');
        await page.waitForFunction(([a, b]) => document.title.includes(a) && document.title.includes(b), [perEpoch, total]);
        const title = await page.title();
        const digits = (s) => s.replace(/,/g, '');
        assert.ok(digits(title).includes(expected.per_epoch.total), `${query}: ${title} (CLI ${expected.per_epoch.total})`);
        assert.ok(digits(title).includes(expected.total), `${query}: ${title} (CLI ${expected.total})`);
        assert.match(title, reader === 'Chinese' ? /每 epoch .*合计/ : / per epoch, .* for \d+ epochs? /);
        // The tab shows the page's name too, and the static title is kept for a chat's preview.
        assert.match(title, /epochcost$/);
      }
      // An input with an error: the figures on screen are not the inputs', nor is the title.
      await page.fill('#t', '-1');
      await page.waitForFunction(() => !/\d/.test(document.title));
      assertNoProblems(problems);
      await context.close();
    });
  }
});

describe('copy for chat', () => {
  for (const [reader, locale, langParam, cliLang] of [
    ['English', 'en-US', '', []],
    ['Chinese', 'zh-CN', '&lang=zh', ['--lang', 'zh']],
  ]) {
    test(`copies the CLI's --format chat text for the same configuration (${reader}, random links)`, async () => {
      const context = await newContext(env.browser, { locale });
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.url('') });
      const { page, problems } = await watchedPage(context);
      for (let i = 0; i < 3; i++) {
        const { values, query } = randomCase();
        await openCalculator(page, env.url(`/${query}${langParam}`));
        await page.click('#copy-chat');
        await page.waitForFunction(() => document.getElementById('share-status').textContent.length > 0);
        assert.equal(await text(page, '#share-status'), reader === 'Chinese' ? '消息已复制,可粘贴到聊天中。' : 'Message copied: paste it into a chat.');
        const copied = await page.evaluate(() => navigator.clipboard.readText());
        const expected = cli(values, ['--format', 'chat', '--site', env.url('/'), ...cliLang]);
        assert.equal(copied, expected, query);
        // Its link is the one "Copy link" gives, and it reopens the same figures.
        const lines = copied.trimEnd().split('\n');
        assert.equal(lines.at(-1), await page.inputValue('#share-url'));
        const json = JSON.parse(cli(values, ['--json']));
        assert.ok(copied.replace(/,/g, '').includes(json.per_epoch.total) && copied.replace(/,/g, '').includes(json.total));
        await page.evaluate(() => { document.getElementById('share-status').textContent = ''; });
      }
      assertNoProblems(problems);
      await context.close();
    });
  }

  test('follows the inputs as edited, and refuses while an input has an error', async () => {
    const context = await newContext(env.browser, { locale: 'en-US' });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.url('') });
    const { page, problems } = await watchedPage(context);
    // The seed example's values, as a link without a model (a plain opening now names one).
    await openCalculator(page, env.url('/?i=a100x4&t=1.5&n=4&d=2&m=1&e=10'));
    await page.fill('#e', '3');
    await page.fill('#n', '8');
    await page.click('#copy-chat');
    await page.waitForFunction(() => document.getElementById('share-status').textContent.length > 0);
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const config = { instance: 'a100x4', hours_per_epoch: '1.5', gpus: '8', data_cost_per_epoch: '2', ops_cost_per_epoch: '1', epochs: '3' };
    assert.equal(copied, cli(config, ['--format', 'chat', '--site', env.url('/')]));
    assert.match(copied, /N = 8 GPUs, 3 epochs\n/);
    await page.fill('#n', '-2');
    await page.evaluate(() => { document.getElementById('share-status').textContent = ''; });
    await page.click('#copy-chat');
    await page.waitForFunction(() => document.getElementById('share-status').textContent.length > 0);
    assert.equal(await text(page, '#share-status'), 'Correct the marked inputs first: the message would not match them.');
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), copied, 'the clipboard is left alone');
    assertNoProblems(problems);
    await context.close();
  });

  test('falls back to showing the message selected when the clipboard is refused', async () => {
    const { context, page, problems } = await env.openPage('/?i=v100x4&t=2&n=4&e=5&lang=zh', { locale: 'en-US' });
    await page.evaluate(() => {
      Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('denied')) } });
      document.execCommand = () => false;
    });
    await page.click('#copy-chat');
    await page.waitForFunction(() => document.getElementById('share-status').textContent.length > 0);
    assert.equal(await text(page, '#share-status'), '此处无法自动复制:消息已选中,请按 Ctrl+C(⌘C)复制。');
    const field = await page.evaluate(() => {
      const el = document.getElementById('chat-message');
      return { hidden: el.hidden, value: el.value, selected: el.selectionEnd - el.selectionStart, focused: document.activeElement === el };
    });
    assert.equal(field.hidden, false);
    assert.ok(field.value.startsWith('训练成本估算'), field.value);
    assert.equal(field.selected, field.value.length);
    assert.ok(field.focused);
    assertNoProblems(problems);
    await context.close();
  });
});
