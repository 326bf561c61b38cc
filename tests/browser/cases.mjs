// The shared expected figures (tests/fixtures/cases.json), with helpers to
// turn them into what the page shows: '1230.00' -> '1,230.00'.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/cases.json');
export const CASES = JSON.parse(readFileSync(file, 'utf8')).cases;

/** The case whose name starts with prefix (fails loudly when missing). */
export function useCase(prefix) {
  const found = CASES.find((c) => c.name.startsWith(prefix));
  if (!found) throw new Error(`tests/fixtures/cases.json has no case starting with "${prefix}"`);
  return found;
}

/** '1230.00' -> '1,230.00' (en-US and zh-CN group the same way). */
export function grouped(decimalText) {
  const [whole, frac] = decimalText.split('.');
  return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${frac === undefined ? '' : `.${frac}`}`;
}
