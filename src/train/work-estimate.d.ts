/**
 * How much arithmetic a training step is, and whether this backend can do it in reasonable
 * time: a step longer than MAX_STEP_SECONDS is refused before anything is allocated (a real
 * GPU's watchdog kills a dispatch after a few seconds; a learner gives up sooner), with a
 * message that says how long it would take and what to change.
 *
 * @example
 * assertFeasible(backend, mlpLayers(64, [2048, 1024], 10), 1024, 1);   // throws on SwiftShader
 */
import type { Backend } from '../backend';
import type { LayerShape } from './model';
/** The longest step the playground starts. */
export declare const MAX_STEP_SECONDS = 2;
/** Multiply-adds ×2 (flops) of one step of K models: forward, and backward twice over (inputs and weights). */
export declare function stepFlops(layers: readonly LayerShape[], batchRows: number, models: number): number;
export declare class WorkTooLargeError extends Error {
    readonly flops: number;
    readonly seconds: number;
    constructor(flops: number, seconds: number);
}
export declare function assertFeasible(backend: Backend, layers: readonly LayerShape[], batchRows: number, models: number): void;
