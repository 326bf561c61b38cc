// Which of the page's languages a tag or a browser asks for. Apart from the
// strings (i18n.js) because hold.js needs it too, before the body is parsed,
// and must stay a few hundred bytes.

/** Maps a language tag ('zh', 'zh-CN', 'en-GB', ...) to 'zh' or 'en', or null. */
export function normaliseLanguage(tag) {
  if (typeof tag !== 'string') return null;
  const lower = tag.trim().toLowerCase();
  if (lower === 'zh' || lower.startsWith('zh-') || lower.startsWith('zh_')) return 'zh';
  if (lower === 'en' || lower.startsWith('en-') || lower.startsWith('en_')) return 'en';
  return null;
}

/** The language the browser prefers: the first zh* or en* in navigator.languages. */
export function browserLanguage(languages = navigator.languages || [navigator.language]) {
  for (const tag of languages || []) {
    const lang = normaliseLanguage(tag);
    if (lang) return lang;
  }
  return 'en';
}
