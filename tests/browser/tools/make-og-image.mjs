// Regenerates web/og-image.png (1200 x 630, the chat-preview image) by
// screenshotting og-card.html with Debian's chromium. Run once after changing
// the card: `npm run og-image`. The PNG is committed; the page never builds it.
// The card is bilingual: without a Chinese font on the machine, point
// OG_FONT_DIR at a folder holding one (e.g. fonts-wqy-microhei unpacked with
// `apt-get download` and `dpkg-deb -x`), read by this chromium alone.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../../scripts/chromium.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.resolve(here, '../../../web/og-image.png');
const env = { ...process.env };
if (process.env.OG_FONT_DIR) {
  const conf = path.join(mkdtempSync(path.join(os.tmpdir(), 'og-fonts-')), 'fonts.conf');
  writeFileSync(conf, `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>
<include ignore_missing="yes">/etc/fonts/fonts.conf</include><dir>${path.resolve(process.env.OG_FONT_DIR)}</dir></fontconfig>`);
  env.FONTCONFIG_FILE = conf;
}
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, env });
try {
  const page = await browser.newPage({ viewport: { width: 1200, height: 630 }, deviceScaleFactor: 1 });
  await page.goto(pathToFileURL(path.join(here, 'og-card.html')).href);
  await page.screenshot({ path: out, type: 'png' });
} finally {
  await browser.close();
}
// The card has few colours: a 64-colour palette keeps it well under 60 KB.
// pngquant (apt-get install pngquant) is optional; without it the PNG is larger.
try {
  execFileSync('pngquant', ['--force', '--skip-if-larger', '--strip', '--quality=70-95', '64', '--output', out, out]);
} catch (err) {
  console.warn(`og-image: pngquant not used (${err.code || err.status}); the PNG stays unquantised`);
}
const { size } = await stat(out);
console.log(`og-image: ${out} (${Math.round(size / 1024)} KB)`);
