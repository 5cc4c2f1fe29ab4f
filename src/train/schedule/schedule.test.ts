import { describe, expect, it } from 'vitest';
import { hyperAt, oneCycle, scheduleTable } from './schedule';

/** fastai v1's one-cycle written out independently, from its formula. */
function fastaiOneCycle(maxLr: number, total: number, i: number) {
  const n1 = Math.floor(total * 0.3);
  const cos = (a: number, b: number, p: number) => b + ((a - b) / 2) * (1 + Math.cos(Math.PI * p));
  if (i < n1) return { lr: cos(maxLr / 25, maxLr, i / n1), momentum: cos(0.95, 0.85, i / n1) };
  const p = (i - n1) / (total - n1);
  return { lr: cos(maxLr, maxLr / 25 / 1e4, p), momentum: cos(0.85, 0.95, p) };
}

describe('the one-cycle schedule', () => {
  it.each([
    [3e-3, 440],
    [0.1, 100],
    [1, 7],
    [0.5, 1],
  ])('follows fastai v1 at every step (max_lr %d, %i steps)', (maxLr, total) => {
    for (let i = 0; i < total; i++) {
      const got = oneCycle(maxLr, total, i);
      const want = fastaiOneCycle(maxLr, total, i);
      expect(got.lr).toBeCloseTo(want.lr, 12);
      expect(got.momentum).toBeCloseTo(want.momentum, 12);
    }
  });

  it('starts at max_lr/25 with momentum 0.95, peaks at 30 % with 0.85, ends near max_lr/(25·1e4)', () => {
    const total = 1000;
    const first = oneCycle(0.01, total, 0);
    expect(first.lr).toBeCloseTo(0.01 / 25, 15);
    expect(first.momentum).toBeCloseTo(0.95, 15);
    const peak = oneCycle(0.01, total, 300);
    expect(peak.lr).toBeCloseTo(0.01, 15);
    expect(peak.momentum).toBeCloseTo(0.85, 15);
    const last = oneCycle(0.01, total, total - 1);
    // fastai's last step sits at pct (n−1)/n of the decay, a hair above max_lr/final_div.
    expect(last.lr).toBeGreaterThan(0.01 / 25 / 1e4);
    expect(last.lr).toBeLessThan(3 * (0.01 / 25 / 1e4));
    expect(last.momentum).toBeCloseTo(0.95, 4);
  });

  it('rises monotonically during warm-up and falls after it', () => {
    const lrs = Array.from({ length: 200 }, (_, i) => oneCycle(1, 200, i).lr);
    for (let i = 1; i < 60; i++) expect(lrs[i]!).toBeGreaterThan(lrs[i - 1]!);
    for (let i = 61; i < 200; i++) expect(lrs[i]!).toBeLessThan(lrs[i - 1]!);
  });
});

describe('the constant schedule', () => {
  it('keeps max_lr, with no momentum for SGD and β1 = 0.9 for Adam', () => {
    expect(hyperAt('constant', 'sgd', 0.1, 100, 57)).toEqual({ lr: 0.1, momentum: 0 });
    expect(hyperAt('constant', 'adam', 3e-3, 100, 0)).toEqual({ lr: 3e-3, momentum: 0.9 });
  });

  it('is laid out as (lr, momentum) pairs for the kernels', () => {
    const table = scheduleTable('one-cycle', 'adam', 0.01, 10);
    expect(table.length).toBe(20);
    expect(table[0]).toBeCloseTo(0.0004, 7);
    expect(table[1]).toBeCloseTo(0.95, 7);
  });
});
