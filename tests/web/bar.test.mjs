// web/bar.js draws a bar's share with one of the classes w0 to w100: the
// class chosen for a share, and styles.css scaling each class to its share.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import { widthClass } from '../../web/bar.js';

test('a share becomes whole percent, with a sliver for any non-zero share', () => {
  const cases = [[0, 'w0'], [0.001, 'w1'], [0.8, 'w1'], [1.6, 'w2'], [37.4, 'w37'], [37.5, 'w38'], [97.6, 'w98'],
    [99.6, 'w100'], [100, 'w100']];
  for (const [share, name] of cases) assert.equal(widthClass(share), name, `share ${share}`);
});

test('shares out of range or not numbers never give a class without a rule', () => {
  for (const [share, name] of [[-5, 'w0'], [150, 'w100'], [NaN, 'w0'], [Infinity, 'w0'], [undefined, 'w0']]) {
    assert.equal(widthClass(share), name, `share ${share}`);
  }
});

test('styles.css scales each class w0 to w100 to its share of the track', () => {
  const css = fs.readFileSync(new URL('../../web/styles.css', import.meta.url), 'utf8');
  const rules = new Map([...css.matchAll(/\.w(\d+)\s*\{\s*transform:\s*scaleX\(([\d.]+)\)\s*\}/g)]
    .map(([, n, scale]) => [Number(n), Number(scale)]));
  assert.equal(rules.size, 101);
  for (let n = 0; n <= 100; n += 1) assert.equal(rules.get(n), n / 100, `.w${n}`);
});
