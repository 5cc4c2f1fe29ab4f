/**
 * How training paces itself on a backend. The GPU records work and computes it elsewhere, so
 * chunks are recorded ahead and models batched. The CPU computes as it records, on the page's
 * thread: a chunk recorded ahead or a model batched beside another only lengthens the task
 * before the page's next turn, and an epoch of digits is longer than a frame, so it trains
 * one model at a time, one chunk at a time, and takes a turn (the page's, or in the worker
 * the messages', among them Stop) whenever a turn's time is spent.
 *
 * @example
 * // given: const backend: Backend
 * const { chunksInFlight, batchLimit, msPerTurn } = pacing(backend);
 */
import { MAX_BATCH_MODELS, type Backend } from '../../backend';

export interface Pacing {
  /** Chunks recorded ahead of the one being read. */
  chunksInFlight: number;
  /** The most models trained in one batch. */
  batchLimit: number;
  /** Milliseconds of recording between turns; null: recording never holds the thread. */
  msPerTurn: number | null;
}

/** Chunks recorded ahead on the GPU: the device never waits for the host to read a loss. */
export const CHUNKS_IN_FLIGHT = 2;
/**
 * Time between turns on the CPU backend, measured rather than counted in steps: a digits step
 * (batch 64, 64-128-10) takes about 3.5 ms in Chromium here, a step of a 512-wide model
 * batch 256 over 100 ms, so a count of steps either yields too often or freezes the page.
 * 10 ms keeps every task far inside 50 ms and Stop within a step of 10 ms.
 */
export const CPU_MS_PER_TURN = 10;

export function pacing(backend: Backend): Pacing {
  return backend.kind === 'cpu'
    ? { chunksInFlight: 1, batchLimit: 1, msPerTurn: CPU_MS_PER_TURN }
    : { chunksInFlight: CHUNKS_IN_FLIGHT, batchLimit: MAX_BATCH_MODELS, msPerTurn: null };
}
