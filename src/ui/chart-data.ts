/**
 * From a run's history to uPlot's aligned columns. x counts epochs, with each mini-batch at
 * its fraction of the epoch, so the per-step loss and the per-epoch curves share one axis.
 * Nothing uPlot cannot draw on a log scale gets through: non-finite and non-positive
 * values become null (gaps).
 *
 * @example
 * const [x, steps, train, valid, errors, best] = chartColumns(history);
 */
import type { EpochStats } from '../train/engine';

export type Column = (number | null)[];

export function positiveOrNull(value: number | null | undefined): number | null {
  return value !== null && value !== undefined && Number.isFinite(value) && value > 0 ? value : null;
}

function finiteOrNull(value: number | null | undefined): number | null {
  return value !== null && value !== undefined && Number.isFinite(value) ? value : null;
}

/** [x, step loss, train loss, valid loss, error rate, lowest valid loss]. */
export type MainColumns = [number[], Column, Column, Column, Column, Column];

/** What is drawn beside the run: what-if runs' valid losses, and the band of several seeds' valid losses. */
export interface ChartExtras {
  ghosts: EpochStats[][];
  /** Every seed's history, the run's own among them; a band needs two or more. */
  seeds: EpochStats[][];
}

/**
 * The run's columns, then one valid-loss column per ghost, then the seed band's lowest and
 * highest valid loss per epoch. Epochs past the run's end (a ghost with 3× the epochs) get
 * x values of their own, where the run's columns are null.
 */
export function chartColumnsWith(history: EpochStats[], extras: ChartExtras): { main: MainColumns; ghosts: Column[]; band: [Column, Column] | null } {
  const main = chartColumns(history);
  const [x] = main;
  const longest = Math.max(history.length, ...extras.ghosts.map((g) => g.length), ...extras.seeds.map((s) => s.length));
  for (let epoch = history.length + 1; epoch <= longest; epoch++) {
    x.push(epoch);
    for (const column of main.slice(1) as Column[]) column.push(null);
  }
  // Each epoch's end is at x = epoch: that is where per-epoch values go.
  const atEpoch = new Map<number, number>();
  x.forEach((value, i) => Number.isInteger(value) && atEpoch.set(value, i));
  const perEpoch = (values: (h: EpochStats) => number | null, runs: EpochStats[]) => {
    const column: Column = x.map(() => null);
    for (const h of runs) {
      const i = atEpoch.get(h.epoch);
      if (i !== undefined) column[i] = positiveOrNull(values(h));
    }
    return column;
  };
  const ghosts = extras.ghosts.map((g) => perEpoch((h) => h.validLoss, g));
  if (extras.seeds.length < 2) return { main, ghosts, band: null };
  const lo: Column = x.map(() => null);
  const hi: Column = x.map(() => null);
  for (const [epoch, i] of atEpoch) {
    const values = extras.seeds.map((s) => s[epoch - 1]?.validLoss).filter((v): v is number => v !== undefined && Number.isFinite(v) && v > 0);
    if (values.length < 2) continue;
    lo[i] = Math.min(...values);
    hi[i] = Math.max(...values);
  }
  return { main, ghosts, band: [lo, hi] };
}

export function chartColumns(history: EpochStats[]): MainColumns {
  const x: number[] = [];
  const steps: Column = [];
  const train: Column = [];
  const valid: Column = [];
  const errors: Column = [];
  const best: Column = [];
  let bestIndex = -1;
  let bestValue = Infinity;
  for (const stats of history) {
    const losses = stats.stepLosses?.length ? stats.stepLosses : [stats.trainLoss];
    losses.forEach((loss, s) => {
      const last = s === losses.length - 1;
      x.push(stats.epoch - 1 + (s + 1) / losses.length);
      steps.push(positiveOrNull(loss));
      train.push(last ? positiveOrNull(stats.trainLoss) : null);
      valid.push(last ? positiveOrNull(stats.validLoss) : null);
      errors.push(last ? finiteOrNull(stats.errorRate) : null);
      best.push(null);
      if (last && Number.isFinite(stats.validLoss) && stats.validLoss < bestValue) {
        bestValue = stats.validLoss;
        bestIndex = x.length - 1;
      }
    });
  }
  if (bestIndex >= 0) best[bestIndex] = positiveOrNull(bestValue);
  return [x, steps, train, valid, errors, best];
}

/** A log-scale range that never collapses or goes non-positive, padded a little. */
export function logRange(min: number | null, max: number | null): [number, number] {
  if (min === null || max === null || !(min > 0) || !(max > 0) || !Number.isFinite(min) || !Number.isFinite(max)) return [1e-2, 10];
  if (max / min < 1.5) return [min / 1.5, max * 1.5];
  return [min / 1.2, max * 1.2];
}

/** Decades the loss axis shows above the lowest epoch loss: a diverging curve leaves through the top. */
export const MAX_DECADES = 6;

/** How far the curves beside the run (what-ifs, the seed band) may widen the loss axis, each way. */
export const BESIDE_DECADES = 2;

/**
 * The loss axis's extent: the per-epoch train and valid losses decide it, so a single batch
 * loss of 1e-13 cannot squash the curves a learner reads, and a run exploding to 1e35 shows
 * its curve leaving the chart rather than a flat line at the bottom of 36 decades. The curves
 * beside the run widen it by up to BESIDE_DECADES each way: a what-if whose loss reaches 1e-32
 * leaves the chart instead of pushing the run off it.
 */
export function lossExtent(columns: MainColumns, beside: Column[] = []): [number | null, number | null] {
  const present = (list: Column) => list.filter((v): v is number => v !== null);
  const own = present([...columns[2], ...columns[3]]);
  const others = present(beside.flat());
  if (!own.length && !others.length) return [null, null];
  const base = own.length ? own : others;
  const lo = Math.min(...base);
  const hi = Math.min(Math.max(...base), lo * 10 ** MAX_DECADES);
  if (!others.length) return [lo, hi];
  return [Math.max(Math.min(lo, ...others), lo / 10 ** BESIDE_DECADES), Math.min(Math.max(hi, ...others), hi * 10 ** BESIDE_DECADES)];
}

/**
 * Powers of ten inside [min, max], about six of them at most: a diverging run spans 36
 * decades, and uPlot's own log splits then label none.
 */
export function decadeSplits(min: number, max: number): number[] {
  if (!(min > 0) || !(max > min)) return [];
  const first = Math.ceil(Math.log10(min) - 1e-9);
  const last = Math.floor(Math.log10(max) + 1e-9);
  const step = Math.max(1, Math.ceil((last - first + 1) / 6));
  const splits: number[] = [];
  for (let e = first; e <= last; e += step) splits.push(Number(`1e${e}`));
  return splits;
}

/** `color` at `alpha`: hex colours (what the themes use) and rgb() (what a page may set), else a neutral grey. */
export function withAlpha(color: string, alpha: number): string {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color.trim());
  const rgb = /^rgba?\(\s*(\d+)[\s,]+(\d+)[\s,]+(\d+)/i.exec(color.trim());
  const [r, g, b] = hex ? hex.slice(1).map((h) => parseInt(h, 16)) : rgb ? rgb.slice(1).map(Number) : [127, 127, 127];
  return `rgba(${r},${g},${b},${alpha})`;
}
