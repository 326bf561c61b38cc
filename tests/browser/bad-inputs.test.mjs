// The bad-input matrix in the browser: every numeric input × every
// kind of bad text, in both languages, on one page. Each bad value gets its
// own message beside its field, naming the field; the other fields keep
// their values and show nothing; and no NaN, undefined, Infinity or stack
// trace reaches the page (except the user's own text quoted back to them).
//
// Accepted friendly forms (docs/formats.md): white space around a number,
// full-width digits and point (１.５ is 1.5); an empty optional field means
// its default. Everything else here is refused.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertNoProblems, browserForFile, newContext, openCalculator, watchedPage } from './helpers.mjs';

const env = browserForFile();

const VALUES = [
  ['empty', ''],
  ['whitespace', '   '],
  ['negative', '-1'],
  ['zero', '0'],
  ['NaN', 'NaN'],
  ['Infinity', 'Infinity'],
  ['1e309', '1e309'],
  ['1e-400', '1e-400'],
  ['text', 'abc'],
  ['comma', '1,5'],
  ['full-width', '１.５'],
  ['very long', '1'.repeat(5000)],
];

/**
 * Every numeric input, grouped by the way of getting T it belongs to, with
 * the field's name as the engine's messages give it in each language.
 * required: empty is an error; integer: 1.5 is not; zeroOk: 0 is valid.
 */
const GROUPS = [
  { way: 'direct', fields: [
    { id: 't', en: 'T, hours per epoch', zh: '每 epoch 时长 T', required: true },
    { id: 'n', en: 'N, number of GPUs', zh: 'GPU 数量 N', integer: true },
    { id: 'p', en: 'P, price per GPU-hour', zh: '单价 P' },
    { id: 'd', en: 'D, data transfer and storage', zh: '数据传输与存储成本 D', zeroOk: true },
    { id: 'm', en: 'M, operations and scheduling', zh: '运维与调度成本 M', zeroOk: true },
    { id: 'e', en: 'number of epochs', zh: 'epoch 数', integer: true },
    { id: 'disc', en: 'discount on compute', zh: '算力折扣', zeroOk: true },
    { id: 'budget', en: 'budget', zh: '预算' },
    { id: 'by', en: 'deadline (hours)', zh: '截止时间' },
  ] },
  { way: 'trial', mode: 'steps', fields: [
    { id: 'ts', en: 'steps run', zh: '试运行步数', required: true, integer: true },
    { id: 'tsec', en: 'seconds taken', zh: '试运行耗时', required: true },
    { id: 'tspe', en: 'steps per epoch', zh: '每 epoch 步数', required: true, integer: true },
  ] },
  { way: 'trial', mode: 'samples', fields: [
    { id: 'tn', en: 'samples per epoch', zh: '每 epoch 样本数', required: true, integer: true },
    { id: 'tb', en: 'global batch size', zh: '全局批大小', required: true, integer: true },
  ] },
  { way: 'throughput', fields: [
    { id: 'tok', en: 'tokens per epoch', zh: '每 epoch token 数', required: true },
    { id: 'tps', en: 'tokens per second per GPU', zh: '每 GPU 每秒 token 数', required: true },
  ] },
  // Full fine-tuning, so that a tiny parameter count (1.5) is not also an
  // adapter count above the base model's (an error on the adapter field).
  { way: 'flops', method: 'full', fields: [
    { id: 'fp', en: 'parameters', zh: '参数量', required: true },
    { id: 'ftok', en: 'tokens per epoch', zh: '每 epoch token 数', required: true },
    { id: 'mfu', en: 'MFU', zh: 'MFU', max: 1 },
    { id: 'pk', en: 'GPU peak dense TFLOPS', zh: 'GPU 稠密峰值 TFLOPS' },
  ] },
  { way: 'flops', method: 'lora', fields: [
    { id: 'ft', en: 'trainable (LoRA) parameters', zh: '可训练(LoRA)参数量', required: true },
  ] },
  // The training setup, on a model whose memory is checked (back on the direct way).
  { way: 'direct', model: 'llama-2-7b', method: 'lora', fields: [
    { id: 'rank', en: 'LoRA rank', zh: 'LoRA 秩', integer: true },
    { id: 'seq', en: 'sequence length', zh: '序列长度', integer: true },
    { id: 'mb', en: 'micro-batch per GPU', zh: '每 GPU 微批大小', integer: true },
  ] },
];

function accepted(field, kind) {
  if (kind === 'empty' || kind === 'whitespace') return !field.required;
  if (kind === 'zero') return Boolean(field.zeroOk);
  if (kind === 'full-width') return !field.integer && !(field.max < 1.5);
  return false;
}

