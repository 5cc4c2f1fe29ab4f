/**
 * How training paces itself on a backend. The GPU records work and computes it elsewhere, so
 * chunks are recorded ahead and models batched. The CPU computes as it records, on the page's
 * thread: a chunk recorded ahead or a model batched beside another only lengthens the task
 * before the page's next turn, and an epoch of digits is longer than a frame, so it trains
 * one model at a time, one chunk at a time, and gives the page a turn every few steps.
 *
 * @example
 * const { chunksInFlight, batchLimit, stepsPerTurn } = pacing(backend);
 */
import { MAX_BATCH_MODELS, type Backend } from '../backend';

export interface Pacing {
  /** Chunks recorded ahead of the one being read. */
  chunksInFlight: number;
  /** The most models trained in one batch. */
  batchLimit: number;
  /** Steps between the page's turns while recording; null: recording never holds the page. */
  stepsPerTurn: number | null;
}

/** Chunks recorded ahead on the GPU: the device never waits for the host to read a loss. */
export const CHUNKS_IN_FLIGHT = 2;
/**
 * Steps between the page's turns on the CPU backend: a digits step (batch 64, 64-128-10)
 * takes about 3.5 ms in Chromium here, so 8 of them stay well inside a 50 ms task.
 */
export const CPU_STEPS_PER_TURN = 8;

export function pacing(backend: Backend): Pacing {
  return backend.kind === 'cpu'
    ? { chunksInFlight: 1, batchLimit: 1, stepsPerTurn: CPU_STEPS_PER_TURN }
    : { chunksInFlight: CHUNKS_IN_FLIGHT, batchLimit: MAX_BATCH_MODELS, stepsPerTurn: null };
}
