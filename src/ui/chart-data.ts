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

/** Decades shown below the largest loss: a batch loss of 1e-13 should not squash the curves. */
export const LOG_DECADES = 5;

/** A log-scale range that never collapses, goes non-positive or spans more than LOG_DECADES. */
export function logRange(min: number | null, max: number | null): [number, number] {
  if (min === null || max === null || !(min > 0) || !(max > 0) || !Number.isFinite(min) || !Number.isFinite(max)) return [1e-2, 10];
  const floor = Math.max(min, max / 10 ** LOG_DECADES);
  if (max / floor < 1.5) return [floor / 1.5, max * 1.5];
  return [floor / 1.2, max * 1.2];
}
