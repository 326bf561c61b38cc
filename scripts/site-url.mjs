// Makes the chat-preview image address absolute, and adds og:url, when the
// site's public address is known (SITE_URL, set by the Pages workflow).
// Chat apps fetch og:image on their own servers, where a relative address
// means nothing. Without SITE_URL (a local build) the page is left as is.
//   SITE_URL=https://host/path/ node scripts/site-url.mjs SITE_DIR
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** index.html with og:image and twitter:image absolute and og:url set; throws on a bad address. */
export function withSiteUrl(html, siteUrl) {
  const base = new URL(siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`);
  if (base.protocol !== 'https:' && base.protocol !== 'http:') throw new Error(`SITE_URL must be http(s): ${siteUrl}`);
  const image = new URL('og-image.png', base).href;
  const attr = (text) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  let out = html;
  for (const tag of ['<meta property="og:image" content="og-image.png">', '<meta name="twitter:image" content="og-image.png">']) {
    if (!out.includes(tag)) throw new Error(`index.html has no ${tag}`);
    out = out.replace(tag, tag.replace('og-image.png', attr(image)));
  }
  const type = '<meta property="og:type" content="website">';
  if (!out.includes(type)) throw new Error(`index.html has no ${type}`);
  return out.replace(type, `${type}\n  <meta property="og:url" content="${attr(base.href)}">`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const siteUrl = process.env.SITE_URL;
  if (siteUrl) {
    const file = path.join(process.argv[2], 'index.html');
    fs.writeFileSync(file, withSiteUrl(fs.readFileSync(file, 'utf8'), siteUrl));
    console.log(`site url: ${siteUrl} (og:image and og:url absolute)`);
  }
}
