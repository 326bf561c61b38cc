// Estimating and planning on the page: the ways of getting T (with the derivation shown),
// memory fit, the comparison of every instance, links that round-trip each
// way, another price table in another currency, export and planning
// backwards. Figures are worked out in the comments.
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, test } from 'node:test';
import {
  assertNoProblems, barShares, browserForFile, figures, newContext, openCalculator, REPO, screenshot, text, watchedPage,
} from './helpers.mjs';

const env = browserForFile();

/** Chooses a way of getting T the way a user does: a click on its segment. */
async function chooseWay(page, way) {
  await page.click(`label[for="way-${way}"]`);
  assert.equal(await page.isChecked(`#way-${way}`), true);
}

/** The address as the page wrote it (page.url() may lag a history.replaceState). */
const address = (page) => page.evaluate(() => window.location.href);
const search = async (page) => new URL(await address(page)).search;

async function compareRows(page) {
  return page.locator('#compare-rows tr').evaluateAll((trs) => trs.map((tr) => ({
    instance: tr.dataset.instance,
    cheapest: tr.classList.contains('is-cheapest'),
    cells: [...tr.querySelectorAll('td')].map((td) => td.textContent.trim()),
  })));
}

describe('ways of getting T', () => {
  test('a trial run of 50 steps in 120 s with 1,000 steps per epoch gives T = 0.666667 h', async () => {
    const { context, page, problems } = await env.openPage('/', { locale: 'en-US' });
    assert.ok(await page.isHidden('#t-derived'), 'no derivation for a T given directly');
    await chooseWay(page, 'trial');
    assert.ok(await page.isHidden('#t'), 'the direct T is hidden');
    await page.fill('#ts', '50');
    await page.fill('#tsec', '120');
    await page.fill('#tspe', '1000');
    // T = 120 s / 50 steps x 1000 steps = 2400 s = 2/3 h, shown to six decimals.
    assert.equal(await text(page, '#t-derived'), 'T = 120 s ÷ 50 steps × 1,000 steps = 0.666667 h');
    // Per epoch: 2/3 h x 20 x 4 GPUs = 53.33 (rounded once) + 2 + 1 = 56.33; x 10 = 563.33.
    const { perEpoch, total } = await figures(page);
    assert.equal(perEpoch, 'CN¥56.33');
    assert.equal(total, 'CN¥563.33');
    assert.equal(await search(page), '?i=a100x4&ts=50&tsec=120&tspe=1000&p=20&n=4&d=2&m=1&e=10');

    // Steps per epoch from 52,002 samples in batches of 32: ceil(1625.06) = 1626 steps;
    // T = 120 / 50 x 1626 / 3600 = 1.084 h exactly.
    await page.click('label[for="trial-mode-samples"]');
    assert.ok(await page.isHidden('#tspe'));
    await page.fill('#tn', '52002');
    await page.fill('#tb', '32');
    assert.equal(await text(page, '#t-derived'),
      'Steps per epoch = ⌈52,002 ÷ 32⌉ = 1,626; T = 120 s ÷ 50 steps × 1,626 steps = 1.084 h');
    assert.equal(await search(page), '?i=a100x4&ts=50&tsec=120&tn=52002&tb=32&p=20&n=4&d=2&m=1&e=10');

    await chooseWay(page, 'direct');
    assert.equal(await page.inputValue('#t'), '1.5', 'switching back keeps T');
    assert.equal((await figures(page)).perEpoch, 'CN¥123.00');
    assertNoProblems(problems);
    await context.close();
  });

  test('throughput reproduces the LLaMA-65B figure: 1.4e12 tokens at 380 tokens/s on 2,048 GPUs is 1,023,391.81 GPU-hours', async () => {
    const { context, page, problems } = await env.openPage('/', { locale: 'en-US' });
    await chooseWay(page, 'throughput');
    await page.fill('#tok', '1.4e12');
    await page.fill('#tps', '380');
    await page.fill('#n', '2048');
    await page.fill('#p', '2'); // a custom price: the paper states none
    await page.fill('#e', '1');
    // 1.4e12 / 380 / 3600 = 1,023,391.812865 GPU-hours (the paper reports 1,022,362: 0.1 % apart);
    // T = 1.4e12 / (380 x 2048) / 3600 = 499.7030338 h.
    assert.match(await text(page, '#fact-gpu-hours'), /^1,023,391\.81\d* GPU-hours$/);
    assert.equal(await text(page, '#t-derived'), 'T = 1.4 × 10¹² tokens ÷ (380 tokens/s × 2,048 GPUs) = 499.703034 h');
    // Compute 2,046,783.63 at 2 per GPU-hour, plus D 2 and M 1.
    assert.equal((await figures(page)).perEpoch, 'CN¥2,046,786.63');
    assert.equal(await search(page), '?i=a100x4&tok=1400000000000&tps=380&p=2&n=2048&d=2&m=1&e=1');
    assertNoProblems(problems);
    await context.close();
  });

  test('the FLOPs model: counts given or from a model, MFU and the table peak, and memory fit', async () => {
    const { context, page, problems } = await env.openPage('/', { locale: 'en-US' });
    await chooseWay(page, 'flops');
    // The seed's model, DeepSeek-LLM 7B: its config.json's count and its default LoRA adapters.
    assert.equal(await page.inputValue('#model'), '');
    assert.equal(await page.inputValue('#fp'), '6910365696');
    assert.equal(await page.inputValue('#ft'), '3932160');
    assert.equal(await page.inputValue('#mfu'), '0.35');
    assert.match(await text(page, '#hint-mfu'), /0\.35.*46\.2 % of PaLM.*20–30 %/);
    assert.equal(await page.getAttribute('#pk', 'placeholder'), '312');
    assert.match(await text(page, '#hint-pk'), /312 TFLOPS for the A100 from the price table\. Source: NVIDIA A100/);

    // 1e8 tokens: 4 x 6,910,365,696 x 1e8 + 6 x 3,932,160 x 1e8 = 2.7665055744e18 FLOPs;
    // T = 2.7665055744e18 / (4 x 312e12 x 0.35) / 3600 = 1.759326 h.
    assert.equal(await text(page, '#t-derived'),
      'FLOPs per epoch = 4 × 6.910365696 × 10⁹ × 10⁸ + 6 × 3.93216 × 10⁶ × 10⁸ = 2.7665055744 × 10¹⁸'
      + 'T = 2.7665055744 × 10¹⁸ FLOPs ÷ (4 GPUs × 312 TFLOPS × MFU 0.35) = 1.759326 h');
    // Memory from the counts alone: 2 bytes per frozen parameter, 16 per adapter, 2 GB of CUDA
    // context; no shape, so no activations (and the page says so).
    assert.ok(await page.isVisible('#memory-block'));
    assert.equal(await text(page, '#memory-badge'), 'Fits');
    assert.equal(await text(page, '#memory-text'), 'About 15.88 GB needed per GPU; the A100 has 40 GB.');
    assert.match(await text(page, '#memory-parts'), /Activations: not counted/);

    // A digit too many makes the adapter larger than the model: refused under its field.
    await page.fill('#ft', '6.9e10');
    assert.equal(await text(page, '#err-ft'),
      'Trainable (LoRA) parameters (flops): "69000000000" is more than the model\'s 6910365696 parameters.');
    assert.equal(await page.getAttribute('#ft', 'aria-invalid'), 'true');
    await page.selectOption('#lang', 'zh');
    assert.match(await text(page, '#err-ft'), /“69000000000”多于模型参数量 6910365696。$/);
    await page.selectOption('#lang', 'en');
    await page.fill('#ft', '4.2e6');
    assert.ok(await page.isHidden('#err-ft'));

    // A model beside counts of one's own is a conflict, said under the count.
    await page.selectOption('#model', 'llama-2-7b');
    assert.match(await text(page, '#err-fp'), /conflicts/);
    await page.fill('#fp', '');
    await page.fill('#ft', '');
    assert.match(await text(page, '#t-derived'), /^FLOPs per epoch = 4 × 6\.738415616 × 10⁹ × 10⁸ \+ 6 × 4\.194304 × 10⁶ × 10⁸/);
    await page.selectOption('#model', '');

    // Full fine-tuning of 67e9 parameters without sharding: 16 bytes each on every GPU.
    await page.fill('#fp', '67e9');
    await page.selectOption('#tm', 'full');
    assert.ok(await page.isHidden('#ft'), 'no adapter count for full fine-tuning');
    assert.equal(await text(page, '#memory-badge'), 'Does not fit');
    assert.equal(await text(page, '#memory-text'), 'About 1,074 GB needed per GPU; the A100 has 40 GB.');
    const notes = await page.locator('#notes li').evaluateAll((lis) => lis.map((li) => li.dataset.code));
    assert.ok(notes.includes('memory_does_not_fit'), notes.join());
    assert.match(await text(page, '#t-derived'), /^FLOPs per epoch = 6 × 6\.7 × 10¹⁰ × 10⁸ = 4\.02 × 10¹⁹/);
    await page.fill('#pk', '156');
    assert.match(await text(page, '#t-derived'), /× 156 TFLOPS ×/);
    assert.match(await search(page), /&fp=67000000000&ftok=100000000&mfu=0\.35&pk=156&tm=full&/);
    await screenshot(page, 'flops-en.png');
    assertNoProblems(problems);
    await context.close();
  });

  test('the memory per GPU: a preset, the training setup, the changes that would fit, and config.json', async () => {
    const { context, page, problems } = await env.openPage('/', { locale: 'en-US' });
    // The seed view checks no memory until a model is chosen.
    assert.ok(await page.isHidden('#memory-block'));
    // DeepSeek-LLM 7B, LoRA (the default), on the A100 (40 GB): fits, with every part shown.
    await page.selectOption('#model', 'deepseek-llm-7b-base');
    assert.equal(await text(page, '#memory-badge'), 'Fits');
    assert.match(await text(page, '#memory-parts'), /Weights: 13\.83 GB.*Activations: 9\.4 GB.*CUDA context and kernels: 2 GB/s);
    // Full fine-tuning without sharding does not fit; the page says which single changes would.
    await page.selectOption('#tm', 'full');
    assert.equal(await text(page, '#memory-badge'), 'Does not fit');
    assert.match(await text(page, '#memory-changes'), /^Would fit with: ZeRO stage 3 \(39\.04 GB\); LoRA \(25\.28 GB\); QLoRA \(16\.27 GB\)\.$/);
    await page.selectOption('#zero', '3');
    assert.equal(await text(page, '#memory-badge'), 'Tight');
    assert.match(await search(page), /&t=1\.5&model=deepseek-llm-7b-base&tm=full&zero=3&p=20&/);
    await page.selectOption('#lang', 'zh');
    assert.equal(await text(page, '#memory-badge'), '紧张');
    assert.match(await text(page, '#memory-parts'), /权重/);
    await page.selectOption('#lang', 'en');

    // A config.json from the device: its shape fills the inputs and the count follows.
    await page.setInputFiles('#model-file', path.join(REPO, 'tests/fixtures/model_configs/llama-3.1-8b.json'));
    await page.waitForFunction(() => document.getElementById('layers').value === '32');
    assert.equal(await page.inputValue('#model'), '');
    assert.equal(await page.inputValue('#kv'), '8');
    assert.equal(await page.inputValue('#vocab'), '128256');
    assert.match(await search(page), /&layers=32&hid=4096&ffn=14336&heads=32&kv=8&vocab=128256&tm=full&zero=3&/);
    // A file that is no model the calculator can count: a message naming the key, nothing changed.
    await page.setInputFiles('#model-file', {
      name: 'config.json', mimeType: 'application/json',
      buffer: Buffer.from('{"architectures": ["MixtralForCausalLM"], "num_local_experts": 8, "hidden_size": 4096}'),
    });
    await page.waitForFunction(() => !document.getElementById('err-model-file').hidden);
    assert.match(await text(page, '#err-model-file'), /MixtralForCausalLM/);
    assert.equal(await page.inputValue('#layers'), '32');
    await screenshot(page, 'memory-en.png');
    assertNoProblems(problems);
    await context.close();
  });

  test('the way switch works with the keyboard: arrow keys move between the ways', async () => {
    const { context, page, problems } = await env.openPage('/', { locale: 'en-US' });
    await page.focus('#way-direct');
    await page.keyboard.press('ArrowRight');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'way-trial');
    assert.ok(await page.isChecked('#way-trial'));
    assert.ok(await page.isVisible('#ts'));
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'ts', 'Tab goes on into the way\'s inputs');
    assert.match(await text(page, '#t-derived'), /^T = 120 s ÷ 50 steps/);
    const labels = await page.evaluate(() => [...document.querySelectorAll('#calc input, #calc select')]
      .filter((el) => !el.labels || el.labels.length === 0).map((el) => el.id));
    assert.deepEqual(labels, [], 'every input has a label');
    assertNoProblems(problems);
    await context.close();
  });
});

