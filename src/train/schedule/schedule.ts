/**
 * Learning-rate and momentum schedules, as fastai v1 (the course the notes follow) runs them.
 *
 * fit_one_cycle (fastai v1 callbacks/one_cycle.py): pct_start 0.3, div_factor 25,
 * final_div = 25·1e4. Phase 1, the first floor(0.3·steps) steps, anneals lr from max_lr/25
 * up to max_lr and momentum (β1 for Adam) from 0.95 down to 0.85 with a cosine; phase 2
 * anneals lr down to max_lr/final_div and momentum back up to 0.95. Step i of a phase of n
 * steps uses the cosine at i/n, as fastai's Scheduler does when it steps after each batch.
 *
 * @example
 * oneCycle(0.01, 100, 0);   // { lr: 0.0004, momentum: 0.95 }
 * oneCycle(0.01, 100, 30);  // { lr: 0.01, momentum: 0.85 }
 */
import type { OptimizerName, ScheduleName } from '../types';

export const PCT_START = 0.3;
export const DIV_FACTOR = 25;
export const FINAL_DIV = DIV_FACTOR * 1e4;
export const MOMENTUM_RANGE = [0.95, 0.85] as const;
/** With a constant schedule: plain SGD (the notebook's a.sub_(lr * a.grad)); Adam's usual β1. */
export const CONSTANT_MOMENTUM: Record<OptimizerName, number> = { sgd: 0, adam: 0.9 };

export interface StepHyper {
  lr: number;
  momentum: number;
}

/** fastai's annealing_cos: from start (pct 0) to end (pct 1) along half a cosine. */
export function cosineAnneal(start: number, end: number, pct: number): number {
  return end + ((start - end) / 2) * (Math.cos(Math.PI * pct) + 1);
}

export function oneCycle(maxLr: number, totalSteps: number, step: number): StepHyper {
  const warmupSteps = Math.floor(totalSteps * PCT_START);
  const [high, low] = MOMENTUM_RANGE;
  if (step < warmupSteps) {
    const pct = step / warmupSteps;
    return { lr: cosineAnneal(maxLr / DIV_FACTOR, maxLr, pct), momentum: cosineAnneal(high, low, pct) };
  }
  const pct = (step - warmupSteps) / (totalSteps - warmupSteps);
  return { lr: cosineAnneal(maxLr, maxLr / FINAL_DIV, pct), momentum: cosineAnneal(low, high, pct) };
}

export function hyperAt(schedule: ScheduleName, optimizer: OptimizerName, maxLr: number, totalSteps: number, step: number): StepHyper {
  return schedule === 'one-cycle' ? oneCycle(maxLr, totalSteps, step) : { lr: maxLr, momentum: CONSTANT_MOMENTUM[optimizer] };
}

/** (lr, momentum) per step, the layout the optimizer kernels read: float32[2·steps]. */
export function scheduleTable(schedule: ScheduleName, optimizer: OptimizerName, maxLr: number, totalSteps: number): Float32Array {
  const table = new Float32Array(totalSteps * 2);
  for (let step = 0; step < totalSteps; step++) {
    const { lr, momentum } = hyperAt(schedule, optimizer, maxLr, totalSteps, step);
    table[2 * step] = lr;
    table[2 * step + 1] = momentum;
  }
  return table;
}
