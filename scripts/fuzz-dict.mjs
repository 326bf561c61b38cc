// Writes a libFuzzer dictionary: the committed one (tests/fuzz/TARGET.dict,
// values worth trying) plus the keys every input has in the core's schema,
// so that a new input is fuzzed without editing a list.
//   node scripts/fuzz-dict.mjs TARGET EPOCHCOST_CLI OUT.dict
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

const [target, cli, out] = process.argv.slice(2);
const { fields } = JSON.parse(execFileSync(cli, ['schema', '--json'], { encoding: 'utf8' }));
const entries = new Set();
if (target === 'link') {
  for (const field of fields) entries.add(`${field.link}=`);
} else if (target === 'config') {
  // A configuration's nested keys, and the page's form values (Calculator::AnswerForm):
  // dotted keys, "way" and "alternative" with their choices.
  for (const field of fields.filter((f) => f.group !== 'page')) {
    for (const part of field.key.split('.')) entries.add(`"${part}"`);
    entries.add(`"${field.key}"`);
    for (const choice of [field.way, field.alternative]) if (choice) entries.add(`"${choice}"`);
  }
  entries.add('"way"');
  entries.add('"alternative"');
}
const lines = [...entries].map((entry, i) => `schema_${i}=${JSON.stringify(entry)}`);
fs.writeFileSync(out, `${fs.readFileSync(`tests/fuzz/${target}.dict`, 'utf8')}# From the schema:\n${lines.join('\n')}\n`);