describe('the inputs shown', () => {
  /** The ids of the form's inputs that a reader can see (their field and panel shown). */
  const shownInputs = (page) => page.locator('#calc .field input, #calc .field select').evaluateAll(
    (els) => els.filter((el) => el.id && el.checkVisibility()).map((el) => el.id),
  );

  test('follow each choice as the engine decides: the way, the trial\'s steps, the method and a preset', async () => {
    const { context, page, problems } = await env.openPage('/', { locale: 'en-US' });
    let shown = await shownInputs(page);
    assert.ok(shown.includes('t') && !shown.includes('ts') && !shown.includes('ftok'), shown.join());
    // LoRA by default: its rank and the shape inputs of a model of one's own.
    assert.ok(shown.includes('rank') && shown.includes('hid'), shown.join());

    await chooseWay(page, 'trial');
    shown = await shownInputs(page);
    assert.ok(!shown.includes('t') && shown.includes('ts') && shown.includes('tspe') && !shown.includes('tn'), shown.join());
    await page.click('label[for="trial-mode-samples"]');
    shown = await shownInputs(page);
    assert.ok(!shown.includes('tspe') && shown.includes('tn') && shown.includes('tb'), shown.join());

    await chooseWay(page, 'flops');
    shown = await shownInputs(page);
    assert.ok(shown.includes('ftok') && shown.includes('ft') && !shown.includes('tn'), shown.join());
    await page.selectOption('#tm', 'full');
    shown = await shownInputs(page);
    assert.ok(!shown.includes('ft') && !shown.includes('rank') && shown.includes('opt'), shown.join());
    await page.selectOption('#tm', 'qlora');
    shown = await shownInputs(page);
    assert.ok(shown.includes('ft') && shown.includes('rank'), shown.join());

    // A preset gives the shape: its inputs step aside, and come back without it.
    await page.selectOption('#model', 'deepseek-llm-7b-base');
    shown = await shownInputs(page);
    assert.ok(!shown.includes('hid') && !shown.includes('layers') && shown.includes('model'), shown.join());
    await page.selectOption('#model', '');
    assert.ok((await shownInputs(page)).includes('hid'));
    assertNoProblems(problems);
    await context.close();
  });

  test('a link opens with the inputs its choices use', async () => {
    const { context, page, problems } = await env.openPage('/?i=a100x4&ts=50&tsec=120&tn=52002&tb=32&tm=full&e=10',
      { locale: 'en-US' });
    const shown = await shownInputs(page);
    assert.ok(shown.includes('tn') && shown.includes('tb') && !shown.includes('tspe') && !shown.includes('t'), shown.join());
    assert.ok(!shown.includes('rank'), shown.join());
    assert.equal((await figures(page)).perEpoch, 'CN¥89.72');
    assertNoProblems(problems);
    await context.close();
  });
});

