import { describe, expect, it } from 'vitest';
import type { EpochStats } from '../train/engine';
import { chartColumns, decadeSplits, logRange, lossExtent } from './chart-data';

const epoch = (n: number, train: number, valid: number, steps?: number[], errorRate: number | null = null): EpochStats => ({
  epoch: n, trainLoss: train, validLoss: valid, errorRate, lr: 0.1, elapsedMs: n, ...(steps ? { stepLosses: steps } : {}),
});

describe('chart columns', () => {
  it('puts each step at its fraction of the epoch and the epoch values at its end', () => {
    const [x, steps, train, valid] = chartColumns([epoch(1, 2, 1.5, [3, 1]), epoch(2, 1, 1.2, [1.5, 0.5])]);
    expect(x).toEqual([0.5, 1, 1.5, 2]);
    expect(steps).toEqual([3, 1, 1.5, 0.5]);
    expect(train).toEqual([null, 2, null, 1]);
    expect(valid).toEqual([null, 1.5, null, 1.2]);
  });

  it('marks the lowest validation loss once', () => {
    const best = chartColumns([epoch(1, 2, 1), epoch(2, 1, 0.5), epoch(3, 0.5, 0.7)])[5];
    expect(best).toEqual([null, 0.5, null]);
  });

  it('never passes NaN, infinities or non-positive values to uPlot', () => {
    const columns = chartColumns([epoch(1, NaN, Infinity, [NaN, -1, 0]), epoch(2, 1, 1, undefined, NaN)]);
    for (const column of columns.slice(1)) {
      for (const value of column) expect(value === null || (Number.isFinite(value) && value >= 0)).toBe(true);
    }
  });

  it('guards the log range against empty, zero and flat data, and sizes it by the epoch losses', () => {
    expect(logRange(null, null)).toEqual([1e-2, 10]);
    expect(logRange(0, 5)).toEqual([1e-2, 10]);
    const [lo, hi] = logRange(1, 1);
    expect(lo).toBeLessThan(1);
    expect(hi).toBeGreaterThan(1);
    expect(lossExtent(chartColumns([epoch(1, 2, 1, [1e-13, 2]), epoch(2, 1, 0.5, [1e35, 1])]))).toEqual([0.5, 2]);
    expect(lossExtent(chartColumns([epoch(1, 2, 1), epoch(2, 1e30, 1e35)]))).toEqual([1, 1e6]);
  });
});

describe('log axis splits', () => {
  it('labels each decade of a short range and about six of a long one', () => {
    expect(decadeSplits(0.05, 20)).toEqual([0.1, 1, 10]);
    const long = decadeSplits(0.1, 1e36);
    expect(long.length).toBeLessThanOrEqual(7);
    expect(long[0]).toBe(0.1);
    expect(decadeSplits(0, 1)).toEqual([]);
  });
});
