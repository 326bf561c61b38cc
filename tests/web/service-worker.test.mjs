// scripts/service-worker.mjs: the build's file list and version. A reader
// must never get a page of one build with files of another, so the version
// must change whenever any cached file changes, and the list must hold every
// file the page asks for.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { fileHashes, precacheList, siteVersion } from '../../scripts/service-worker.mjs';

const SITE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../build/site');

test('the built worker caches every file a reader needs, under the version of those files', () => {
  const files = precacheList(SITE);
  for (const needed of ['index.html', 'main.js', 'styles.css', 'favicon.svg', 'engine/epochcost_engine.js',
    'engine/epochcost_engine.wasm', 'prices/ciuic.json', 'prices/deepseek-v3.json']) {
    assert.ok(files.includes(needed), `${needed} is cached`);
  }
  for (const skipped of ['sw.js', 'og-image.png', 'embed-example.html']) assert.ok(!files.includes(skipped), skipped);
  const worker = fs.readFileSync(path.join(SITE, 'sw.js'), 'utf8');
  assert.ok(worker.includes(`const VERSION = '${siteVersion(SITE, files)}';`), 'sw.js carries the version of the built files');
  assert.ok(worker.includes(`const FILES = ${JSON.stringify(fileHashes(SITE, files))};`), 'sw.js lists the built files and their hashes');
  assert.ok(!worker.includes('// build:'), 'no unfilled marker');
});

test('changing one byte of any cached file gives a new version', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'epochcost-sw-'));
  try {
    fs.cpSync(SITE, dir, { recursive: true });
    const files = precacheList(dir);
    const before = siteVersion(dir, files);
    assert.equal(siteVersion(dir, files), before, 'the same files give the same version');
    for (const file of ['engine/epochcost_engine.wasm', 'index.html', 'prices/ciuic.json']) {
      const full = path.join(dir, file);
      const original = fs.readFileSync(full);
      const changed = Buffer.from(original);
      changed[changed.length - 1] ^= 1;
      fs.writeFileSync(full, changed);
      assert.notEqual(siteVersion(dir, files), before, `a change to ${file}`);
      fs.writeFileSync(full, original);
    }
    fs.renameSync(path.join(dir, 'main.js'), path.join(dir, 'main2.js'));
    assert.notEqual(siteVersion(dir, precacheList(dir)), before, 'a renamed file');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