describe('comparing every instance', () => {
  test('the table is sorted by total, marks the cheapest, and follows T and N', async () => {
    const { context, page, problems } = await env.openPage('/', { locale: 'en-US' });
    // T 1.5 h, N 4, D 2, M 1, 10 epochs, each at its table price:
    // RTX3090 1.5x5x4+3 = 33, V100 1.5x12x4+3 = 75, A100 1.5x20x4+3 = 123 per epoch.
    let rows = await compareRows(page);
    assert.deepEqual(rows.map((r) => [r.instance, r.cheapest, r.cells[1], r.cells[2]]), [
      ['rtx3090', true, 'CN¥33.00', 'CN¥330.00'],
      ['v100x4', false, 'CN¥75.00', 'CN¥750.00'],
      ['a100x4', false, 'CN¥123.00', 'CN¥1,230.00'],
    ]);
    assert.match(await text(page, '#compare-rows tr.is-cheapest th'), /RTX3090 Cheapest/);
    assert.match(await text(page, '#compare-rows tr.is-selected th'), /A100 x4 \(selected\)/);
    assert.match(await text(page, '#compare-note'), /^T is the same on every instance \(given directly\), so this is a price comparison\./);
    assert.equal(await page.locator('#compare-chart li').count(), 3);
    assert.deepEqual(await barShares(page, '#compare-chart'), [27, 61, 100]); // 330, 750, 1230 of 1230

    await page.fill('#t', '3'); // 3x5x4+3 = 63, 3x12x4+3 = 147, 3x20x4+3 = 243
    rows = await compareRows(page);
    assert.deepEqual(rows.map((r) => r.cells[1]), ['CN¥63.00', 'CN¥147.00', 'CN¥243.00']);
    assert.deepEqual(rows.map((r) => r.cells[0]), ['3 h', '3 h', '3 h']);
    await page.fill('#n', '8'); // 3x5x8+3 = 123, 3x12x8+3 = 291, 3x20x8+3 = 483
    rows = await compareRows(page);
    assert.deepEqual(rows.map((r) => [r.instance, r.cheapest, r.cells[1]]), [
      ['rtx3090', true, 'CN¥123.00'], ['v100x4', false, 'CN¥291.00'], ['a100x4', false, 'CN¥483.00'],
    ]);
    assert.match(await text(page, '#compare-note'), /N = 8 GPUs/);

    // With the FLOPs model T follows each GPU's peak, and the A100 becomes the cheapest:
    // A100 1.759326 h x 20 x 4 + 3 = 143.75; V100 4.900981 h x 12 x 4 + 3 = 238.25;
    // RTX3090 15.418816 h x 5 x 4 + 3 = 311.38 (N back to 4). Memory: 15.88 GB per GPU
    // (2 bytes per frozen parameter, 16 per adapter, 2 GB of CUDA context): tight on the 16 GB V100.
    await page.fill('#n', '4');
    await chooseWay(page, 'flops');
    rows = await compareRows(page);
    assert.deepEqual(rows.map((r) => [r.instance, r.cheapest, r.cells[0], r.cells[1], r.cells[4]]), [
      ['a100x4', true, '1.759326 h', 'CN¥143.75', 'Fits'],
      ['v100x4', false, '4.900981 h', 'CN¥238.25', 'Tight'],
      ['rtx3090', false, '15.418816 h', 'CN¥311.38', 'Fits'],
    ]);
    assert.match(await text(page, '#compare-note'), /T follows each GPU’s dense peak/);
    assertNoProblems(problems);
    await context.close();
  });
});

