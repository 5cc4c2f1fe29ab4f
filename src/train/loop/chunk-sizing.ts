/**
 * How long a chunk of training is, and how many are recorded ahead: a chunk holds at least
 * MIN_STEPS_PER_CHUNK steps so tiny epochs share a readback; lesson 2's fused epochs go 50
 * a dispatch; on the GPU an epoch estimated over LONG_CHUNK_SECONDS is recorded in pieces of
 * PIECE_SECONDS, each waited for before the next, so the device is never more than a piece
 * behind a Stop. The estimates use the rate this backend has shown for such models
 * (throughput.ts), and the pieces follow it as the run measures it: before any measurement
 * they double from one step (the first pieces calibrate).
 *
 * @example
 * import type { Layer } from '../model/layers';
 * import type { BatchPlan } from './batches';
 * // given: const backend: Backend, layers: Layer[], plan: BatchPlan
 * const sizing = chunkSizing(backend, { layers, plan, models: 1, longest: 20, fused: false });
 * // sizing.epochsPerChunk epochs a readback, sizing.chunksInFlight recorded ahead
 */
import type { Backend } from '../../backend';
import type { Layer } from '../model/layers';
import type { BatchPlan } from './batches';
import { pacing } from './pacing';
import { throughputOf, type Throughput } from './throughput';
import { stepFlops } from './work-estimate';

/** Chunks hold at least this many steps, so tiny epochs share a readback. */
export const MIN_STEPS_PER_CHUNK = 16;
/**
 * Epochs a chunk of the fused linear epochs holds: one dispatch whatever their number, so
 * the readback is what costs, and 50 halved line's 100 epochs on SwiftShader against 16
 * (bench/NOTES.md, change 10) while the chart still moves several times a second.
 */
export const FUSED_EPOCHS_PER_CHUNK = 50;
/**
 * A chunk estimated to take longer is not recorded ahead of the one being read, and on the GPU
 * an epoch that long is recorded in pieces; a shorter epoch stays whole, where a readback a
 * piece would cost more than it saves (SwiftShader's digits epochs).
 */
export const LONG_CHUNK_SECONDS = 0.25;
/** The device time a piece of an epoch aims at: what a Stop or the next run may queue behind. */
export const PIECE_SECONDS = 0.05;

export interface ChunkSizing {
  epochsPerChunk: number;
  /** Steps a piece of an epoch; stepsPerEpoch when epochs are recorded whole. */
  stepsPerPiece: number;
  pieced: boolean;
  chunksInFlight: number;
  /** Where recording computes (the CPU): ms of work between turns given back to the page; null on the GPU. */
  msPerTurn: number | null;
  /** The rate the sizes came from, which the run's chunks go on measuring. */
  meter: Throughput;
  /** FLOP of one step of every model. */
  stepFlops: number;
}

export function chunkSizing(backend: Backend, run: { layers: readonly Layer[]; plan: BatchPlan; models: number; longest: number; fused: boolean }): ChunkSizing {
  const { plan, fused, longest } = run;
  const { stepsPerEpoch } = plan;
  const paced = pacing(backend);
  const { msPerTurn } = paced;
  const meter = throughputOf(backend, run.layers);
  const flops = stepFlops(run.layers, plan.batchRows, run.models);
  const stepSeconds = flops / meter.flopsPerSecond;
  const pieced = !fused && msPerTurn === null && stepsPerEpoch > 1 && stepSeconds * stepsPerEpoch > LONG_CHUNK_SECONDS;
  const stepsPerPiece = pieced ? pieceSteps(meter, flops, 0, stepsPerEpoch) : stepsPerEpoch;
  const epochsPerChunk = pieced ? 1 : Math.min(longest, fused ? FUSED_EPOCHS_PER_CHUNK : Math.ceil(MIN_STEPS_PER_CHUNK / stepsPerEpoch));
  // A chunk that takes long holds Stop until it ends: then none is recorded ahead of the one read.
  const chunkSeconds = stepSeconds * (pieced ? stepsPerPiece : epochsPerChunk * stepsPerEpoch);
  const chunksInFlight = chunkSeconds > LONG_CHUNK_SECONDS ? 1 : paced.chunksInFlight;
  return { epochsPerChunk, stepsPerPiece, pieced, chunksInFlight, msPerTurn, meter, stepFlops: flops };
}

/**
 * Steps in the next piece of an epoch with `left` steps to go: PIECE_SECONDS of work at the
 * measured rate, or, before any measurement, 2^piece steps (1, 2, 4, …: a guess an order of
 * magnitude off costs a few short pieces, not a long one).
 */
export function pieceSteps(meter: Throughput, stepFlops: number, piece: number, left: number): number {
  const steps = meter.measured ? Math.floor((PIECE_SECONDS * meter.flopsPerSecond) / stepFlops) : 2 ** Math.min(piece, 20);
  return Math.min(left, Math.max(1, steps));
}
