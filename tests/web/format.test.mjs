// web/format.js formats the engine's decimal strings by hand (no Intl start-up
// before the first estimate). Here its output is checked against Intl, which
// is what it replaces, in both page languages, on generated decimal strings.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatMoney, formatNumber, formatPercent } from '../../web/format.js';
import { locale, setLanguage } from '../../web/i18n.js';
import { setWords } from '../../web/words.js';

// A small deterministic generator: the same strings on every run.
function* decimalStrings(count) {
  let seed = 20261128;
  const next = (n) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  for (let i = 0; i < count; i += 1) {
    const whole = next(4) === 0 ? '0' : String(next(10 ** (1 + next(9)))) + (next(2) ? String(next(10 ** 9)).padStart(9, '0') : '');
    const fraction = next(3) === 0 ? '' : `.${String(next(10 ** 6)).padStart(1 + next(6), '0').slice(0, 1 + next(6))}`;
    yield `${next(5) === 0 ? '-' : ''}${whole}${fraction}`;
  }
}

const decimalsOf = (s) => (s.includes('.') ? s.length - s.indexOf('.') - 1 : 0);

for (const lang of ['en', 'zh']) {
  test(`formatNumber groups like Intl.NumberFormat (${lang})`, () => {
    setLanguage(lang);
    let checked = 0;
    for (const s of decimalStrings(3000)) {
      for (const minDigits of [0, 2]) {
        const digits = Math.max(decimalsOf(s), minDigits);
        const intl = new Intl.NumberFormat(locale(), { minimumFractionDigits: minDigits, maximumFractionDigits: digits }).format(s);
        assert.equal(formatNumber(s, minDigits), intl, `${s} (min ${minDigits}, ${locale()})`);
        checked += 1;
      }
    }
    assert.equal(checked, 6000);
    assert.equal(formatNumber('1230.00', 2), '1,230.00');
    assert.equal(formatNumber('abc'), '—');
  });
}

test('formatMoney in English writes the shipped currencies as Intl does', () => {
  setLanguage('en');
  for (const currency of ['CNY', 'USD']) {
    for (const s of decimalStrings(1000)) {
      const digits = Math.max(decimalsOf(s), 2);
      const intl = new Intl.NumberFormat('en-US', {
        style: 'currency', currency, minimumFractionDigits: 2, maximumFractionDigits: digits,
      }).format(s);
      assert.equal(formatMoney(s, currency, 2), intl, `${s} ${currency}`);
    }
  }
  assert.equal(formatMoney('1230.00', 'CNY', 2), 'CN¥1,230.00');
  assert.equal(formatMoney('5576000.00', 'USD', 2), '$5,576,000.00');
  assert.equal(formatMoney('12.50', 'EUR', 2), '€12.50', 'other currencies still go through Intl');
});

test('formatMoney in Chinese writes the currency\'s word after the number: 元 for CNY', () => {
  // The words are the engine's (web/words.js); these are its Chinese ones.
  setWords({ en: { currency_CNY: 'CNY' }, zh: { currency_CNY: '元' } });
  setLanguage('zh');
  assert.equal(formatMoney('1230.00', 'CNY', 2), '1,230.00 元');
});

test('formatPercent rounds a share to one decimal as Intl does', () => {
  setLanguage('en');
  let checked = 0;
  for (let total = 1; total <= 300; total += 7) {
    for (let part = 0; part <= total; part += 3) {
      const share = (part / total) * 100;
      const tenths = share * 10;
      if (Math.abs(tenths - Math.floor(tenths) - 0.5) < 1e-9) continue; // a tie: either way is right
      const intl = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 }).format(share / 100);
      assert.equal(formatPercent(share), intl, `${part}/${total}`);
      checked += 1;
    }
  }
  assert.ok(checked > 1000, `${checked} shares`);
});
