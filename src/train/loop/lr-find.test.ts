import { describe, expect, it } from 'vitest';
import { LR_FIND, smoothLosses, suggestLearningRate } from './lr-find';

const lrs = Array.from({ length: 100 }, (_, i) => LR_FIND.start * (LR_FIND.end / LR_FIND.start) ** (i / 99));

describe('the LR finder', () => {
  it('smooths like fastai: a debiased moving average with β = 0.98', () => {
    const smoothed = smoothLosses([2, 2, 2]);
    smoothed.forEach((v) => expect(v).toBeCloseTo(2, 12));
    expect(smoothLosses([1, 3])[1]).toBeCloseTo((0.98 * 0.02 * 1 + 0.02 * 3) / (1 - 0.98 ** 2), 12);
  });

  it('suggests the rate where the loss falls fastest', () => {
    // Flat, then a descent steepest around index 60, then a rise.
    const losses = lrs.map((_, i) => 2 - Math.tanh((i - 60) / 6) + (i > 80 ? (i - 80) * 0.3 : 0));
    expect(suggestLearningRate(lrs, losses)).toBe(lrs[60]);
  });

  it('ignores a recovery after a spike, which is no progress', () => {
    const losses = lrs.map((_, i) => (i < 70 ? 2.3 - 0.6 / (1 + Math.exp(-(i - 50) / 4)) : 6.3 - (i - 70) * 0.07));
    const suggestion = suggestLearningRate(lrs, losses);
    expect(suggestion).toBeLessThan(lrs[70]!);
    expect(suggestion).toBeCloseTo(lrs[50]!, 12);
  });
});
