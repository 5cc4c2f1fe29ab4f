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
import type { OptimizerName, ScheduleName } from './types';
export declare const PCT_START = 0.3;
export declare const DIV_FACTOR = 25;
export declare const FINAL_DIV: number;
export declare const MOMENTUM_RANGE: readonly [0.95, 0.85];
/** With a constant schedule: plain SGD (the notebook's a.sub_(lr * a.grad)); Adam's usual β1. */
export declare const CONSTANT_MOMENTUM: Record<OptimizerName, number>;
export interface StepHyper {
    lr: number;
    momentum: number;
}
/** fastai's annealing_cos: from start (pct 0) to end (pct 1) along half a cosine. */
export declare function cosineAnneal(start: number, end: number, pct: number): number;
export declare function oneCycle(maxLr: number, totalSteps: number, step: number): StepHyper;
export declare function hyperAt(schedule: ScheduleName, optimizer: OptimizerName, maxLr: number, totalSteps: number, step: number): StepHyper;
/** (lr, momentum) per step, the layout the optimizer kernels read: float32[2·steps]. */
export declare function scheduleTable(schedule: ScheduleName, optimizer: OptimizerName, maxLr: number, totalSteps: number): Float32Array;
