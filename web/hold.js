// The built index.html already shows the English seed example (written in by
// scripts/prerender.mjs), so the first frame needs no other script. An
// opening that main.js will draw differently is hidden until it has:
//   page: another language, or embedded (the whole page);
//   link: a link's own figures and inputs (the calculator, once the engine
//         has computed them).
// A classic script, parser-blocking and a few hundred bytes on purpose: it
// must run before the body is parsed, and the CSP allows no inline script.
// main.js removes each word from data-hold (styles.css hides by it).
(function () {
  var params = new URLSearchParams(window.location.search);
  var hold = [];
  // As i18n.js's browserLanguage: the first zh* or en* tag decides.
  var tags = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language];
  var lang = 'en';
  for (var i = 0; i < tags.length; i += 1) {
    var m = /^(zh|en)([-_]|$)/i.exec(String(tags[i]).trim());
    if (m) {
      lang = m[1].toLowerCase();
      break;
    }
  }
  if (lang !== 'en' || params.has('lang') || params.has('embed')) hold.push('page');
  params.delete('lang');
  params.delete('embed');
  if (params.toString() !== '') hold.push('link');
  if (hold.length) document.documentElement.setAttribute('data-hold', hold.join(' '));
}());
