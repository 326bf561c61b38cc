// Turns the engine's decimal strings into text for the current language:
// money, prices with their unit, hours and durations. The engine has already
// rounded money; these functions only group digits and add units, working on
// the decimal *strings* (never through a binary double).
//
// Both page locales (en-US, zh-CN) group by three with ',' and use '.':
// that is done here by hand, because the first Intl.NumberFormat of a page
// costs ~16 ms of ICU start-up, which would hold up the first estimate.
// Intl remains for what only it knows: other currencies' symbols, and more
// than 20 decimals (where Intl would round). tests/web/format.test.mjs
// checks the hand-made output against Intl.

import { language, locale, t } from './i18n.js';
import { currencyWord, word } from './words.js';

const DECIMAL_TEXT = /^-?\d+(\.\d+)?$/;
const MAX_DECIMALS = 20;

// English currency symbols of the shipped tables, as Intl (en-US) writes
// them; any other currency goes through Intl.
const EN_CURRENCY_PREFIX = { CNY: 'CN¥', USD: '$' };

// Making an Intl.NumberFormat costs far more than formatting with one: the
// formatters are kept per locale and options. A constructor that throws (an
// unknown currency) caches nothing.
const FORMATTERS = new Map();

/** The Intl.NumberFormat for the current locale and these options, made once. */
export function numberFormat(options = {}) {
  const key = `${locale()}|${JSON.stringify(options)}`;
  let formatter = FORMATTERS.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale(), options);
    FORMATTERS.set(key, formatter);
  }
  return formatter;
}

function isDecimalText(text) {
  return typeof text === 'string' && DECIMAL_TEXT.test(text);
}

