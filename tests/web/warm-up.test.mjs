// web/warm-up.js: the engine's warm-up runs only in idle slices, leaves each
// slice 2 ms spare, stops at the reader's first edit, and makes its calls.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { WARM_UP_CALLS, warmUp } from '../../web/warm-up.js';

// Idle slices of `ms` milliseconds, in which each call of work() spends 1 ms.
function fakeIdle(ms) {
  const slices = [];
  let clock = 0;
  const idle = (callback) => {
    const end = clock + ms;
    slices.push(0);
    queueMicrotask(() => callback({ timeRemaining: () => Math.max(0, end - clock) }));
  };
  const work = () => {
    clock += 1;
    slices[slices.length - 1] += 1;
  };
  return { idle, work, slices };
}

test('makes its calls in idle slices, each leaving 2 ms spare', async () => {
  const { idle, work, slices } = fakeIdle(10);
  assert.equal(await warmUp(work, () => false, idle), WARM_UP_CALLS);
  assert.equal(slices.reduce((a, b) => a + b, 0), WARM_UP_CALLS);
  assert.ok(slices.every((calls) => calls <= 8), `a slice ran over: ${slices}`);
  assert.ok(slices.length >= WARM_UP_CALLS / 8);
});

test('stops at the first edit', async () => {
  const { idle, work } = fakeIdle(10);
  let calls = 0;
  const counted = () => { calls += 1; work(); };
  assert.equal(await warmUp(counted, () => calls >= 13, idle), 13);
  assert.equal(calls, 13);
});

test('does nothing where there is no idle callback', async () => {
  let calls = 0;
  assert.equal(await warmUp(() => { calls += 1; }, () => false, null), 0);
  assert.equal(calls, 0);
});
