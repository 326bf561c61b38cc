// Removes the HTML comments from the built index.html: they explain the
// source to us, and every reader's first frame downloads them (about 0.6 KB
// gzip). The page has no conditional comments, and its JSON data block
// escapes '<', so no comment can start inside it.
//   node scripts/strip-comments.mjs SITE_DIR
import fs from 'node:fs';
import path from 'node:path';

const file = path.join(process.argv[2], 'index.html');
const html = fs.readFileSync(file, 'utf8');
// A comment alone on its lines goes with its indentation and line break.
const stripped = html.replace(/\n[ \t]*<!--[\s\S]*?-->(?=\n)/g, '').replace(/<!--[\s\S]*?-->/g, '');
fs.writeFileSync(file, stripped);
console.log(`strip-comments: index.html ${html.length} to ${stripped.length} characters`);
