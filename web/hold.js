// The built index.html already shows the English seed example (written in by
// scripts/prerender.mjs), so the first frame needs no other script. An
// opening that main.js will draw differently is hidden until it has:
//   page: another language, or embedded (the whole page);
//   link: a link's own figures and inputs (the calculator, once the engine
//         has computed them).
// A link also starts loading the engine here. Parser-blocking and small on
// purpose: it must run before the body is parsed, and the CSP allows no
// inline script, so the build makes it a classic script (bundled with
// language.js, minified). main.js removes each word from data-hold
// (styles.css hides by it).
import { browserLanguage } from './language.js';

// as="fetch" with CORS mode and same-origin credentials: what engine.js's
// fetch() of the wasm asks for, so that it gets the preloaded bytes.
function preload(rel, href, as) {
  const link = document.createElement('link');
  link.rel = rel;
  link.href = href;
  if (as) {
    link.as = as;
    link.crossOrigin = 'anonymous';
  }
  document.head.appendChild(link);
}

const params = new URLSearchParams(window.location.search);
const hold = [];
if (browserLanguage() !== 'en' || params.has('lang') || params.has('embed')) hold.push('page');
params.delete('lang');
// An embed in a frame paints no background, even while it is held.
if (params.has('embed') && window.parent !== window) document.documentElement.classList.add('embed-framed');
params.delete('embed');
// theme=light|dark|auto: its class before the first paint (styles.css knows
// the schema's themes; main.js reports any other value).
const theme = params.get('theme');
if (theme && /^[a-z]+$/.test(theme)) document.documentElement.classList.add(`theme-${theme}`);
params.delete('theme');
if (params.toString() !== '') hold.push('link');
if (hold.length) document.documentElement.setAttribute('data-hold', hold.join(' '));
// A link needs the engine for its first number: its download starts now,
// beside main.js's, not once main.js has arrived and run. (A plain opening
// loads it after the first paint, so that it never competes with it.)
if (hold.includes('link')) {
  preload('modulepreload', 'engine/epochcost_engine.js');
  preload('preload', 'engine/epochcost_engine.wasm', 'fetch');
}
