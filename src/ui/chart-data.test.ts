import { describe, expect, it } from 'vitest';
import type { EpochStats } from '../train/engine';
import { chartColumns, chartColumnsWith, decadeSplits, logRange, lossExtent, withAlpha } from './chart-data';

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

describe('what is drawn beside the run', () => {
  const run = [epoch(1, 2, 1.5, [3, 1]), epoch(2, 1, 1.2, [1.5, 0.5])];

  it('puts each what-if\'s valid loss at its epochs, past the run\'s end where it trained longer', () => {
    const { main, ghosts, band } = chartColumnsWith(run, { ghosts: [[epoch(1, 2, 3), epoch(2, 1, 2), epoch(3, 1, 0.5)]], seeds: [] });
    expect(main[0]).toEqual([0.5, 1, 1.5, 2, 3]);
    // The run's own columns stay empty where only the what-if trained.
    expect(main[3]).toEqual([null, 1.5, null, 1.2, null]);
    expect(ghosts).toEqual([[null, 3, null, 2, 0.5]]);
    expect(band).toBeNull();
  });

  it('draws the band of several seeds\' valid losses as their lowest and highest per epoch', () => {
    const seeds = [run, [epoch(1, 2, 1.0), epoch(2, 1, 1.4)], [epoch(1, 2, 2.0), epoch(2, 1, NaN)]];
    const { band } = chartColumnsWith(run, { ghosts: [], seeds });
    expect(band).toEqual([
      [null, 1.0, null, 1.2],
      [null, 2.0, null, 1.4],
    ]);
    expect(chartColumnsWith(run, { ghosts: [], seeds: [run] }).band).toBeNull();
  });

  it('lets the curves beside the run widen the loss axis by two decades at most, never push the run off it', () => {
    const main = chartColumns(run);
    expect(lossExtent(main, [[null, 0.5, null, 3]])).toEqual([0.5, 3]);
    const [lo, hi] = lossExtent(main, [[null, 1e-32, null, 1e38]]);
    expect(lo).toBeCloseTo(0.01, 12);
    expect(hi).toBeCloseTo(200, 9);
  });

  it('fades the theme\'s colours, hex or rgb(), and anything else to grey', () => {
    expect(withAlpha('#ea580c', 0.5)).toBe('rgba(234,88,12,0.5)');
    expect(withAlpha('rgb(0, 128, 0)', 0.25)).toBe('rgba(0,128,0,0.25)');
    expect(withAlpha('tomato', 0.1)).toBe('rgba(127,127,127,0.1)');
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
