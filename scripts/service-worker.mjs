// Writes the build's version and file list into build/site/sw.js (see
// web/sw.js). The version is a hash of every cached file's path and bytes:
// any change to the page, the bundle, the engine or a table gives a new
// service worker, which browsers install beside the old one.
//   node scripts/service-worker.mjs SITE_DIR
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// Not cached: the worker itself, the chat-preview image (fetched by chat
// apps, not readers), the embedding example (a demo page) and the host
// pages' script (loaded by docs sites, outside this worker's pages).
const SKIP = new Set(['sw.js', 'og-image.png', 'embed-example.html', 'embed-example.js', 'embed-host.js']);

/** Every file of the site a reader's page can ask for, as sorted relative paths. */
export function precacheList(siteDir) {
  const files = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else files.push(path.relative(siteDir, full).split(path.sep).join('/'));
    }
  };
  walk(siteDir);
  return files.filter((f) => !SKIP.has(f)).sort();
}

/** [[path, SHA-256 hex of its bytes]] for each file: what the worker checks before caching. */
export function fileHashes(siteDir, files) {
  return files.map((file) => [file, createHash('sha256').update(fs.readFileSync(path.join(siteDir, file))).digest('hex')]);
}

/** 16 hex digits of SHA-256 over each file's path and the hash of its bytes. */
function versionOf(hashes) {
  const hash = createHash('sha256');
  for (const [file, sha256] of hashes) hash.update(`${file}\0${sha256}\0`);
  return hash.digest('hex').slice(0, 16);
}

export function siteVersion(siteDir, files) {
  return versionOf(fileHashes(siteDir, files));
}

/** Fills the two marked lines of SITE_DIR/sw.js; returns {version, files}. */
export function writeServiceWorker(siteDir) {
  const files = precacheList(siteDir);
  const hashes = fileHashes(siteDir, files); // each file read once
  const version = versionOf(hashes);
  const file = path.join(siteDir, 'sw.js');
  const source = fs.readFileSync(file, 'utf8');
  const filled = source
    .replace("const VERSION = 'unbuilt'; // build: version", `const VERSION = '${version}';`)
    .replace('const FILES = []; // build: files', `const FILES = ${JSON.stringify(hashes)};`);
  if (filled === source || filled.includes('// build:')) throw new Error(`${file}: the build markers are missing`);
  fs.writeFileSync(file, filled);
  return { version, files };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { version, files } = writeServiceWorker(process.argv[2]);
  console.log(`service worker: version ${version}, ${files.length} files cached`);
}