describe('links for each way', () => {
  const WAYS = [
    ['a trial run', async (page) => {
      await chooseWay(page, 'trial');
      await page.fill('#tsec', '95.5');
    }],
    ['a trial run with samples and batch size', async (page) => {
      await chooseWay(page, 'trial');
      await page.click('label[for="trial-mode-samples"]');
      await page.fill('#tn', '１２０００'); // full-width digits, as a Chinese keyboard types them
    }],
    ['throughput', async (page) => {
      await chooseWay(page, 'throughput');
      await page.fill('#tok', '2.5e9');
      await page.fill('#n', '6');
    }],
    ['the FLOPs model with LoRA', async (page) => {
      await chooseWay(page, 'flops');
      await page.fill('#mfu', '0.4');
    }],
    ['the FLOPs model, full, with a peak and a plan', async (page) => {
      await chooseWay(page, 'flops');
      await page.selectOption('#tm', 'full');
      await page.fill('#pk', '300');
      await page.fill('#budget', '5000');
      await page.fill('#by', '48');
    }],
  ];
  for (const [name, setUp] of WAYS) {
    test(`a link made with ${name} reopens on the same numbers and the same address`, async () => {
      const { context, page, problems } = await env.openPage('/', { locale: 'en-US' });
      await setUp(page);
      const made = await address(page);
      const shown = {
        ...(await figures(page)),
        derived: await text(page, '#t-derived'),
        plan: await text(page, '#plan-output'),
        compare: await text(page, '#compare-rows'),
      };
      assertNoProblems(problems);
      await context.close();

      const second = await env.openPage(new URL(made).pathname + new URL(made).search, { locale: 'en-US' });
      const again = {
        ...(await figures(second.page)),
        derived: await text(second.page, '#t-derived'),
        plan: await text(second.page, '#plan-output'),
        compare: await text(second.page, '#compare-rows'),
      };
      assert.deepEqual(again, shown);
      assert.equal(await address(second.page), made, 'the reopened page writes the same link');
      assert.ok(await second.page.isHidden('#link-problems'));
      assertNoProblems(second.problems);
      await second.context.close();
    });
  }

  test('a link giving two ways uses the first and says so', async () => {
    const { context, page, problems } = await env.openPage('/?i=a100x4&t=2&tok=1e9&tps=100&p=20&n=4', { locale: 'en-US' });
    assert.ok(await page.isChecked('#way-direct'));
    assert.match(await text(page, '#link-problems-list'), /hours_per_epoch, throughput.*Using hours per epoch\.$/);
    assert.equal(await search(page), '?i=a100x4&t=2&p=20&n=4&d=2&m=1&e=10', 'the seed example fills in the rest');
    assertNoProblems(problems);
    await context.close();
  });
});

