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
import { ENGINE_GLUE, ENGINE_WASM, SHIPPED_TABLES } from './paths.js';

function preload(rel, href) {
  const link = document.createElement('link');
  link.rel = rel;
  link.href = href;
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
// The wasm is fetched and compiled from here, as its bytes arrive, while
// main.js downloads and runs: engine.js takes the compiled module (or, if
// this browser cannot stream, the response) from window.epochcostEarlyWasm.
// The default price table too, unless the link names another (main.js
// checks that path first), with the request main.js would make.
if (hold.includes('link')) {
  preload('modulepreload', ENGINE_GLUE);
  if (!params.has('prices')) window.epochcostEarlyPrices = fetch(SHIPPED_TABLES[0], { cache: 'no-cache' });
  const response = fetch(ENGINE_WASM, { credentials: 'same-origin' });
  window.epochcostEarlyWasm = {
    response,
    module: response
      .then((r) => (r.ok && WebAssembly.compileStreaming ? WebAssembly.compileStreaming(r.clone()) : null))
      .catch(() => null),
  };
}
