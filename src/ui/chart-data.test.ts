import { describe, expect, it } from 'vitest';
import type { EpochStats } from '../engine/index';
import { chartColumns, chartColumnsWith, decadeSplits, isDark, logRange, logTicks, runExtent, withAlpha } from './chart-data';

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

  it('guards the log range against empty, zero and flat data, with a little room around the curves', () => {
    expect(logRange(null, null)).toEqual([1e-2, 10]);
    expect(logRange(0, 5)).toEqual([1e-2, 10]);
    const [lo, hi] = logRange(1, 1);
    expect(lo).toBeLessThan(1);
    expect(hi).toBeGreaterThan(1);
    const [below, above] = logRange(0.08, 0.5);
    expect(below).toBeCloseTo(0.08 / 1.2, 12);
    expect(above).toBeCloseTo(0.5 * 1.2, 12);
  });

  it('sizes the loss axis by the epoch losses, letting a batch loss widen it by one decade at most', () => {
    expect(runExtent(chartColumns([epoch(1, 2, 1, [1e-13, 2]), epoch(2, 1, 0.5, [1e35, 1])]))).toEqual([0.05, 20]);
    expect(runExtent(chartColumns([epoch(1, 2, 1, [3, 2]), epoch(2, 1, 0.5, [0.9, 1])]))).toEqual([0.5, 3]);
    expect(runExtent(chartColumns([epoch(1, 2, 1), epoch(2, 1e30, 1e35)]))).toEqual([1, 1e6]);
    expect(runExtent(chartColumns([]))).toEqual([null, null]);
  });

  it('sizes the loss axis by the batch losses alone before the first epoch ends', () => {
    const [x, steps, train, valid, errors, best] = chartColumns([epoch(1, NaN, NaN, [3, 2])]);
    expect(runExtent([x, steps, train.map(() => null), valid.map(() => null), errors, best])).toEqual([2, 3]);
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

  it('lets the seed band widen the loss axis, and never a what-if', () => {
    const seeds = [run, [epoch(1, 2, 0.4), epoch(2, 1, 1.4)], [epoch(1, 2, 2.0), epoch(2, 1, 1.3)]];
    const { main, band } = chartColumnsWith(run, { ghosts: [[epoch(1, 1, 1e-32), epoch(5, 1, 1e38)]], seeds });
    expect(runExtent(main, band)).toEqual([0.4, 3]);
  });

  it('fades the theme\'s colours, hex or rgb(), and anything else to grey', () => {
    expect(withAlpha('#ea580c', 0.5)).toBe('rgba(234,88,12,0.5)');
    expect(withAlpha('rgb(0, 128, 0)', 0.25)).toBe('rgba(0,128,0,0.25)');
    expect(withAlpha('tomato', 0.1)).toBe('rgba(127,127,127,0.1)');
  });

  it('tells the dark theme\'s background from the light one\'s', () => {
    expect(isDark('#0f172a')).toBe(true);
    expect(isDark('#ffffff')).toBe(false);
    expect(isDark('rgb(30, 30, 30)')).toBe(true);
  });
});

describe('log axis ticks', () => {
  it('labels each decade of a long range, about six at most', () => {
    expect(logTicks(0.005, 20)).toEqual([0.01, 0.1, 1, 10]);
    const long = logTicks(0.1, 1e36);
    expect(long.length).toBeLessThanOrEqual(7);
    expect(long[0]).toBe(0.1);
    expect(decadeSplits(0, 1)).toEqual([]);
  });

  it('labels 1, 2 and 5 of each decade when fewer than three decades fit', () => {
    expect(logTicks(0.06, 0.6)).toEqual([0.1, 0.2, 0.5]);
    expect(logTicks(0.05, 2)).toEqual([0.05, 0.1, 0.2, 0.5, 1, 2]);
  });

  it('labels every digit, or evenly spaced values, on a range shorter than a decade', () => {
    expect(logTicks(0.25, 0.55)).toEqual([0.3, 0.4, 0.5]);
    expect(logTicks(1.0, 1.5)).toEqual([1, 1.2, 1.4]);
    expect(logTicks(0, 1)).toEqual([]);
  });
});
