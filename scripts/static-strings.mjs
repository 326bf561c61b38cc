// Fills the built index.html's static strings from web/i18n.js's English
// catalogue: every data-i18n element's text and every data-i18n-attr
// attribute. The source page leaves them empty, so that the catalogue is the
// only copy of the page's words; the built page reads in English
// before any script runs, and main.js then rewrites nothing for an English
// reader (applyStaticStrings writes only what differs).
//   node scripts/static-strings.mjs SITE_DIR
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// A data-i18n element holds text only (no child elements): its text is the
// catalogue's, so markup inside it would be lost on a language switch.
const ELEMENT = /<(\w+)\b([^>]*?\sdata-i18n="([^"]*)"[^>]*)>([^<]*)<\/\1>/g;
const ATTR_LIST = /\sdata-i18n-attr="([^"]*)"/;
const TAG_WITH_ATTRS = /<\w+\b[^>]*\sdata-i18n-attr="[^"]*"[^>]*>/g;

const ENTITIES = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&nbsp;': '\u00a0', '&#39;': "'" };
const unescape = (text) => text.replace(/&(amp|lt|gt|quot|nbsp|#39);/g, (entity) => ENTITIES[entity]);
const escapeText = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (text) => escapeText(text).replace(/"/g, '&quot;');

/** The pairs of a data-i18n-attr value, "attr:key;attr:key" (as i18n.js reads it). */
function attrPairs(list) {
  return list.split(';').map((pair) => pair.split(':').map((s) => s.trim())).filter(([attr, key]) => attr && key);
}

function attrValue(tag, attr) {
  const found = new RegExp(`\\s${attr}="([^"]*)"`).exec(tag);
  return found ? unescape(found[1]) : undefined;
}

/**
 * The page's static strings as written in html: [{key, text}] for each
 * data-i18n element (text unescaped) and [{key, attr, value}] for each
 * data-i18n-attr pair. Throws if a data-i18n element holds markup.
 */
export function readStaticStrings(html) {
  const elements = [...html.matchAll(ELEMENT)].map((m) => ({ key: m[3], text: unescape(m[4]) }));
  const marked = (html.match(/\sdata-i18n="/g) || []).length;
  if (elements.length !== marked) {
    throw new Error(`static strings: ${marked - elements.length} data-i18n elements hold markup, not text only`);
  }
  const attributes = [];
  for (const [tag] of html.matchAll(TAG_WITH_ATTRS)) {
    for (const [attr, key] of attrPairs(ATTR_LIST.exec(tag)[1])) attributes.push({ key, attr, value: attrValue(tag, attr) });
  }
  return { elements, attributes };
}

/** html with every static string taken from strings (the English catalogue). */
export function fillStaticStrings(html, strings) {
  const text = (key) => {
    if (typeof strings[key] !== 'string') throw new Error(`static strings: no English text for "${key}"`);
    return strings[key];
  };
  readStaticStrings(html); // refuses markup inside a data-i18n element
  let out = html.replace(ELEMENT, (whole, name, attrs, key) => `<${name}${attrs}>${escapeText(text(key))}</${name}>`);
  out = out.replace(TAG_WITH_ATTRS, (tag) => {
    let filled = tag;
    for (const [attr, key] of attrPairs(ATTR_LIST.exec(tag)[1])) {
      const value = `${attr}="${escapeAttr(text(key))}"`;
      const existing = new RegExp(`\\s${attr}="[^"]*"`);
      filled = existing.test(filled) ? filled.replace(existing, ` ${value}`) : filled.replace(/\s*>$/, ` ${value}>`);
    }
    return filled;
  });
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { staticStrings } = await import('../web/i18n.js');
  const index = path.join(path.resolve(process.argv[2]), 'index.html');
  const html = fillStaticStrings(fs.readFileSync(index, 'utf8'), staticStrings('en'));
  fs.writeFileSync(index, html);
  const { elements, attributes } = readStaticStrings(html);
  console.log(`static strings: ${elements.length} texts and ${attributes.length} attributes from the English catalogue`);
}
