// The strict Content-Security-Policy: every HTML page of the site
// carries it as a <meta> before anything it governs, with nothing inline
// that would need 'unsafe-inline'; and the pages run under it with zero
// securitypolicyviolation events, even while every feature is used (other
// ways of getting T, the comparison, export by Blob URL, a table from a file).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { assertNoProblems, browserForFile, newContext, openCalculator, watchedPage } from './helpers.mjs';
import { SITE_DIR } from '../../scripts/static-server.mjs';

const env = browserForFile();

const PAGES = readdirSync(SITE_DIR).filter((f) => f.endsWith('.html')).sort();

function directives(policy) {
  return Object.fromEntries(policy.split(';').map((d) => d.trim()).filter(Boolean).map((d) => {
    const [name, ...sources] = d.split(/\s+/);
    return [name, sources];
  }));
}

test('the site has its HTML pages (index and the embedding example at least)', () => {
  assert.ok(PAGES.includes('index.html') && PAGES.includes('embed-example.html'), PAGES.join());
});

for (const file of PAGES) {
  test(`${file} carries the strict CSP as its first <meta> and nothing inline`, async () => {
    const html = readFileSync(path.join(SITE_DIR, file), 'utf8');
    const served = await (await fetch(`${env.url('/')}${file}`)).text();
    assert.equal(served, html, 'the server sends the built file');
    const metas = [...html.matchAll(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"\s*>/gi)];
    assert.equal(metas.length, 1, 'exactly one CSP meta');
    const policy = directives(metas[0][1]);
    assert.deepEqual(policy['default-src'], ["'self'"]);
    assert.ok(policy['script-src'].includes("'self'"));
    assert.ok(policy['script-src'].every((s) => ["'self'", "'wasm-unsafe-eval'"].includes(s)), `script-src ${policy['script-src']}`);
    assert.deepEqual(policy['style-src'], ["'self'"]);
    for (const [name, sources] of Object.entries(policy)) {
      for (const forbidden of ["'unsafe-inline'", "'unsafe-eval'", '*', 'http:', 'https:']) {
        assert.ok(!sources.includes(forbidden), `${name} allows ${forbidden}`);
      }
    }
    assert.deepEqual(policy['object-src'], ["'none'"]);
    assert.deepEqual(policy['base-uri'], ["'none'"]);
    // The policy must come before any script, style sheet or image it governs.
    const at = metas[0].index;
    for (const tag of [/<script\b/i, /<link\b/i, /<img\b/i, /<style\b/i]) {
      const found = html.search(tag);
      assert.ok(found === -1 || found > at, `${tag} before the CSP meta`);
    }

    // Parsed as the browser parses it: nothing inline that the policy would have to allow.
    const context = await newContext(env.browser, { locale: 'en-US' });
    const { page, problems } = await watchedPage(context);
    await page.goto(env.url(`/${file}`), { waitUntil: 'load' });
    const found = await page.evaluate(() => ({
      meta: document.head.querySelector('meta[http-equiv="Content-Security-Policy"]') !== null,
      // A JSON data block (the build's first view) is never executed.
      inlineScripts: [...document.scripts].filter((s) => !s.src && s.type !== 'application/json').length,
      dataBlocksNotJson: [...document.scripts].filter((s) => s.type === 'application/json').filter((s) => {
        try { JSON.parse(s.textContent); return false; } catch { return true; }
      }).length,
      styleElements: document.querySelectorAll('style').length,
      styleAttributes: document.querySelectorAll('[style]').length,
      handlers: [...document.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => a.name.startsWith('on'))).length,
      javascriptUrls: [...document.querySelectorAll('[href], [src]')]
        .filter((el) => /^\s*javascript:/i.test(el.getAttribute('href') || el.getAttribute('src') || '')).length,
    }));
    assert.deepEqual(found, { meta: true, inlineScripts: 0, dataBlocksNotJson: 0, styleElements: 0, styleAttributes: 0, handlers: 0, javascriptUrls: 0 });
    await page.waitForTimeout(500); // the embedding example's frame loads the calculator
    assertNoProblems(problems);
    await context.close();
  });
}

test('index.html runs every feature with zero CSP violations and no style attribute added', async () => {
  const context = await newContext(env.browser, { locale: 'en-US' });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.url('') });
  const { page, problems } = await watchedPage(context);
  await openCalculator(page, env.url('/?i=a100x4&fp=6.9e9&ft=4.2e6&ftok=1e8&fm=lora&mfu=0.35&p=20&n=4&budget=2000&by=24'));
  for (const way of ['trial', 'throughput', 'flops', 'direct']) await page.click(`label[for="way-${way}"]`);
  await Promise.all([page.waitForEvent('download'), page.click('[data-export="compare"][data-format="csv"]')]);
  await page.click('[data-copy="estimate"]');
  await page.selectOption('#prices-choice', 'prices/deepseek-v3.json');
  await page.waitForFunction(() => document.getElementById('instance').value === 'h800x8');
  await page.setInputFiles('#prices-file', { name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('not json') });
  await page.waitForSelector('#prices-problem:not([hidden])');
  await page.click('#embed-details summary');
  const styled = await page.evaluate(() => document.querySelectorAll('[style]').length);
  assert.equal(styled, 0, 'no style attribute: bars are SVG widths');
  assertNoProblems(problems);
  await context.close();
});
