// A tiny static file server for scripts/serve.sh, the browser tests and the
// benchmarks: serves build/site on 127.0.0.1 (at a free port by default),
// with the MIME types the page needs (wasm must be application/wasm for
// streaming compilation), and gzip as any static host sends it (so
// Lighthouse's simulated network sees real transfer sizes). No python, no
// dependencies.
import { createServer } from 'node:http';
import { gzipSync } from 'node:zlib';
import { readFile, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const SITE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../build/site');

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.wasm', '.svg', '.txt']);

// gzip -9 of each file, made once per version of the file.
const gzipped = new Map();
function gzipOf(file, info, body) {
  const key = `${file}|${info.mtimeMs}|${info.size}`;
  if (!gzipped.has(key)) gzipped.set(key, gzipSync(body, { level: 9 }));
  return gzipped.get(key);
}

/** Fails with a clear message when the site has not been built. */
export function assertSiteBuilt(dir = SITE_DIR) {
  const needed = ['index.html', 'engine/epochcost_engine.js', 'engine/epochcost_engine.wasm'];
  const missing = needed.filter((f) => !existsSync(path.join(dir, f)));
  if (missing.length) {
    throw new Error(`build/site is missing ${missing.join(', ')}: run scripts/build.sh first`);
  }
}

/**
 * Starts the server (port 0: any free one); resolves to {origin, close()}.
 * calculator: false serves another site (the docs site of the embedding tests).
 */
export async function startServer(dir = SITE_DIR, port = 0, { calculator = true } = {}) {
  if (calculator) assertSiteBuilt(dir);
  const root = path.resolve(dir);
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://127.0.0.1');
      let file = path.resolve(root, `.${decodeURIComponent(url.pathname)}`);
      if (file !== root && !file.startsWith(root + path.sep)) {
        res.writeHead(403).end('forbidden');
        return;
      }
      let info = await stat(file).catch(() => null);
      if (info && info.isDirectory()) {
        file = path.join(file, 'index.html');
        info = await stat(file).catch(() => null);
      }
      if (!info || !info.isFile()) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
        return;
      }
      const ext = path.extname(file).toLowerCase();
      let body = await readFile(file);
      const headers = {
        'content-type': MIME[ext] || 'application/octet-stream',
        // Revalidated on every use (a test never sees a stale build), yet
        // the page stays eligible for the back/forward cache.
        'cache-control': 'no-cache',
        'x-content-type-options': 'nosniff',
        vary: 'accept-encoding',
      };
      if (COMPRESSIBLE.has(ext) && /\bgzip\b/.test(req.headers['accept-encoding'] || '')) {
        body = gzipOf(file, info, body);
        headers['content-encoding'] = 'gzip';
      }
      headers['content-length'] = body.length;
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (err) {
      res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end(String(err));
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((resolve) => { server.closeAllConnections?.(); server.close(() => resolve()); }),
  };
}

// As a program: node scripts/static-server.mjs PORT (scripts/serve.sh).
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { origin } = await startServer(SITE_DIR, Number(process.argv[2] || 8000));
  console.log(`serve: ${origin}/  (Ctrl-C to stop)`);
}
