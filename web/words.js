// The words the page shares with the CLI: currency names and the units
// around money and time. The engine's catalogue owns them
// (core/src/words.cpp); the page keeps no copy. The build writes them into
// the page's first-view block (scripts/first-view.mjs), so they are here
// before the engine loads; a page without that block asks the engine once.

import { language } from './i18n.js';

let words = null;

/** Uses these words ({en: {...}, zh: {...}}, as the engine's words() gives them). */
export function setWords(value) {
  if (value && typeof value === 'object' && value.en && value.zh) words = value;
}

export function haveWords() {
  return words !== null;
}

/** The words the build wrote into the page's first-view block, or null. */
export function wordsInPage(doc = document) {
  try {
    return JSON.parse(doc.getElementById('first-view').textContent).words || null;
  } catch {
    return null;
  }
}

/** The word for key in the current language; the key itself when unknown. */
export function word(key) {
  const text = words && words[language()][key];
  return typeof text === 'string' ? text : key;
}

/** The currency as a word: 元, 美元 in Chinese; the ISO code otherwise. */
export function currencyWord(currency) {
  const text = words && words[language()][`currency_${currency}`];
  return typeof text === 'string' ? text : currency;
}