function decimals(text) {
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

/**
 * '-1234.5' with minDigits 2 -> '-1,234.50': every significant digit kept,
 * trailing zeros dropped down to minDigits (as Intl does). Written with
 * slices, not regular expressions: it runs some thirty times a keystroke, and
 * its garbage was a quarter of a keystroke's.
 */
function grouped(text, minDigits) {
  const negative = text[0] === '-';
  const dot = text.indexOf('.');
  const wholeEnd = dot < 0 ? text.length : dot;
  let start = negative ? 1 : 0;
  while (start < wholeEnd - 1 && text[start] === '0') start += 1; // one digit stays
  const first = (wholeEnd - start) % 3 || 3;
  let out = text.slice(start, start + first);
  for (let i = start + first; i < wholeEnd; i += 3) out += `,${text.slice(i, i + 3)}`;
  let fractionEnd = text.length;
  while (fractionEnd > wholeEnd + 1 && text[fractionEnd - 1] === '0') fractionEnd -= 1;
  let fraction = dot < 0 ? '' : text.slice(dot + 1, fractionEnd);
  if (fraction.length < minDigits) fraction = fraction.padEnd(minDigits, '0');
  return `${negative ? '-' : ''}${out}${fraction ? `.${fraction}` : ''}`;
}

/** Groups a decimal string for the locale, keeping all its digits. '—' for anything else. */
export function formatNumber(text, minDigits = 0) {
  const s = String(text ?? '');
  if (!isDecimalText(s)) return '—';
  if (decimals(s) <= MAX_DECIMALS && minDigits <= MAX_DECIMALS) return grouped(s, minDigits);
  const digits = Math.min(Math.max(decimals(s), minDigits), MAX_DECIMALS);
  return numberFormat({
    minimumFractionDigits: Math.min(minDigits, digits),
    maximumFractionDigits: digits,
  }).format(s);
}

/** A share in [0, 100] as '97.6%': at most one decimal, rounded half up. */
export function formatPercent(share) {
  return `${formatNumber(String(Math.round(share * 10) / 10))}%`;
}

/**
 * The currency unit as a word, as the CLI writes it (words.js): 元, 美元 in
 * Chinese, else the ISO code.
 */
export function currencyUnit(currency) {
  return currencyWord(currency);
}

/** '{currency}' in a unit template (words.js) filled with the currency's word. */
function withCurrency(template, currency) {
  return template.replace('{currency}', currencyUnit(currency));
}

/**
 * An amount of money: '1,230.00 元', '27.00 美元' in Chinese (the CLI's
 * words), 'CN¥1,230.00' in English.
 */
export function formatMoney(text, currency, minorDigits = 2) {
  const s = String(text ?? '');
  if (!isDecimalText(s)) return '—';
  if (language() === 'zh' && currencyUnit(currency) !== currency) {
    return `${formatNumber(s, minorDigits)} ${currencyUnit(currency)}`;
  }
  const prefix = language() === 'en' && EN_CURRENCY_PREFIX[currency];
  if (prefix && decimals(s) <= MAX_DECIMALS) {
    const negative = s.startsWith('-');
    return `${negative ? '-' : ''}${prefix}${formatNumber(negative ? s.slice(1) : s, minorDigits)}`;
  }
  try {
    return numberFormat({
      style: 'currency',
      currency,
      minimumFractionDigits: minorDigits,
      maximumFractionDigits: Math.max(minorDigits, decimals(s)),
    }).format(s);
  } catch {
    return `${formatNumber(s, minorDigits)} ${currency}`;
  }
}

/** An amount without a currency, with the minor digits: '2.00'. */
export function formatAmount(text, minorDigits = 2) {
  return formatNumber(text, minorDigits);
}

/** A price per GPU-hour with its unit: '20 元/GPU·时' or '20 CNY per GPU-hour'. */
export function formatPrice(text, currency) {
  return `${formatNumber(text)} ${withCurrency(word('price_unit'), currency)}`;
}

/** The price unit beside the P input: '元/GPU·时' or 'CNY per GPU-hour'. */
export function priceUnit(currency) {
  return withCurrency(word('price_unit'), currency);
}

/** The short price unit used inside the formula: '元/GPU·时' or 'CNY/GPU·h'. */
export function priceUnitShort(currency) {
  return withCurrency(word('price_unit_short'), currency);
}

/** Hours with unit: '1.5 h' / '1.5 小时'. */
export function formatHours(text) {
  return `${formatNumber(text)} ${word('hours_unit')}`;
}

/**
 * A wall-clock duration: '15 h', or for long ones '62.5 h (2 d 14 h 30 min)'.
 * The breakdown is for reading only, so rounding it to the minute is fine.
 */
export function formatDuration(text) {
  const s = String(text ?? '');
  const plain = formatHours(s);
  if (!isDecimalText(s)) return plain;
  const totalMinutes = Math.round(Number(s) * 60);
  if (!Number.isFinite(totalMinutes) || Number(s) < 24 && Number.isInteger(Number(s))) return plain;
  const days = Math.floor(totalMinutes / 1440);
  const hours = Math.floor((totalMinutes % 1440) / 60);
  const minutes = totalMinutes % 60;
  const parts = [];
  if (days) parts.push(t('durationDays', { d: formatNumber(String(days)) }));
  if (hours) parts.push(`${hours} ${word('hours_unit')}`);
  if (minutes) parts.push(t('durationMin', { m: minutes }));
  if (parts.length <= 1 && !days) return plain;
  return language() === 'zh' ? `${plain}(${parts.join(' ')})` : `${plain} (${parts.join(' ')})`;
}

const SUPERSCRIPT = { '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹' };

/**
 * A count (parameters, tokens, FLOPs): '6.9 × 10⁹' from '6900000000' when it
 * has seven digits or more, exactly (every significant digit is kept), else
 * grouped like any number. '—' for anything that is not decimal text.
 */
export function formatCount(text) {
  const s = String(text ?? '');
  if (!isDecimalText(s) || s.startsWith('-')) return '—';
  if (s.includes('.') || s.length < 7) return formatNumber(s);
  const digits = s.replace(/0+$/, '');
  const exponent = s.length - 1;
  const mantissa = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
  const power = String(exponent).split('').map((d) => SUPERSCRIPT[d]).join('');
  return mantissa === '1' ? `10${power}` : `${mantissa} × 10${power}`;
}
