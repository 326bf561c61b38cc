// The form's opening sentence says what is on screen, in both languages: the
// worked example on the seed view (in the built HTML and after main.js and
// the engine alike), a link's own inputs on a link that holds another
// configuration (never "Starts on the worked example"), even when the
// engine fails to load, and the reader's own inputs once they differ.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { STRINGS } from '../../web/i18n.js';
import { useCase } from './cases.mjs';
import { assertNoProblems, browserForFile, newContext, openCalculator, text, watchedPage } from './helpers.mjs';

const SEED = useCase('seed example:');
const RTX3090 = 'i=rtx3090&t=30&p=5&n=1&d=0&m=0&e=3';
const env = browserForFile();

const LANGS = { en: 'en-US', zh: 'zh-CN' };
const note = (page) => text(page, '#opening-note');

/** Words that claim the seed's worked example, in either language. */
const CLAIMS_EXAMPLE = /worked example|DeepSeek-7B|原文案例/;

async function open(pathAndQuery, locale) {
  const context = await newContext(env.browser, { locale });
  const { page, problems } = await watchedPage(context);
  await openCalculator(page, env.url(pathAndQuery));
  return { context, page, problems };
}

describe('the opening sentence', () => {
  test('the built HTML says the worked example, as main.js and the engine do after loading', async () => {
    const off = await newContext(env.browser, { javaScriptEnabled: false });
    const still = await off.newPage();
    await still.route('**/noscript.css', (route) => route.abort()); // to read what the HTML holds
    await still.goto(env.url('/'));
    const built = await note(still);
    await off.close();
    assert.equal(built, STRINGS.en.exampleNote);

    const { context, page, problems } = await open('/', 'en-US');
    assert.equal(await note(page), built, 'the same sentence once loaded');
    assertNoProblems(problems);
    await context.close();
  });

  for (const [lang, locale] of Object.entries(LANGS)) {
    test(`${lang}: the seed view and the example's own link say the worked example`, async () => {
      for (const query of ['/', `/?${SEED.link}`, `/?${SEED.link}&lang=${lang}`]) {
        const { context, page, problems } = await open(query, locale);
        assert.equal(await note(page), STRINGS[lang].exampleNote, query);
        assert.ok(await page.isVisible('#opening-note'));
        assertNoProblems(problems);
        await context.close();
      }
    });

    test(`${lang}: a link (other than the example's own address) says it is the link's, not the example`, async () => {
      for (const query of [RTX3090, SEED.link.replace('e=10', 'e=3'), `${SEED.link}&prices=prices/deepseek-v3.json`, 'ts=50&tsec=120&tspe=1000&i=v100x4',
        // Damaged: its bad values fall back to the example's; it is still a link's.
        't=abc&n=-1',
        // The example's values in another order.
        'e=10&m=1&d=2&n=4&p=20&t=1.5&i=a100x4']) {
        const { context, page, problems } = await open(`/?${query}`, locale);
        const said = await note(page);
        assert.equal(said, STRINGS[lang].linkNote, query);
        assert.doesNotMatch(said, CLAIMS_EXAMPLE, query);
        assertNoProblems(problems);
        await context.close();
      }
    });

    test(`${lang}: edited, it says the inputs are the reader's; back to the example, the example`, async () => {
      const { context, page, problems } = await open('/', locale);
      await page.fill('#t', '2');
      assert.equal(await note(page), STRINGS[lang].ownNote);
      await page.fill('#t', '1.5');
      assert.equal(await note(page), STRINGS[lang].exampleNote);
      assertNoProblems(problems);
      await context.close();

      const linked = await open(`/?${RTX3090}`, locale);
      await linked.page.fill('#e', '4');
      assert.equal(await note(linked.page), STRINGS[lang].ownNote, 'an edited link is the reader\'s own');
      assertNoProblems(linked.problems);
      await linked.context.close();
    });
  }

  test('switching the language keeps the sentence that fits, on the seed view and on a link', async () => {
    const { context, page, problems } = await open(`/?${RTX3090}`, 'en-US');
    await page.selectOption('#lang', 'zh');
    assert.equal(await note(page), STRINGS.zh.linkNote);
    await page.selectOption('#lang', 'en');
    assert.equal(await note(page), STRINGS.en.linkNote);
    assertNoProblems(problems);
    await context.close();
  });

  test('a link whose engine never loads does not claim the example either', async () => {
    const context = await newContext(env.browser, { locale: 'zh-CN' });
    const page = await context.newPage();
    await page.route('**/engine/**', (route) => route.abort());
    await page.goto(env.url(`/?${RTX3090}`));
    await page.waitForSelector('#load-error:not([hidden])');
    assert.equal(await note(page), STRINGS.zh.linkNote);
    assert.ok(await page.isVisible('#opening-note'));
    await context.close();
  });
});