describe('another price table', () => {
  test('the DeepSeek-V3 table (H800 at 2 USD) shows dollars, is kept in the link, and reopens', async () => {
    const { context, page, problems } = await env.openPage('/', { locale: 'en-US' });
    await page.selectOption('#prices-choice', 'prices/deepseek-v3.json');
    await page.waitForFunction(() => document.getElementById('instance').value === 'h800x8');
    // N 4 on an 8-GPU node bills 8 GPUs: 1.5 h x 2 x 8 = 24, + 2 + 1 = 27 per epoch.
    assert.deepEqual(await figures(page), { perEpoch: '$27.00', total: '$270.00' });
    assert.equal(await text(page, '#unit-p'), 'USD per GPU-hour');
    assert.match(await text(page, '#provider'), /DeepSeek-V3 Technical Report/);
    assert.match(await text(page, '#price-rows'), /H800 x8 node.*2 USD per GPU-hour.*80 GB.*989 TFLOPS/);
    const linked = await search(page);
    assert.equal(linked, '?i=h800x8&t=1.5&p=2&n=4&d=2&m=1&e=10&prices=prices/deepseek-v3.json');
    assertNoProblems(problems);
    await context.close();

    const zh = await env.openPage(`/${linked}&lang=zh`, { locale: 'en-US' });
    // 美元, as the CLI writes it (both read the engine's words).
    assert.deepEqual(await figures(zh.page), { perEpoch: '27.00 美元', total: '270.00 美元' });
    assert.equal(await zh.page.inputValue('#prices-choice'), 'prices/deepseek-v3.json');
    assert.equal(await text(zh.page, '#unit-d'), '美元/epoch');
    assert.ok(await zh.page.isHidden('#price-banner'));
    assertNoProblems(zh.problems);
    await zh.context.close();
  });

  test('a table loaded from a file is checked by the engine and used', async () => {
    const { context, page, problems } = await env.openPage('/', { locale: 'en-US' });
    const table = {
      format: 'epochcost-prices/1', provider: 'My lab', currency: 'JPY', minor_unit_digits: 0, price_unit: 'gpu_hour',
      prices_date: '2025-01-01', sources: [{ title: 'our invoice', url: 'https://example.com/invoice' }],
      instances: [{ id: 'l40s', name: 'L40S', gpu: 'L40S', gpus_per_instance: 1, price_per_gpu_hour: '300' }],
    };
    await page.setInputFiles('#prices-file', { name: 'lab.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(table)) });
    await page.waitForFunction(() => document.getElementById('instance').value === 'l40s');
    // 1.5 h x 300 x 4 GPUs + 2 + 1 = 1,803 yen per epoch, no minor digits.
    assert.deepEqual(await figures(page), { perEpoch: '¥1,803', total: '¥18,030' });
    assert.equal(await page.inputValue('#prices-choice'), 'file:');
    assert.match(await text(page, '#prices-choice option:checked'), /^File: lab\.json$/);
    assert.doesNotMatch(await address(page), /prices=/, 'a file has no address: the link records its prices only');

    await page.setInputFiles('#prices-file', { name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"format": 1}') });
    await page.waitForSelector('#prices-problem:not([hidden])');
    assert.equal(await text(page, '#prices-problem-title'), 'This file is not a usable price table');
    assert.match(await text(page, '#prices-problem-errors'), /provider: Provider is required\./);
    assert.equal(await text(page, '#prices-problem-fallback'), 'The previous table is still in use.');
    assert.deepEqual(await figures(page), { perEpoch: '¥1,803', total: '¥18,030' });
    await page.click('#prices-dismiss');
    assert.ok(await page.isHidden('#prices-problem'));
    assertNoProblems(problems);
    await context.close();
  });
});

describe('export', () => {
  test('the estimate and the comparison download as CSV, JSON and Markdown with good file names', async () => {
    const { context, page, problems } = await env.openPage('/', { locale: 'en-US' });
    const download = async (selector) => {
      const [file] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
      const stream = await file.createReadStream();
      const chunks = [];
      for await (const chunk of stream) chunks.push(chunk);
      return { name: file.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
    };
    const csv = await download('[data-export="estimate"][data-format="csv"]');
    assert.equal(csv.name, 'epochcost-estimate-a100x4.csv');
    const [header, row] = csv.text.split('\r\n');
    assert.equal(header, 'instance,gpus,gpus_billed,hours_per_epoch,epochs,price_per_gpu_hour,currency,'
      + 'per_epoch_compute,per_epoch_data,per_epoch_ops,per_epoch_total,total,gpu_hours,wall_hours,billed_hours,'
      + 'per_epoch_eval,per_epoch_checkpoint,startup,total_low,total_high,spot_billed_hours,spot_total,spot_saving,fits,cheapest,'
      + 'price_source,display_currency,display_rate,display_total,energy_kwh,carbon_kg_co2,energy_cost');
    assert.match(row, /^a100x4,4,4,1\.5,10,20,CNY,120\.00,2\.00,1\.00,123\.00,1230\.00,60,15,15,/);
    assert.match(await text(page, '#export-estimate-status'), /Downloaded epochcost-estimate-a100x4\.csv\./);

    const json = await download('[data-export="estimate"][data-format="json"]');
    assert.equal(json.name, 'epochcost-estimate-a100x4.json');
    assert.equal(JSON.parse(json.text)[0].total, '1230.00');

    const md = await download('[data-export="compare"][data-format="md"]');
    assert.equal(md.name, 'epochcost-comparison.md');
    const lines = md.text.trim().split('\n');
    assert.equal(lines.length, 5, md.text); // header, rule, three instances
    assert.match(lines[2], /^\| rtx3090 \|/);

    const compareCsv = await download('[data-export="compare"][data-format="csv"]');
    assert.equal(compareCsv.name, 'epochcost-comparison.csv');
    assert.deepEqual(compareCsv.text.trim().split('\r\n').slice(1).map((l) => l.split(',')[0]), ['rtx3090', 'v100x4', 'a100x4']);
    assertNoProblems(problems);
    await context.close();
  });

  test('"Copy Markdown" puts the table on the clipboard, in the page\'s language', async () => {
    const context = await newContext(env.browser, { locale: 'zh-CN' });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.url('') });
    const { page, problems } = await watchedPage(context);
    await openCalculator(page, env.url('/'));
    await page.click('[data-copy="compare"]');
    await page.waitForFunction(() => document.getElementById('export-compare-status').textContent.length > 0);
    assert.equal(await text(page, '#export-compare-status'), 'Markdown 已复制。');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(copied, /^\| 实例 \| GPU 数 \|/);
    assert.equal(copied.trim().split('\n').length, 5);
    assertNoProblems(problems);
    await context.close();
  });
});

describe('planning backwards', () => {
  test('a budget gives the most epochs; a deadline gives the fewest GPUs, or says why not', async () => {
    const { context, page, problems } = await env.openPage('/', { locale: 'en-US' });
    assert.equal(await text(page, '#plan-output'), 'Enter a budget or a deadline to plan backwards.');
    await page.fill('#budget', '2000'); // 123 per epoch: 16 x 123 = 1,968 <= 2,000 < 17 x 123
    assert.equal(await text(page, '#plan-output'), 'A budget of CN¥2,000.00 buys at most 16 epochs.');
    await page.fill('#budget', '100');
    assert.equal(await text(page, '#plan-output'), 'A budget of CN¥100.00 does not cover one epoch (CN¥123.00 per epoch).');
    await page.fill('#budget', '');

    await page.fill('#by', '24');
    assert.match(await text(page, '#plan-output'), /needs a way of getting T that depends on the GPU count/i);
    // Throughput 1e8 tokens at 380 tokens/s per GPU, 10 epochs in 24 h:
    // N >= 1e9 / (380 x 86,400) = 30.5 GPUs -> 8 whole A100 x4 instances = 32 GPUs.
    await chooseWay(page, 'throughput');
    assert.equal(await text(page, '#plan-output'), 'To finish in 24 h you need 32 GPUs (8 × A100 x4).');
    // At N 4 an epoch takes 1e8 / (380 x 4) / 3600 = 18.274854 h: 18.274854 x 20 x 4 + 3 = 1,464.99.
    await page.fill('#budget', '2000');
    await page.selectOption('#lang', 'zh');
    assert.equal(await text(page, '#plan-output'),
      '预算 2,000.00 元 最多可训练 1 个 epoch。要在 24 小时内完成,需要 32 块 GPU(8 个 A100 x4)。');
    assert.match(await search(page), /&budget=2000&by=24&lang=zh$/);
    assertNoProblems(problems);
    await context.close();
  });
});
