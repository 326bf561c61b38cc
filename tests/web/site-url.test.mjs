// scripts/site-url.mjs: with the site's public address, the chat-preview
// image is an absolute URL (chat apps fetch it from their own servers).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { withSiteUrl } from '../../scripts/site-url.mjs';

const INDEX = fs.readFileSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/index.html'), 'utf8');
const meta = (html, attr, name) => html.match(new RegExp(`<meta ${attr}="${name}" content="([^"]*)">`))?.[1];

test('og:image and twitter:image become absolute under the site address, and og:url is set', () => {
  for (const siteUrl of ['https://example.github.io/epochcost', 'https://example.github.io/epochcost/']) {
    const html = withSiteUrl(INDEX, siteUrl);
    assert.equal(meta(html, 'property', 'og:image'), 'https://example.github.io/epochcost/og-image.png');
    assert.equal(meta(html, 'name', 'twitter:image'), 'https://example.github.io/epochcost/og-image.png');
    assert.equal(meta(html, 'property', 'og:url'), 'https://example.github.io/epochcost/');
    assert.equal(html.match(/http-equiv="Content-Security-Policy"/g).length, 1, 'the rest of the page is untouched');
  }
});

test('an address that is not http(s), or not an address, is refused', () => {
  assert.throws(() => withSiteUrl(INDEX, 'javascript:alert(1)'), /http\(s\)/);
  assert.throws(() => withSiteUrl(INDEX, 'not a url'));
});

test('the source page keeps relative addresses (a local build has no public address)', () => {
  assert.equal(meta(INDEX, 'property', 'og:image'), 'og-image.png');
  assert.equal(meta(INDEX, 'property', 'og:url'), undefined);
});
