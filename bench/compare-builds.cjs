#!/usr/bin/env node
// Two builds of the site, timed in the same run: the seed view and a link's
// first estimate of each, in alternating cold loads of headless Chromium
// (the method of ../shared/tools/link-floor.cjs). For before/after figures on
// this shared, noisy machine, where only ratios measured together mean much.
//
//   node bench/compare-builds.cjs BUILD_A BUILD_B [rounds] [link] [figures,of,the,link]
//   (e.g. a copy of build/site before a change, and build/site after it)
const fs = require('fs'), path = require('path'), http = require('http');
const { chromium } = require(path.resolve('node_modules/playwright-core'));
const [A, B] = [process.argv[2], process.argv[3]].map((p) => path.resolve(p));
const rounds = Number(process.argv[4] || 11);
const LINK = process.argv[5] || '?i=rtx3090&n=1&t=30&d=0&m=0&e=3';
const NEED = (process.argv[6] || '150.00,450.00').split(',');
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png' };
const serve = (dir) => new Promise((res) => { const s = http.createServer((req, r) => {
  let p = decodeURIComponent(new URL(req.url, 'http://x').pathname); if (p.endsWith('/')) p += 'index.html';
  const f = path.join(dir, p); if (!f.startsWith(dir) || !fs.existsSync(f)) { r.writeHead(404); r.end(); return; }
  r.writeHead(200, { 'content-type': types[path.extname(f)] || 'application/octet-stream' }); r.end(fs.readFileSync(f)); });
  s.listen(0, '127.0.0.1', () => res(s)); });
(async () => {
  const sa = await serve(A), sb = await serve(B);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run'] });
  const load = async (url, needles) => {
    const ctx = await browser.newContext(); const page = await ctx.newPage();
    await page.addInitScript((n) => { window.__seen = null;
      const look = () => { if (window.__seen === null && document.body && n.every((x) => document.body.innerText.includes(x))) window.__seen = performance.now(); };
      new MutationObserver(look).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
      document.addEventListener('DOMContentLoaded', look); }, needles);
    await page.goto(url, { waitUntil: 'load' });
    let seen = null; for (let i = 0; i < 400 && seen === null; i++) { seen = await page.evaluate(() => window.__seen); if (seen === null) await page.waitForTimeout(25); }
    await ctx.close(); return seen; };
  const t = { aSeed: [], aLink: [], bSeed: [], bLink: [] };
  const base = (s) => `http://127.0.0.1:${s.address().port}`;
  for (let i = 0; i < rounds; i++) {
    t.aSeed.push(await load(base(sa) + '/', ['123.00'])); t.bSeed.push(await load(base(sb) + '/', ['123.00']));
    t.aLink.push(await load(base(sa) + '/' + LINK, NEED)); t.bLink.push(await load(base(sb) + '/' + LINK, NEED));
  }
  const med = (a) => { const s = a.filter((x) => x !== null).sort((x, y) => x - y); return s[Math.floor(s.length / 2)]; };
  const m = Object.fromEntries(Object.entries(t).map(([k, v]) => [k, med(v)]));
  console.log(`A (${A}): seed ${m.aSeed.toFixed(0)} ms, link ${m.aLink.toFixed(0)} ms (${(m.aLink / m.aSeed).toFixed(2)}x)`);
  console.log(`B (${B}): seed ${m.bSeed.toFixed(0)} ms, link ${m.bLink.toFixed(0)} ms (${(m.bLink / m.bSeed).toFixed(2)}x); B link / A link ${(m.bLink / m.aLink).toFixed(2)}; medians of ${rounds}`);
  await browser.close(); sa.close(); sb.close();
})();
