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
export function chartColumns(history: EpochStats[]): [number[], Column, Column, Column, Column, Column] {
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

/**
 * The loss axis's extent: the per-epoch train and valid losses decide it, so a single batch
 * loss of 1e-13 cannot squash the curves a learner reads, and a run exploding to 1e35 shows
 * its curve leaving the chart rather than a flat line at the bottom of 36 decades.
 */
export function lossExtent(columns: ReturnType<typeof chartColumns>): [number | null, number | null] {
  const values = [...columns[2], ...columns[3]].filter((v): v is number => v !== null);
  if (!values.length) return [null, null];
  const min = Math.min(...values);
  return [min, Math.min(Math.max(...values), min * 10 ** MAX_DECADES)];
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
