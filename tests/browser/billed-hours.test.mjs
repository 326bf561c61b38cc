// The hours a run really bills, on the page: overheads in the breakdown and
// the formula, spot beside on-demand, scaling in the comparison, a range as
// a band on the total and the chart, the link, both languages and a phone.
// Figures are worked out in the comments (docs/billed-hours.md).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertNoProblems, browserForFile, figures, text } from './helpers.mjs';

const env = browserForFile();

const search = async (page) => new URL(await page.evaluate(() => window.location.href)).search;

/** The billed-hours inputs are folded until opened (or filled by a link). */
async function unfold(page) {
  assert.equal(await page.isVisible('#osu'), false, 'folded at first');
  await page.click('#hours-details > summary');
  assert.ok(await page.isVisible('#osu'));
}

describe('billed hours', () => {
  test('overheads: evaluation and saves in every epoch, start-up once, the parts adding up', async () => {
    const { context, page, problems } = await env.openPage('/', { locale: 'en-US' });
    assert.ok(await page.isHidden('tr[data-part="eval"]'), 'no overhead rows for the seed');
    await unfold(page);
    await page.fill('#osu', '0.5');
    await page.fill('#oev', '0.1');
    await page.fill('#ocm', '3');
    await page.fill('#ocn', '2');
    // Per epoch (1.5 + 0.1 + 0.1) h x 20 x 4 + 2 + 1 = 139; total 1,390 + 0.5 h x 80 = 1,430.
    const { perEpoch, total } = await figures(page);
    assert.equal(perEpoch, 'CN¥139.00');
    assert.equal(total, 'CN¥1,430.00');
    assert.equal(await text(page, 'tr[data-part="eval"] .part-epoch'), '8.00');
    assert.equal(await text(page, 'tr[data-part="checkpoint"] .part-total'), '80.00');
    assert.equal(await text(page, 'tr[data-part="startup"] .part-epoch'), '—');
    assert.equal(await text(page, 'tr[data-part="startup"] .part-total'), '40.00');
    assert.equal(await text(page, '#formula-parts'), '139.00 × 10 epoch + 40.00 = 1,430.00 CNY');
    // The overheads come last in the link, after the page's other inputs.
    assert.match(await search(page), /^\?i=a100x4&t=1\.5&.*&e=10&osu=0\.5&oev=0\.1&ocm=3&ocn=2$/);
    assertNoProblems(problems);
    await context.close();
  });

  test('spot: 10 h at 0.15 interruptions per hour, 0.5 h interval, 0.1 h restart bills 10.525 h; 336.80 at 8', async () => {
    const { context, page, problems } = await env.openPage('/?t=10&p=20&n=4&e=1&d=0&m=0', { locale: 'en-US' });
    assert.ok(await page.isHidden('#spot-block'));
    await unfold(page);
    await page.fill('#spp', '8');
    await page.fill('#spl', '0.15');
    await page.fill('#spi', '0.5');
    await page.fill('#spr', '0.1');
    assert.ok(await page.isVisible('#spot-block'));
    assert.equal(await text(page, '#spot-hours'), '10.525 h');
    assert.equal(await text(page, '#spot-total'), 'CN¥336.80');
    assert.equal(await text(page, '#spot-od-total'), 'CN¥800.00');
    assert.equal(await text(page, '#spot-saving'), 'Spot saves CN¥463.20 (57.9%).');
    assert.match(await text(page, '#spot-formula'), /^Billed hours = 10 h × \(1 \+ 0\.15 × \(0\.5 h ÷ 2 \+ 0\.1 h\)\) = 10\.525 h/);
    // The on-demand figures are unchanged.
    assert.equal((await figures(page)).total, 'CN¥800.00');
    assertNoProblems(problems);
    await context.close();
  });

  test('spot: a rate of 1 per hour and an interval longer than the run are refused beside their inputs', async () => {
    const { context, page, problems } = await env.openPage('/', { locale: 'en-US' });
    await unfold(page);
    await page.fill('#spp', '8');
    await page.fill('#spl', '1');
    assert.match(await text(page, '#err-spl'), /must be below 1/);
    assert.equal(await page.getAttribute('#spl', 'aria-invalid'), 'true');
    await page.fill('#spl', '0.1');
    await page.fill('#spi', '20');
    // The seed runs 15 h.
    assert.match(await text(page, '#err-spi'), /longer than the whole run \(15 hours\)/);
    await page.fill('#spi', '');
    // No interval and no checkpoints: the whole run, with a warning.
    assert.match(await text(page, '#notes'), /No checkpointing/);
    await page.selectOption('#lang', 'zh');
    assert.match(await text(page, '#notes'), /未设置检查点/);
    assert.equal(await text(page, '#spot-title'), '竞价与按需对比');
    assertNoProblems(problems);
    await context.close();
  });

  test('a link with the new inputs opens to the same figures', async () => {
    const query = '?i=a100x4&t=1.5&p=20&n=4&d=2&m=1&e=10&osu=0.5&oev=0.1&ocm=3&ocn=2&spp=8&spl=0.15&spi=0.5&spr=0.1';
    const { context, page, problems } = await env.openPage(`/${query}`, { locale: 'en-US' });
    assert.equal((await figures(page)).total, 'CN¥1,430.00');
    assert.equal(await page.inputValue('#spl'), '0.15');
    assert.ok(await page.isVisible('#spl'), 'a link that fills them unfolds the inputs');
    assert.ok(await page.isVisible('#spot-block'));
    assert.equal(await search(page), query);
    assertNoProblems(problems);
    await context.close();
  });

  test('scaling and a throughput range: T grows past one instance, the band shows on the total and the chart', async () => {
    // 1e9 tokens at 380 tokens/s/GPU on 8 GPUs (2 instances): linear T = 91.37 h;
    // keeping 0.9 per doubling, T = 101.52 h.
    const { context, page, problems } = await env.openPage(
      '/?i=a100x4&tok=1000000000&tps=380&p=20&n=8&e=1&d=0&m=0&rtp=10', { locale: 'en-US' });
    const linear = (await figures(page)).total;
    assert.ok(await page.isVisible('#total-range'));
    assert.match(await text(page, '#total-range'), /^Range CN¥[\d,.]+ – CN¥[\d,.]+$/);
    await unfold(page);
    await page.fill('#sce', '0.9');
    const scaled = (await figures(page)).total;
    assert.notEqual(scaled, linear);
    assert.match(await text(page, '#notes'), /2 instances keep 90% of linear throughput/);
    // The comparison's bars carry the band: pale to the high estimate, dark to the low.
    assert.ok(await page.locator('#compare-chart .bar-high').count() > 0);
    assert.ok(await page.locator('#compare-chart .bar-low').count() > 0);
    assert.match(await text(page, '#compare-note'), /Pale bars reach the high estimate/);
    assert.match(await search(page), /&sce=0\.9&rtp=10$/);
    // Efficiency above 1 and 0 are refused, naming the input; an error
    // unfolds a folded section.
    await page.click('#hours-details > summary');
    assert.equal(await page.isVisible('#sce'), false);
    await page.$eval('#sce', (input) => {
      input.value = '1.5';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    assert.ok(await page.isVisible('#err-sce'), 'the error unfolded its section');
    assert.match(await text(page, '#err-sce'), /Scaling efficiency per doubling of instances is above the maximum of 1/);
    await page.fill('#sce', '0');
    assert.match(await text(page, '#err-sce'), /must be greater than zero/);
    assertNoProblems(problems);
    await context.close();
  });

  test('on a phone the billed-hours inputs fit the width', async () => {
    const { context, page, problems } = await env.openPage('/', { locale: 'zh-CN', viewport: { width: 375, height: 740 } });
    await unfold(page);
    const overflow = await page.evaluate(() => {
      const box = document.getElementById('hours').getBoundingClientRect();
      return box.right > window.innerWidth || document.documentElement.scrollWidth > window.innerWidth;
    });
    assert.equal(overflow, false);
    assert.equal(await text(page, 'label[for="spl"]'), '每小时中断次数(λ)');
    assertNoProblems(problems);
    await context.close();
  });
});
