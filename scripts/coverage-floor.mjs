// Prints core/'s coverage per file (lines and branches, from llvm-cov's
// export -summary-only JSON) and fails when the total is below the floor.
// The floors are the measured level: raise them when coverage rises, never
// lower them (a new input comes with the tests that run it).
//   node scripts/coverage-floor.mjs build/coverage/summary.json
import fs from 'node:fs';
import path from 'node:path';

const FLOOR = { lines: 99.7, branches: 98.9 };

const [summaryPath] = process.argv.slice(2);
const [data] = JSON.parse(fs.readFileSync(summaryPath, 'utf8')).data;
const root = `${process.cwd()}${path.sep}`;
const percent = (part) => (part.count === 0 ? 100 : (100 * part.covered) / part.count);
const cell = (part) => `${percent(part).toFixed(2).padStart(7)} % ${`${part.covered}/${part.count}`.padStart(11)}`;

const rows = data.files
  .map((file) => ({ name: file.filename.replace(root, ''), lines: file.summary.lines, branches: file.summary.branches }))
  .sort((a, b) => a.name.localeCompare(b.name));
const width = Math.max(...rows.map((row) => row.name.length), 'TOTAL'.length);
console.log(`${'file'.padEnd(width)}  ${'lines'.padStart(21)}  ${'branches'.padStart(21)}`);
for (const row of rows) console.log(`${row.name.padEnd(width)}  ${cell(row.lines)}  ${cell(row.branches)}`);
const total = data.totals;
console.log(`${'TOTAL'.padEnd(width)}  ${cell(total.lines)}  ${cell(total.branches)}`);

const below = Object.entries(FLOOR).filter(([kind, floor]) => percent(total[kind]) < floor);
for (const [kind, floor] of below) {
  console.error(`coverage: ${kind} ${percent(total[kind]).toFixed(2)} % is below the floor of ${floor} %`);
}
if (below.length > 0) process.exit(1);
console.log(`coverage: core/ at or above the floors (lines ${FLOOR.lines} %, branches ${FLOOR.branches} %)`);
