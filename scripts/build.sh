#!/usr/bin/env bash
# Builds everything: the native core, CLI, tests and benchmarks (build/native),
# the wasm engine (build/wasm), and the static site (build/site = web/ plus
# the engine). Run scripts/setup.sh first (serve.sh and test.sh do).
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)

cmake --preset native >/dev/null
cmake --build --preset native -j "$jobs"

# em++ runs its JS optimiser under node and needs Debian's acorn; closure
# comes from package-lock.json (npm ci in setup.sh).
export NODE_PATH=/usr/share/nodejs
export EM_CLOSURE_COMPILER="$PWD/node_modules/.bin/google-closure-compiler"
emcmake cmake --preset wasm >/dev/null
cmake --build --preset wasm -j "$jobs"

# Assemble beside the old site and swap, so that a server or a test reading
# build/site never sees a half-copied folder (or a .js from one build with a
# .wasm from another).
# The core's schema (every input's key, link parameter, way, default and
# example) becomes a module of the page's (web/schema.js, generated, not
# committed), so that web/ repeats none of it.
node scripts/schema-module.mjs build/native/cli/epochcost web/schema.js

staging=$(mktemp -d build/site.XXXXXX)
cp -R web/. "$staging/"
# The page's modules become one minified module (export.js included): one
# request instead of one per module, and about half the bytes. The embedding
# example's script (a page of its own), the service worker, hold.js (a
# classic script that runs before the body is parsed), embed-host.js (the
# host page's script for embeds) and tables-rank.js (loaded on demand) stay apart.
find "$staging" -maxdepth 1 -name '*.js' ! -name embed-example.js ! -name sw.js ! -name hold.js ! -name embed-host.js ! -name tables-rank.js -delete
# UTF-8 out (a module script is always read as UTF-8): the Chinese catalogue
# as its own characters, not \u escapes, 11 KB less to download and parse.
node_modules/.bin/esbuild web/main.js --bundle --format=esm --minify --target=es2020 --charset=utf8 \
  --legal-comments=none --log-level=warning --external:./tables-rank.js --outfile="$staging/main.js"
# The ranking of several tables is loaded when asked for, outside the first
# estimate's bytes (it imports nothing: main.js hands it its helpers).
node_modules/.bin/esbuild web/tables-rank.js --format=esm --minify --target=es2020 --charset=utf8 --log-level=warning \
  --outfile="$staging/tables-rank.js" --allow-overwrite
# The style sheets, minified: their comments are for us, and styles.css is
# in every first frame (about 6 KB gzip instead of 9).
for sheet in styles.css noscript.css; do
  node_modules/.bin/esbuild "web/$sheet" --minify --log-level=warning --outfile="$staging/$sheet" --allow-overwrite
done
# hold.js blocks the parser, so it is a classic script (one function, with
# language.js and paths.js), minified: about 700 bytes gzip (486 before it
# set the theme, marked framed embeds and started a link's engine early).
node_modules/.bin/esbuild web/hold.js --bundle --format=iife --minify --target=es2020 --log-level=warning \
  --outfile="$staging/hold.js"
# embed-host.js runs on docs sites, as a classic script: minified, no bundle.
node_modules/.bin/esbuild web/embed-host.js --minify --target=es2017 --log-level=warning \
  --outfile="$staging/embed-host.js" --allow-overwrite
# The page's static strings, from web/i18n.js's English catalogue (the
# source index.html leaves them empty).
node scripts/static-strings.mjs "$staging"
mkdir -p "$staging/engine"
cp build/wasm/wasm/epochcost_engine.js build/wasm/wasm/epochcost_engine.wasm "$staging/engine/"
# The seed example's answers, computed now by this engine, go into index.html.
node scripts/first-view.mjs "$staging" "$staging/engine"
# ... and are drawn into it, as main.js draws them, by chromium.
node scripts/prerender.mjs "$staging"
# With SITE_URL (the Pages workflow), chat previews get absolute addresses.
node scripts/site-url.mjs "$staging"
# The source's comments stay out of the page every reader downloads.
node scripts/strip-comments.mjs "$staging"
# Last: the service worker's version is a hash of everything above.
node scripts/service-worker.mjs "$staging"
chmod 755 "$staging"
rm -rf build/site.old
[ -d build/site ] && mv build/site build/site.old
mv "$staging" build/site
rm -rf build/site.old
echo "build: site in build/site ($(du -sk build/site | cut -f1) KB)"
