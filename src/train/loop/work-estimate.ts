/**
 * How much arithmetic a training step is, and whether this backend can do it in reasonable
 * time, at the rate it has shown for such models (throughput.ts; its prior before the first
 * measurement): a step longer than MAX_STEP_SECONDS (a real GPU's watchdog kills a dispatch
 * after a few seconds; a learner gives up sooner) or a run longer than MAX_RUN_SECONDS is
 * refused before anything is allocated, with a message that says how long it would take and
 * what to change.
 *
 * @example
 * import { mlpLayers } from '../model/layers';
 * // given: const backend: Backend
 * assertFeasible(backend, mlpLayers(64, [2048, 1024], 10), 1024, 1, 10);   // throws on SwiftShader
 */
import type { Backend } from '../../backend';
import { multiplyAddsPerRow, type Layer } from '../model/layers';
import { throughputOf } from './throughput';

/** The longest step the playground starts. */
export const MAX_STEP_SECONDS = 2;
/** The longest run it starts: ten minutes, beyond which a learner has long stopped watching. */
export const MAX_RUN_SECONDS = 600;

/** Multiply-adds ×2 (flops) of one step of K models: forward, and backward twice over (inputs and weights). */
export function stepFlops(layers: readonly Layer[], batchRows: number, models: number): number {
  return 6 * batchRows * multiplyAddsPerRow(layers) * models;
}

export class WorkTooLargeError extends Error {
  constructor(
    readonly flops: number,
    readonly seconds: number,
  ) {
    super(
      `This model and batch are about ${(flops / 1e9).toFixed(1)} G floating-point operations a step: about ${seconds.toFixed(0)} s a step here, longer than the ${MAX_STEP_SECONDS} s the playground allows. Use fewer or narrower hidden layers, or a smaller batch.`,
    );
    this.name = 'WorkTooLargeError';
  }
}

export class RunTooLongError extends Error {
  constructor(readonly seconds: number) {
    super(
      `This run is about ${Math.round(seconds / 60)} minutes of training here, longer than the ${MAX_RUN_SECONDS / 60} minutes the playground allows. Use fewer epochs, fewer training rows (train-size), a smaller model or a larger batch.`,
    );
    this.name = 'RunTooLongError';
  }
}

/** Refuses a step or a run of `steps` steps that would take too long on this backend (see the file's note). */
export function assertFeasible(backend: Backend, layers: readonly Layer[], batchRows: number, models: number, steps: number): void {
  const flops = stepFlops(layers, batchRows, models);
  const seconds = flops / throughputOf(backend, layers).flopsPerSecond;
  if (seconds > MAX_STEP_SECONDS) throw new WorkTooLargeError(flops, seconds);
  if (seconds * steps > MAX_RUN_SECONDS) throw new RunTooLongError(seconds * steps);
}