/**
 * In the page: types each value into the field (an input event, as typing
 * fires), records what the page shows, and puts the original text back.
 * Runs in the browser so that the whole matrix takes seconds.
 */
function probeField({ id, values }) {
  const inputs = [...document.querySelectorAll('#calc input[type="text"], #calc select')];
  const snapshot = (skip) => inputs.filter((el) => el.id !== skip).map((el) => `${el.id}=${el.value}`);
  const visibleErrors = () => [...document.querySelectorAll('.field-error')]
    .filter((el) => !el.hidden && el.textContent.trim() !== '').map((el) => el.id);
  const input = document.getElementById(id);
  const original = input.value;
  const type = (text) => {
    input.value = text;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  };
  const out = [];
  for (const value of values) {
    const before = snapshot(id);
    type(value);
    const message = document.getElementById(`err-${id}`);
    // The user's own text, quoted back in a message, is not an artefact.
    const trimmed = value.trim();
    let body = document.body.innerText;
    for (const quoted of [`"${trimmed}"`, `“${trimmed}”`, `"${trimmed.slice(0, 40)}..."`, `“${trimmed.slice(0, 40)}...”`]) {
      body = body.split(quoted).join('');
    }
    const artefacts = ['NaN', 'undefined', 'Infinity', '[object', 'Error:'].filter((word) => body.includes(word));
    if (/\bat \S+ \(|\.js:\d+:\d+/.test(body)) artefacts.push('stack trace');
    out.push({
      value,
      message: message.hidden ? '' : message.textContent,
      invalid: input.getAttribute('aria-invalid') === 'true',
      described: (input.getAttribute('aria-describedby') || '').split(/\s+/).includes(`err-${id}`),
      otherErrors: visibleErrors().filter((e) => e !== `err-${id}`),
      othersKept: JSON.stringify(snapshot(id)) === JSON.stringify(before),
      artefacts,
      bodyLength: document.body.innerText.length,
    });
    type(original);
  }
  return { out, clean: visibleErrors() };
}

test('every numeric input refuses each bad value with its own message naming it, in both languages', async (t) => {
  const context = await newContext(env.browser, { locale: 'en-US' });
  const { page, problems } = await watchedPage(context);
  await openCalculator(page, env.url('/'));
  let checked = 0;
  const failures = [];
  for (const lang of ['en', 'zh']) {
    await page.selectOption('#lang', lang);
    for (const group of GROUPS) {
      await page.click(`label[for="way-${group.way}"]`);
      if (group.mode) await page.click(`label[for="trial-mode-${group.mode}"]`);
      if (group.method) await page.selectOption('#tm', group.method);
      await page.selectOption('#model', group.model ?? '');
      for (const field of group.fields) {
        assert.ok(await page.isVisible(`#${field.id}`), `#${field.id} is shown for ${group.way}`);
        const { out, clean } = await page.evaluate(probeField, { id: field.id, values: VALUES.map(([, v]) => v) });
        assert.deepEqual(clean, [], `#${field.id}: no error left after restoring it`);
        out.forEach((seen, i) => {
          const [kind] = VALUES[i];
          const where = `${lang} #${field.id} ${kind}`;
          checked += 1;
          const label = field[lang].toLowerCase();
          if (accepted(field, kind)) {
            if (seen.message || seen.invalid) failures.push(`${where}: refused a valid value: ${seen.message}`);
          } else {
            if (!seen.message) failures.push(`${where}: no message`);
            else if (!seen.message.toLowerCase().includes(label)) failures.push(`${where}: "${seen.message}" does not name ${field[lang]}`);
            if (!seen.invalid || !seen.described) failures.push(`${where}: not marked aria-invalid / described by its message`);
            if (lang === 'zh' && /[a-z]{4,} (is|must|cannot)/.test(seen.message)) failures.push(`${where}: English message on the Chinese page`);
          }
          if (seen.otherErrors.length) failures.push(`${where}: other fields show errors: ${seen.otherErrors.join()}`);
          if (!seen.othersKept) failures.push(`${where}: another field changed its value`);
          if (seen.artefacts.length) failures.push(`${where}: page text shows ${seen.artefacts.join(', ')}`);
        });
      }
    }
  }
  assert.deepEqual(failures, []);
  const perLanguage = GROUPS.reduce((n, g) => n + g.fields.length, 0);
  assert.equal(checked, perLanguage * VALUES.length * 2);
  t.diagnostic(`bad-input matrix: ${checked} inputs checked (${perLanguage} fields × ${VALUES.length} values × 2 languages)`);
  console.log(`bad-input matrix: ${checked} inputs checked (${perLanguage} fields × ${VALUES.length} values × 2 languages)`);
  assertNoProblems(problems);
  await context.close();
});
