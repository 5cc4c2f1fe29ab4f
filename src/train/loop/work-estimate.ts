/**
 * How much arithmetic a training step is, and whether this backend can do it in reasonable
 * time: a step longer than MAX_STEP_SECONDS is refused before anything is allocated (a real
 * GPU's watchdog kills a dispatch after a few seconds; a learner gives up sooner), with a
 * message that says how long it would take and what to change.
 *
 * @example
 * import { mlpLayers } from '../model/layers';
 * // given: const backend: Backend
 * assertFeasible(backend, mlpLayers(64, [2048, 1024], 10), 1024, 1);   // throws on SwiftShader
 */
import type { Backend } from '../../backend';
import { multiplyAddsPerRow, type Layer } from '../model/layers';

/** The longest step the playground starts. */
export const MAX_STEP_SECONDS = 2;

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

export function assertFeasible(backend: Backend, layers: readonly Layer[], batchRows: number, models: number): void {
  const flops = stepFlops(layers, batchRows, models);
  const seconds = flops / backend.flopsPerSecond;
  if (seconds > MAX_STEP_SECONDS) throw new WorkTooLargeError(flops, seconds);
}
