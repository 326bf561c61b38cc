// The calculator embedded in a real documentation site: tests/docs-site is
// built with Debian's mkdocs (its Markdown pages hold the code the README
// gives authors), served on another origin than the calculator, and checked
// in Chromium: each frame's estimate, its height (no inner scrollbar), the
// keyboard in and out, "open the full calculator", the theme against the
// host's background in light and dark mode, and a console left empty.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { inflateSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/chromium.mjs';
import { startServer } from '../../scripts/static-server.mjs';
import { CASES, grouped } from './cases.mjs';
import { RESULTS_DIR } from './helpers.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SOURCE = path.join(REPO, 'tests/docs-site');
// The address the Markdown pages give the calculator (the README's YOUR-HOST).
const PLACEHOLDER = 'https://calculator.example';
const PAGE_SETTINGS = ['embed', 'theme', 'lang'];

const env = {};

// What an author does: open the calculator on a configuration, take the
// read-only dark code from its Embed panel, and paste it into a Markdown page.
const PASTED_CASE = 'V100 x4 with four GPUs';

async function codeFromEmbedPanel(browser, calculatorOrigin) {
  const context = await browser.newContext({ locale: 'en-US', serviceWorkers: 'block', viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  const link = CASES.find((c) => c.name.startsWith(PASTED_CASE)).link;
  await page.goto(`${calculatorOrigin}/?${link}`);
  await page.waitForSelector('html[data-ready="true"]', { state: 'attached', timeout: 15000 });
  await page.click('#embed-details summary');
  await page.selectOption('#embed-mode', 'figures');
  await page.selectOption('#embed-theme', 'dark');
  await page.waitForFunction(() => {
    const frame = document.getElementById('embed-preview');
    const doc = frame.contentDocument;
    const height = Number(frame.dataset.reportedHeight);
    return height > 0 && frame.src.includes('embed=figures') && doc && doc.documentElement.dataset.ready === 'true'
      && Math.ceil(doc.documentElement.getBoundingClientRect().height) === height
      && document.getElementById('embed-snippet').value.includes(`height="${height}"`);
  });
  const code = await page.inputValue('#embed-snippet');
  await context.close();
  return code;
}

/** Copies the site's source, points it at the calculator, adds the pasted page, and builds it with mkdocs. */
function buildDocs(calculatorOrigin, pastedCode) {
  const dir = mkdtempSync(path.join(tmpdir(), 'epochcost-docs-'));
  cpSync(SOURCE, path.join(dir, 'src'), { recursive: true });
  const docs = path.join(dir, 'src/docs');
  writeFileSync(path.join(docs, 'pasted.md'),
    `# Pasted from the Embed panel\n\nThe code as the calculator gave it:\n\n${pastedCode}\n\nText after it.\n`);
  for (const name of readdirSync(docs).filter((f) => /\.(md|html)$/.test(f))) {
    const file = path.join(docs, name);
    writeFileSync(file, readFileSync(file, 'utf8').replaceAll(PLACEHOLDER, calculatorOrigin));
  }
  execFileSync('mkdocs', ['build', '--quiet', '--strict', '-f', path.join(dir, 'src/mkdocs.yml'), '-d', path.join(dir, 'site')],
    { stdio: ['ignore', 'inherit', 'inherit'] });
  return dir;
}

before(async () => {
  env.calculator = await startServer();
  env.browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  env.pastedCode = await codeFromEmbedPanel(env.browser, env.calculator.origin);
  env.dir = buildDocs(env.calculator.origin, env.pastedCode);
  env.docs = await startServer(path.join(env.dir, 'site'), 0, { calculator: false });
  // Another host name as well as another port: a cross-site embed, as on a real docs site.
  env.docsOrigin = env.docs.origin.replace('127.0.0.1', 'localhost');
});

after(async () => {
  await env.browser?.close();
  await env.docs?.close();
  await env.calculator?.close();
  if (env.dir) rmSync(env.dir, { recursive: true, force: true });
});

/**
 * A docs page in a fresh context, recording everything the console says (in
 * the page and in every frame, any level), uncaught errors and failed requests.
 */
async function openDocsPage(name, { colorScheme = 'light', viewport = { width: 1200, height: 900 } } = {}) {
  const context = await env.browser.newContext({ locale: 'en-US', colorScheme, viewport });
  const page = await context.newPage();
  const heard = [];
  page.on('console', (msg) => heard.push(`console.${msg.type()}: ${msg.text()} (${msg.location().url})`));
  page.on('pageerror', (error) => heard.push(`page error: ${error}`));
  page.on('requestfailed', (req) => heard.push(`request failed: ${req.url()} ${req.failure()?.errorText}`));
  page.on('response', (res) => { if (res.status() >= 400) heard.push(`HTTP ${res.status()}: ${res.url()}`); });
  page.on('popup', (popup) => {
    popup.on('console', (msg) => heard.push(`popup console.${msg.type()}: ${msg.text()}`));
    popup.on('pageerror', (error) => heard.push(`popup page error: ${error}`));
  });
  await page.goto(`${env.docsOrigin}/${name}`);
  await page.bringToFront(); // keyboard focus: the page of the earlier test may have kept it
  return { context, page, heard };
}

/** The page's calculator frames, in order, each loaded (scrolled to: they are lazy) and drawn. */
async function calculatorFrames(page) {
  const elements = await page.locator('iframe').elementHandles();
  const frames = [];
  for (const element of elements) {
    await element.scrollIntoViewIfNeeded();
    const src = await element.getAttribute('src');
    let frame = await element.contentFrame();
    for (let i = 0; i < 100 && (!frame || !frame.url().startsWith(env.calculator.origin)); i += 1) {
      await page.waitForTimeout(50);
      frame = await element.contentFrame();
    }
    await frame.waitForSelector('html[data-ready="true"]', { state: 'attached', timeout: 15000 });
    frames.push({ element, frame, src: new URL(src) });
  }
  return frames;
}

/** The shared case whose link is this embed's configuration (its page settings aside). */
function caseOf(src) {
  const params = new URLSearchParams(src.search);
  for (const key of PAGE_SETTINGS) params.delete(key);
  const found = CASES.find((c) => c.link === params.toString());
  assert.ok(found, `tests/fixtures/cases.json has a case for ${params}`);
  return found;
}

/** Waits until the frame is as tall as its content (the host script, or the code's height). */
async function contentAndFrameHeights({ element, frame }, { sized = true } = {}) {
  const read = async () => {
    const box = await element.boundingBox();
    const content = await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
    return { frame: Math.round(box.height), content, width: Math.round(box.width) };
  };
  let heights = await read();
  for (let i = 0; sized && i < 100 && Math.abs(heights.frame - heights.content) > 1; i += 1) {
    await element.evaluate(() => new Promise((resolve) => { requestAnimationFrame(() => resolve()); }));
    await new Promise((resolve) => { setTimeout(resolve, 50); });
    heights = await read();
  }
  return heights;
}

/** Whether the frame's document scrolls (an inner scrollbar). */
function scrollsInside(frame) {
  return frame.evaluate(() => {
    const root = document.documentElement;
    return root.scrollHeight > window.innerHeight + 1 || root.clientWidth < window.innerWidth;
  });
}

/** One pixel of the screen, as [r, g, b], from a 1×1 PNG screenshot. */
async function pixel(page, x, y) {
  const png = await page.screenshot({ clip: { x, y, width: 1, height: 1 } });
  // One row of one pixel: whatever the row's filter, its bytes are the pixel.
  let offset = 8;
  const idat = [];
  let colourType = 0;
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('ascii', offset + 4, offset + 8);
    const data = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') colourType = data[9];
    if (type === 'IDAT') idat.push(data);
    offset += 12 + length;
  }
  assert.ok(colourType === 2 || colourType === 6, `RGB(A) screenshot, colour type ${colourType}`);
  const raw = inflateSync(Buffer.concat(idat));
  return [raw[1], raw[2], raw[3]];
}

const luminance = (css) => {
  const [r, g, b] = css.match(/[\d.]+/g).map(Number);
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
};

/** A screenshot of the viewport from the first frame down (a full-page one leaves frames out of view blank). */
async function shot(page, name) {
  await page.locator('iframe').first().evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.evaluate(() => window.scrollBy(0, -60));
  await page.screenshot({ path: path.join(RESULTS_DIR, name) });
}

describe('the calculator in a MkDocs site, on another origin', () => {
  test('two editable embeds (one in a 300 px column) show their estimates and size to their content', async () => {
    const { context, page, heard } = await openDocsPage('index.html');
    const frames = await calculatorFrames(page);
    assert.equal(frames.length, 2, 'two calculators on the page');
    assert.notEqual(frames[0].src.search, frames[1].src.search, 'with different configurations');
    for (const embed of frames) {
      const { frame, src } = embed;
      assert.equal(new URL(frame.url()).origin, env.calculator.origin);
      assert.notEqual(env.calculator.origin, env.docsOrigin);
      const expected = caseOf(src);
      assert.ok(await frame.locator('#per-epoch').isVisible(), 'the estimate is visible');
      assert.ok((await frame.locator('#per-epoch').textContent()).includes(grouped(expected.per_epoch_total)), 'per epoch');
      assert.ok((await frame.locator('#total').textContent()).includes(grouped(expected.total)), 'in total');
      assert.ok(await frame.locator('#t').isVisible(), 'editable: the inputs are there');
      assert.ok(await frame.locator('.site-header').isHidden(), 'no page chrome inside the frame');
      const heights = await contentAndFrameHeights(embed);
      assert.ok(Math.abs(heights.frame - heights.content) <= 1, `frame ${heights.frame} px for content of ${heights.content} px`);
      assert.equal(await scrollsInside(frame), false, 'no scrollbar inside the frame');
      embed.heights = heights;
    }
    assert.equal(frames[1].heights.width, 300, 'the second embed sits in the 300 px column');
    assert.equal(await frames[1].frame.getAttribute('html', 'lang'), 'zh-CN', 'the second embed is in Chinese (lang=zh)');
    assert.ok(frames[1].heights.content > frames[0].heights.content, 'the narrow column stacks the inputs and the results');

    // An edit that adds notes makes the first calculator taller: the frame follows.
    const first = frames[0];
    await first.frame.locator('#n').fill('6');
    await first.frame.locator('#bill').selectOption('3600');
    await first.frame.locator('#disc').fill('10');
    const grown = await contentAndFrameHeights(first);
    assert.ok(grown.content > first.heights.content, `content grew from ${first.heights.content} to ${grown.content} px`);
    assert.ok(Math.abs(grown.frame - grown.content) <= 1, `frame ${grown.frame} px for ${grown.content} px after the edit`);
    assert.equal(await scrollsInside(first.frame), false);
    console.log(`# frame heights: ${frames.map((f) => `${f.heights.width}×${f.heights.frame}`).join(', ')}; after the edit ${grown.frame}`);
    await shot(page, 'docs-site-light.png');
    assert.deepEqual(heard, [], 'nothing in the console');
    await context.close();
  });

  test('the keyboard reaches each calculator and leaves it, both ways', async () => {
    const { context, page, heard } = await openDocsPage('index.html');
    const frames = await calculatorFrames(page);
    // Focus that crosses into or out of a frame on another origin crosses
    // processes: until it lands, the host's activeElement is <body> and the
    // frame has no focus. Both readers wait for it to land (up to 2 s).
    const hostFocus = async () => {
      await page.waitForFunction(() => document.activeElement !== document.body, null, { timeout: 2000 }).catch(() => {});
      return page.evaluate(() => {
        const el = document.activeElement;
        if (el === document.body) return '<body>';
        return el.tagName === 'IFRAME' ? `iframe ${[...document.querySelectorAll('iframe')].indexOf(el)}` : el.textContent.trim();
      });
    };
    const focusedIn = async (frame) => {
      await frame.waitForFunction(() => document.hasFocus(), null, { timeout: 2000 }).catch(() => {});
      return frame.evaluate(() => (document.hasFocus() ? document.activeElement.id || document.activeElement.tagName : null));
    };

    // The link just before the first calculator, then Tab: into the frame.
    await page.getByRole('link', { name: 'read how T is measured' }).focus();
    await page.keyboard.press('Tab');
    assert.equal(await hostFocus(), 'iframe 0');
    assert.ok(await focusedIn(frames[0].frame), 'Tab moves into the first calculator');
    // Tab through it: the next stop on the host is the link after it.
    let presses = 0;
    while ((await hostFocus()) === 'iframe 0' && presses < 200) {
      await page.keyboard.press('Tab');
      presses += 1;
    }
    assert.equal(await hostFocus(), 'the next section', `Tab leaves the calculator (${presses} stops inside)`);
    // Shift+Tab goes back in, to its last stop: "open the full calculator".
    await page.keyboard.press('Shift+Tab');
    assert.equal(await hostFocus(), 'iframe 0');
    assert.equal(await focusedIn(frames[0].frame), 'open-full');

    // The second calculator (in the column) after the text's link, and out to the page again.
    await page.locator('#after-second').focus();
    await page.keyboard.press('Tab');
    assert.equal(await hostFocus(), 'iframe 1');
    assert.ok(await focusedIn(frames[1].frame));
    presses = 0;
    while ((await hostFocus()) === 'iframe 1' && presses < 200) {
      await page.keyboard.press('Tab');
      presses += 1;
    }
    assert.notEqual(await hostFocus(), 'iframe 1', 'Tab leaves the second calculator');
    assert.deepEqual(heard, [], 'nothing in the console');
    await context.close();
  });

  test('"open the full calculator" opens the full page with the same configuration, edits included', async () => {
    const { context, page, heard } = await openDocsPage('index.html');
    const frames = await calculatorFrames(page);
    for (const [index, { frame, src }] of frames.entries()) {
      if (index === 0) await frame.locator('#e').fill('4'); // an edit travels too
      const inFrame = { perEpoch: await frame.locator('#per-epoch').textContent(), total: await frame.locator('#total').textContent() };
      const [popup] = await Promise.all([context.waitForEvent('page'), frame.locator('#open-full').click()]);
      await popup.waitForSelector('html[data-ready="true"]', { state: 'attached', timeout: 15000 });
      const opened = new URL(popup.url());
      assert.equal(opened.origin, env.calculator.origin);
      assert.equal(opened.searchParams.has('embed'), false, 'the full page, not an embed');
      assert.equal(opened.searchParams.get('lang'), src.searchParams.get('lang'), 'in the same language');
      assert.equal(opened.searchParams.get('theme'), src.searchParams.get('theme'), 'in the same theme');
      assert.equal(await popup.evaluate(() => document.documentElement.classList.contains('embed')), false);
      assert.ok(await popup.locator('.site-header').isVisible(), 'the whole page');
      assert.equal(await popup.locator('#per-epoch').textContent(), inFrame.perEpoch);
      assert.equal(await popup.locator('#total').textContent(), inFrame.total);
      if (index === 0) assert.equal(await popup.inputValue('#e'), '4');
      await popup.close();
    }
    assert.deepEqual(heard, [], 'nothing in the console');
    await context.close();
  });

  test('in dark mode, theme=auto embeds turn dark and let the host\'s background show through', async () => {
    for (const colorScheme of ['dark', 'light']) {
      const { context, page, heard } = await openDocsPage('index.html', { colorScheme });
      const hostBackground = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      const frames = await calculatorFrames(page);
      for (const embed of frames) {
        const { element, frame } = embed;
        const colours = await frame.evaluate(() => ({
          text: getComputedStyle(document.body).color,
          page: getComputedStyle(document.body).backgroundColor,
          root: getComputedStyle(document.documentElement).backgroundColor,
        }));
        assert.equal(colours.page, 'rgba(0, 0, 0, 0)', 'the frame paints no background of its own');
        assert.equal(colours.root, 'rgba(0, 0, 0, 0)');
        if (colorScheme === 'dark') assert.ok(luminance(colours.text) > 0.6, `light text on dark: ${colours.text}`);
        else assert.ok(luminance(colours.text) < 0.25, `dark text on light: ${colours.text}`);
        // On screen, a spot of the frame with nothing drawn is the host's colour.
        await contentAndFrameHeights(embed);
        await element.evaluate((el) => el.scrollIntoView({ block: 'start' }));
        const box = await element.boundingBox();
        const seen = await pixel(page, Math.round(box.x) + 2, Math.round(box.y) + 2);
        const host = hostBackground.match(/\d+/g).slice(0, 3).map(Number);
        assert.deepEqual(seen, host, `the frame's corner shows the host's ${hostBackground} (${colorScheme})`);
      }
      await shot(page, `docs-site-${colorScheme}.png`);
      assert.deepEqual(heard, [], `nothing in the console (${colorScheme})`);
      await context.close();
    }
  });

  test('a read-only embed (embed=figures) on a page without the host script: figures, formula, a link to edit, no scrollbar', async () => {
    for (const colorScheme of ['light', 'dark']) {
      const { context, page, heard } = await openDocsPage('fixed-example.html', { colorScheme });
      const frames = await calculatorFrames(page);
      assert.equal(frames.length, 1);
      const [embed] = frames;
      const { frame, src, element } = embed;
      assert.equal(src.searchParams.get('embed'), 'figures');
      assert.equal(await page.evaluate(() => document.querySelectorAll('script[src*="embed-host"]').length), 0, 'no host script on this page');
      const expected = caseOf(src);
      assert.ok((await frame.locator('#per-epoch').textContent()).includes(grouped(expected.per_epoch_total)), 'per epoch');
      assert.ok((await frame.locator('#total').textContent()).includes(grouped(expected.total)), 'in total');
      assert.ok(await frame.locator('#formula-substituted').isVisible(), 'the formula with its numbers');
      assert.match(await frame.locator('#formula-substituted').textContent(), /1\.5/);
      for (const hidden of ['#calc', '.breakdown', '.facts-block', '.notes-block', '.site-header']) {
        assert.ok(await frame.locator(hidden).isHidden(), `${hidden} is hidden (read-only)`);
      }
      const link = frame.locator('#open-full');
      assert.equal((await link.innerText()).trim(), 'Open in the calculator to change the inputs');
      // Its one stop for the keyboard is that link: Tab in, Tab out to the host's next link.
      // (This page's window is brought to the front: a window an earlier
      // test's popup left behind does not move focus into frames.)
      await page.bringToFront();
      await page.locator('.col-md-9 h1').first().click();
      // (Focus crossing origins crosses processes: wait for it to land.)
      const landed = () => page.waitForFunction(() => document.activeElement !== document.body, null, { timeout: 2000 }).catch(() => {});
      await page.keyboard.press('Tab');
      await landed();
      assert.equal(await page.evaluate(() => document.activeElement.tagName), 'IFRAME');
      await frame.waitForFunction(() => document.activeElement.id === 'open-full', null, { timeout: 2000 }).catch(() => {});
      assert.equal(await frame.evaluate(() => document.activeElement.id), 'open-full');
      await page.keyboard.press('Tab');
      await page.waitForFunction(() => document.activeElement.tagName !== 'IFRAME', null, { timeout: 2000 }).catch(() => {});
      await landed();
      assert.equal(await page.evaluate(() => document.activeElement.textContent), 'a link back');
      const heights = await contentAndFrameHeights(embed, { sized: false });
      const attribute = Number(await element.getAttribute('height'));
      assert.equal(heights.frame, attribute, 'without the host script the frame keeps its code\'s height');
      assert.ok(heights.content <= attribute, `content ${heights.content} px fits the ${attribute} px frame`);
      assert.equal(await scrollsInside(frame), false, 'no scrollbar inside the frame');
      assert.ok(heights.content <= 200, `read-only embed in ${heights.content} px`);
      console.log(`# read-only embed: ${heights.width}×${heights.content} px of content (${colorScheme})`);
      const text = await frame.evaluate(() => getComputedStyle(document.body).color);
      assert.ok(colorScheme === 'dark' ? luminance(text) > 0.6 : luminance(text) < 0.25, `${colorScheme}: text ${text}`);
      const [popup] = await Promise.all([context.waitForEvent('page'), link.click()]);
      await popup.waitForSelector('html[data-ready="true"]', { state: 'attached', timeout: 15000 });
      assert.equal(new URL(popup.url()).searchParams.has('embed'), false);
      assert.ok(await popup.locator('#e').isEditable(), 'editable there');
      assert.equal(await popup.inputValue('#e'), new URLSearchParams(expected.link).get('e'));
      assert.equal(await popup.locator('#total').textContent(), await frame.locator('#total').textContent());
      await popup.close();
      await shot(page, `docs-site-figures-${colorScheme}.png`);
      assert.deepEqual(heard, [], 'nothing in the console');
      await context.close();
    }
  });

  test('a plain HTML host page with a dark mode, no color-scheme and a strict CSP: the script sizes each frame, and each shows the host\'s background or, when its theme differs, its own', async () => {
    for (const colorScheme of ['dark', 'light']) {
      const { context, page, heard } = await openDocsPage('plain.html', { colorScheme, viewport: { width: 800, height: 900 } });
      const hostBackground = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      const host = hostBackground.match(/\d+/g).slice(0, 3).map(Number);
      const frames = await calculatorFrames(page);
      assert.equal(frames.length, 2);
      assert.match(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content'), /script-src http:\/\/127\.0\.0\.1:\d+;/);
      for (const embed of frames) {
        const { element, frame, src } = embed;
        const theme = src.searchParams.get('theme');
        const heights = await contentAndFrameHeights(embed);
        assert.ok(Math.abs(heights.frame - heights.content) <= 1, `frame ${heights.frame} px for ${heights.content} px`);
        assert.equal(await scrollsInside(frame), false);
        const dark = theme === 'dark' || colorScheme === 'dark';
        const text = await frame.evaluate(() => getComputedStyle(document.body).color);
        assert.ok(dark ? luminance(text) > 0.6 : luminance(text) < 0.25, `theme=${theme} in ${colorScheme}: ${text}`);
        // The script tells the element what is behind it (this page declares no color-scheme).
        assert.equal(await element.evaluate((el) => el.style.colorScheme), colorScheme);
        await element.evaluate((el) => el.scrollIntoView({ block: 'start' }));
        const box = await element.boundingBox();
        const seen = await pixel(page, Math.round(box.x) + 2, Math.round(box.y) + 2);
        if (dark === (colorScheme === 'dark')) {
          assert.deepEqual(seen, host, `the host's ${hostBackground} shows through (theme=${theme}, ${colorScheme})`);
        } else {
          // theme=dark on the light page: its own dark canvas, so its light text stays legible.
          assert.ok(seen.reduce((a, b) => a + b, 0) < 120, `a dark frame on the light page: ${seen} (theme=${theme})`);
        }
      }
      await shot(page, `plain-host-${colorScheme}.png`);
      assert.deepEqual(heard, [], 'nothing in the console');
      await context.close();
    }
  });

  test('the Embed panel\'s read-only dark code, pasted into a Markdown page as it is, survives mkdocs and shows whole without a script', async () => {
    const { context, page, heard } = await openDocsPage('pasted.html', { colorScheme: 'light' });
    const built = await (await page.request.get(`${env.docsOrigin}/pasted.html`)).text();
    assert.ok(built.includes(`\n${env.pastedCode}\n`), 'the built page holds the code unchanged, on a line of its own');
    const [embed] = await calculatorFrames(page);
    const expected = caseOf(embed.src);
    assert.ok(expected.name.startsWith(PASTED_CASE));
    assert.equal(embed.src.searchParams.get('embed'), 'figures');
    assert.equal(embed.src.searchParams.get('theme'), 'dark');
    assert.ok((await embed.frame.locator('#total').textContent()).includes(grouped(expected.total)));
    assert.ok(await embed.frame.locator('#formula-substituted').isVisible());
    const heights = await contentAndFrameHeights(embed, { sized: false });
    assert.equal(heights.frame, Number(await embed.element.getAttribute('height')));
    assert.ok(heights.content <= heights.frame, `content ${heights.content} px in a ${heights.frame} px frame`);
    assert.equal(await scrollsInside(embed.frame), false);
    const text = await embed.frame.evaluate(() => getComputedStyle(document.body).color);
    assert.ok(luminance(text) > 0.6, `theme=dark: light text (${text})`);
    assert.deepEqual(heard, [], 'nothing in the console');
    await context.close();
  });
});
