import { expect, test } from 'vitest';
import { FIRST_STEP, TURN_MS, nextStepSize } from '../../db/queries/score-stream.js';

// The whole-evaluation score read sizes its steps by time (issue 15, promise 1): a step of the
// landscape's first 50 vendors with fifteen evaluators held the event loop 30–40 ms. The rule:
// aim at TURN_MS at the last step's pace, never more than double, never below one vendor.

test('a step that took exactly the target keeps its size; one that took twice as long halves', () => {
  expect(nextStepSize(40, TURN_MS)).toBe(40);
  expect(nextStepSize(40, TURN_MS * 2)).toBe(20);
  expect(nextStepSize(40, TURN_MS * 4)).toBe(10);
});

test('a fast step at most doubles the next, however fast it was', () => {
  expect(nextStepSize(FIRST_STEP, TURN_MS / 2)).toBe(FIRST_STEP * 2);
  expect(nextStepSize(FIRST_STEP, TURN_MS / 100)).toBe(FIRST_STEP * 2);
  expect(nextStepSize(FIRST_STEP, 0)).toBe(FIRST_STEP * 2);
});

test('a slow step shrinks the next to one vendor, never to none', () => {
  expect(nextStepSize(FIRST_STEP, TURN_MS * 100)).toBe(1);
  expect(nextStepSize(1, 1000)).toBe(1);
});

test('from the first step, a steady pace of 0.5 ms a vendor settles at the target', () => {
  let per = FIRST_STEP;
  const sizes = [];
  for (let i = 0; i < 6; i++) {
    per = nextStepSize(per, per * 0.5);
    sizes.push(per);
  }
  // 8 → 16 (8 vendors took 4 ms: double at most) → 16 (8 ms: on target) and stays.
  expect(sizes).toEqual([16, 16, 16, 16, 16, 16]);
});
