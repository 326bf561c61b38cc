// Writes the first view into the built index.html's body: the page as main.js draws
// a plain opening in English (the seed example, from the first-view block
// that scripts/first-view.mjs wrote), so that the first frame needs no
// script at all. Debian's chromium draws it, with the engine and the
// price tables held back: the first view needs neither.
// What the reader sees in a form control is its state, not its markup, so
// values, checks and selections are written into attributes first. Fields
// that follow the address (the share link, the embed code and script line) are left empty:
// main.js fills them in the reader's own address.
//   node scripts/prerender.mjs SITE_DIR
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.mjs';
import { startServer } from './static-server.mjs';

const siteDir = path.resolve(process.argv[2]);
const server = await startServer(siteDir);
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
try {
  const context = await browser.newContext({ locale: 'en-US', serviceWorkers: 'block' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  // Held, never answered: main.js asks for the engine once the first view
  // is on screen, and the page is read while it waits.
  await page.route(/\/(engine|prices)\//, () => {});
  const engineAsked = page.waitForRequest(/\/engine\//);
  await page.goto(`${server.origin}/`);
  await engineAsked;
  if (errors.length) throw new Error(`prerender: the page reported errors:\n${errors.join('\n')}`);

  const body = await page.evaluate(() => {
    const root = document.documentElement;
    if (root.hasAttribute('data-hold') || root.hasAttribute('data-ready')) {
      throw new Error(`not a plain first view: ${root.outerHTML.slice(0, 200)}`);
    }
    for (const id of ['share-url', 'embed-snippet', 'embed-host-line']) document.getElementById(id).value = '';
    // main.js then reads the form as drawn, not the examples, keeping what a
    // reader typed before it ran.
    document.getElementById('calc').setAttribute('data-drawn', '');
    document.getElementById('open-full').setAttribute('href', './');
    for (const input of document.querySelectorAll('input')) {
      if (input.type === 'checkbox' || input.type === 'radio') input.toggleAttribute('checked', input.checked);
      else if (input.type !== 'file' && (input.value !== '' || input.hasAttribute('value'))) input.setAttribute('value', input.value);
    }
    for (const option of document.querySelectorAll('option')) option.toggleAttribute('selected', option.selected);
    for (const area of document.querySelectorAll('textarea')) area.textContent = area.value;
    return document.body.outerHTML;
  });
  if (!/id="per-epoch">[^<]*\d/.test(body)) throw new Error('prerender: the first view has no estimate');
  if (body.includes(server.origin) || body.includes('127.0.0.1')) {
    throw new Error('prerender: the page holds the build server\'s address');
  }
  // Only the body: the head stays as written (main.js retitles the page per
  // language, but chat previews read the HTML's own description).
  const index = path.join(siteDir, 'index.html');
  const source = fs.readFileSync(index, 'utf8');
  const start = source.indexOf('<body');
  const end = source.lastIndexOf('</body>') + '</body>'.length;
  if (start < 0 || end < start) throw new Error(`prerender: ${index} has no body`);
  const html = source.slice(0, start) + body + source.slice(end);
  fs.writeFileSync(index, html);
  const figure = /id="per-epoch">([^<]*)</.exec(body)[1];
  console.log(`prerender: index.html shows ${figure} per epoch before any script (${html.length} bytes)`);
} finally {
  await browser.close();
  await server.close();
}
