// Money in the units people budget in, on the page (docs/money.md): the
// total again in a second currency with its rate, date and source; energy
// and carbon as a line beside the estimate; owned GPUs' P; the link; both
// languages. Figures are worked out in the comments.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertNoProblems, browserForFile, figures, text } from './helpers.mjs';

const env = browserForFile();

const search = async (page) => new URL(await page.evaluate(() => window.location.href)).search;

async function unfold(page) {
  assert.equal(await page.isVisible('#rate'), false, 'folded at first');
  await page.click('#money-details > summary');
  assert.ok(await page.isVisible('#rate'));
}

describe('money', () => {
  test('the seed\'s 1,230.00 CNY at 0.1381 USD per CNY shows 169.86 USD, with its date and source', async () => {
    const { context, page, problems } = await env.openPage('/', { locale: 'en-US' });
    assert.ok(await page.isHidden('#total-converted'));
    await unfold(page);
    await page.selectOption('#cur', 'USD');
    await page.fill('#rate', '0.1381');
    await page.fill('#rdate', '2026-12-01');
    await page.fill('#rsrc', '<b>bank</b> rate');
    assert.equal((await figures(page)).total, 'CN¥1,230.00', 'the table\'s own total is unchanged');
    assert.equal(await text(page, '#total-converted'), '≈ $169.86 at 0.1381 USD per CNY, 2026-12-01, source: <b>bank</b> rate');
    assert.equal(await page.locator('#total-converted b').count(), 0, 'the source is text, never markup');
    assert.match(await search(page), /&cur=USD&rate=0\.1381&rdate=2026-12-01&rsrc=%3Cb%3Ebank%3C%2Fb%3E%20rate$/);
    await page.selectOption('#lang', 'zh');
    assert.match(await text(page, '#total-converted'), /汇率 1 CNY = 0\.1381 USD/);
    assertNoProblems(problems);
    await context.close();
  });

  test('a link with a rate opens to the same conversion; a bad date is refused beside its input', async () => {
    const query = '?i=a100x4&t=1.5&p=20&n=4&d=2&m=1&e=10&cur=USD&rate=0.1381&rdate=2026-12-01';
    const { context, page, problems } = await env.openPage(`/${query}`, { locale: 'en-US' });
    assert.match(await text(page, '#total-converted'), /^≈ \$169\.86 at 0\.1381 USD per CNY, 2026-12-01$/);
    assert.equal(await search(page), query);
    // Every instance's total in the comparison, again in USD (330.00 x 0.1381 = 45.573).
    const converted = await page.locator('#compare-rows tr').evaluateAll((trs) => Object.fromEntries(
      trs.map((tr) => [tr.dataset.instance, tr.querySelector('.converted-line').textContent])));
    assert.deepEqual(converted, { rtx3090: '≈ $45.57', v100x4: '≈ $103.58', a100x4: '≈ $169.86' });
    await page.fill('#rdate', '2026-02-30');
    assert.match(await text(page, '#err-rdate'), /date of the rate/i);
    await page.fill('#rdate', '');
    await page.fill('#rate', '');
    assert.match(await text(page, '#err-rate'), /exchange rate/i);
    assertNoProblems(problems);
    await context.close();
  });

  test('energy: 60 GPU-hours x 400 W x PUE 1.2 = 28.8 kWh, shown beside the estimate and not added', async () => {
    const { context, page, problems } = await env.openPage('/', { locale: 'en-US' });
    await unfold(page);
    await page.fill('#w', '400');
    await page.fill('#pue', '1.2');
    await page.fill('#co2', '0.5');
    await page.fill('#kwhp', '0.8');
    const notes = await text(page, '#notes');
    assert.match(notes, /Energy: 60 GPU-hours × 400 W ÷ 1000 × PUE 1\.2 = 28\.8 kWh\./);
    assert.match(notes, /Carbon: 28\.8 kWh × 0\.5 kg CO₂eq per kWh = 14\.4 kg CO₂eq\./);
    assert.match(notes, /costs about 23\.04 CNY at the stated price; it is shown, not added/);
    assert.equal((await figures(page)).total, 'CN¥1,230.00');
    await page.fill('#pue', '0.9');
    assert.match(await text(page, '#err-pue'), /at least 1/);
    assertNoProblems(problems);
    await context.close();
  });

  test('owned GPUs: P from the purchase price over the service life plus electricity', async () => {
    // 30,000 / (4 x 8,760 h) = 0.856164 + 0.7 kW x 1.25 x 0.8 = 0.7 -> P 1.556164;
    // 10 h x 8 GPUs x 2 epochs = 160 GPU-hours -> 248.99.
    const { context, page, problems } = await env.openPage('/?t=10&n=8&e=2&d=0&m=0&w=700&pue=1.25&kwhp=0.8&buy=30000&life=4',
      { locale: 'en-US' });
    assert.equal((await figures(page)).total, 'CN¥248.99');
    assert.match(await text(page, '#notes'),
      /P for owned GPUs = 30000 ÷ \(4 years × 8,760 h\) = 0\.856164, plus electricity 0\.7: 1\.556164 CNY per GPU-hour\./);
    assert.match(await text(page, '#notes'), /already in P/);
    assert.match(await text(page, '#fact-price'), /^1\.556164383562 [^(]+ \(owned GPUs, purchase price\)$/);
    assertNoProblems(problems);
    await context.close();
  });
});

describe('money: tables of different currencies', () => {
  test('Ciuic (CNY) and DeepSeek-V3 (USD) are refused without a rate and ranked with one', async () => {
    // 10 h on 8 GPUs: RTX3090 400 CNY, V100 960 CNY, A100 1,600 CNY, H800 160 USD.
    const { context, page, problems } = await env.openPage('/?i=a100x4&t=10&n=8&e=1&d=0&m=0', { locale: 'en-US' });
    await page.click('#rank-tables');
    await page.waitForFunction(() => /ranked/.test(document.getElementById('tables-note').textContent));
    assert.match(await text(page, '#tables-note'), /priced in CNY, USD: they cannot be ranked together without an exchange rate/);
    assert.ok(await page.isHidden('#tables-box'));
    await page.click('#money-details > summary');
    await page.selectOption('#cur', 'USD');
    await page.fill('#rate', '0.1381');
    await page.waitForSelector('#tables-box:not([hidden])');
    assert.equal(await text(page, '#ranked-column'), 'Total in USD');
    const ranked = await page.$$eval('#tables-rows tr', (rows) => rows.map((r) => [...r.cells].map((c) => c.textContent)));
    assert.deepEqual(ranked.map((r) => r[3]), ['$55.24 Cheapest', '$132.58', '$160.00', '$220.96']);
    assert.deepEqual(ranked.map((r) => r[2]), ['CN¥400.00', 'CN¥960.00', '$160.00', 'CN¥1,600.00']);
    assert.match(ranked[2][0], /DeepSeek-V3/);
    // A rate of 0.5 USD per CNY puts the H800 first.
    await page.fill('#rate', '0.5');
    assert.match(await text(page, '#tables-rows tr:first-child'), /H800/);
    await page.selectOption('#lang', 'zh');
    assert.equal(await text(page, '#ranked-column'), '以 USD 计总计');
    assertNoProblems(problems);
    await context.close();
  });
});
