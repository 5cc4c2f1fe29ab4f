/**
 * Trains K lesson-2 models at once (what-if runs, several seeds): every chunk of epochs is
 * one fused dispatch with a workgroup per model, and one readback for all of them. Each model
 * has its own data, schedule and number of epochs; a model whose run has ended stops updating
 * while the others go on. A model trained in a batch follows the same steps as alone.
 *
 * @example
 * import { generateLineData } from '../data/device-data';
 * // given: const backend: Backend, config: RunConfig
 * const data = generateLineData(backend, config);
 * const outcomes = await trainLinearBatch(backend, [
 *   { config, data },
 *   { config: { ...config, maxLr: config.maxLr / 10 }, data },
 * ], { onEpoch: (stats, model) => model === 0 && console.log(stats.epoch, stats.trainLoss) });
 */
import { MAX_BATCH_MODELS, type Backend, type LinearModelSlot, type Tensor } from '../../backend';
import type { DeviceData } from '../data/device-data';
import { LINE_START, modelSpec } from '../model/builders';
import { OwnedTensors } from '../model/owned-tensors';
import { scheduleTable } from '../schedule/schedule';
import type { EpochStats, RunConfig } from '../types';
import { pumpChunks, type ChunkReadback } from './chunk-pump';
import { FUSED_EPOCHS_PER_CHUNK } from './chunk-sizing';
import { pacing } from './pacing';
import { RunHistories, type TrainOutcome } from './run-histories';
import { fusesLinearEpochs } from './step-recorder';
import { evaluateLine } from './train-evaluation';

export interface BatchRun {
  config: RunConfig;
  /** Its tables must be slices of the same tensor as every other run's (generateLineTables). */
  data: DeviceData;
  /** Where its weights start: the notebook's (-1, 1) unless it continues another run. */
  startWeights?: readonly number[];
}

export interface BatchOptions {
  onEpoch?: (stats: EpochStats, model: number) => void;
  signal?: AbortSignal;
  /**
   * Epochs a dispatch (and a readback): FUSED_EPOCHS_PER_CHUNK for a run a learner watches;
   * what-ifs, whose epochs nobody watches, take all of theirs in one.
   */
  epochsPerChunk?: number;
  /** The first run, when it ends 'done': the training set's loss at its final (a, b) (TrainOutcome.trainEvaluation). */
  evaluateFirst?: boolean;
}

/** Whether these runs can share one fused dispatch: the lesson-2 model, full batch, plain SGD, line data. */
export function batchesLinearRuns(runs: BatchRun[]): boolean {
  return (
    runs.length >= 1 &&
    runs.length <= MAX_BATCH_MODELS &&
    runs.every(({ config, data }) => {
      const spec = modelSpec(config, data);
      return spec.tracksParameters && fusesLinearEpochs(spec.layers, data, config.optimizer, Math.min(config.batchSize, data.trainRows));
    })
  );
}

export async function trainLinearBatch(backend: Backend, runs: BatchRun[], options: BatchOptions = {}): Promise<TrainOutcome[]> {
  if (!batchesLinearRuns(runs)) throw new Error(`A fused batch takes 1 to ${MAX_BATCH_MODELS} lesson-2 runs (line, full batch, SGD).`);
  const K = runs.length;
  const features = runs[0]!.data.featureCount;
  const longest = Math.max(...runs.map((r) => r.config.epochs));
  const epochsPerChunk = Math.min(longest, options.epochsPerChunk ?? FUSED_EPOCHS_PER_CHUNK);
  const owned = new OwnedTensors(backend);
  const make = (length: number, label: string, dtype: 'f32' | 'u32' = 'f32'): Tensor => owned.add(backend.tensor(length, label, dtype));

  // One step an epoch: model m's schedule and losses hold `longest` steps from m·longest.
  const schedules = runs.map(({ config }) => scheduleTable(config.schedule, config.optimizer, config.maxLr, config.epochs));
  const schedule = make(2 * K * longest, 'batch schedules');
  const packed = new Float32Array(2 * K * longest);
  schedules.forEach((table, m) => packed.set(table, 2 * m * longest));
  backend.write(schedule, packed);
  const weights = make(K * features, 'batch weights');
  backend.write(weights, Float32Array.from({ length: K * features }, (_, i) => (runs[Math.floor(i / features)]!.startWeights ?? LINE_START)[i % features]!));
  const velocity = make(K * features, 'batch velocities');
  backend.fill({ tensor: velocity, offset: 0, stride: 1, count: K * features }, 0);
  const losses = make(K * longest, 'batch step losses');
  const validLoss = make(K * epochsPerChunk, 'batch valid losses');
  const nonFinite = make(K, 'batch non-finite flags', 'u32');
  backend.write(nonFinite, new Uint32Array(K));
  const trajectory = make(K * longest * features, 'batch trajectories');
  const models: LinearModelSlot[] = runs.map(({ config, data }) => ({
    trainX: data.trainX,
    trainY: data.trainY,
    validX: data.validX,
    validY: data.validY,
    rows: data.trainRows,
    validRows: data.validRows,
    steps: config.epochs,
  }));
  const tensors = { models, schedule, weights, velocity, losses, validLoss, trajectory, nonFinite };

  const started = performance.now();
  const histories = new RunHistories(runs.map((r) => r.config));
  let nextEpoch = 0;

  const recordChunk = (): ChunkReadback => {
    const epochs = Math.min(epochsPerChunk, longest - nextEpoch);
    backend.linearSgdEpochs(tensors, { features, epochs, validate: true, validSlots: epochsPerChunk, scheduleStride: longest });
    const ranges = [
      ...runs.map((_, m) => ({ tensor: losses, offset: m * longest + nextEpoch, length: epochs })),
      { tensor: validLoss },
      { tensor: nonFinite },
      // Each model's (a, b) after every epoch of the chunk: the path the views replay.
      ...runs.map((_, m) => ({ tensor: trajectory, offset: (m * longest + nextEpoch) * features, length: epochs * features })),
    ];
    const chunk = { firstEpoch: nextEpoch, epochs, values: backend.readRanges(ranges) };
    nextEpoch += epochs;
    return chunk;
  };

  /** Each model's epochs of the chunk into its history, until its run ends or diverges. */
  const takeChunk = (chunk: ChunkReadback, values: Float32Array[]) => {
    const [validValues, flags] = values.slice(K) as [Float32Array, Float32Array];
    const paths = values.slice(K + 2);
    const elapsedMs = performance.now() - started;
    const flagWords = new Uint32Array(flags.buffer, flags.byteOffset, K);
    runs.forEach((_, m) => {
      const epochStats = (e: number, epoch: number): EpochStats | null => {
        const trainLoss = values[m]![e]!;
        const valid = validValues[m * epochsPerChunk + (epoch % epochsPerChunk)]!;
        if (!Number.isFinite(trainLoss) || !Number.isFinite(valid)) return null;
        const stats: EpochStats = { epoch: epoch + 1, trainLoss, validLoss: valid, errorRate: null, lr: schedules[m]![2 * epoch]!, elapsedMs, stepLosses: [trainLoss] };
        const w = Array.from(paths[m]!.subarray(e * features, (e + 1) * features));
        if (w.every(Number.isFinite)) stats.params = w;
        return stats;
      };
      for (const stats of histories.take(m, chunk, epochStats, flagWords[m] !== 0)) options.onEpoch?.(stats, m);
    });
  };

  try {
    backend.setStep(0);
    const stopped = await pumpChunks(pacing(backend).chunksInFlight, () => nextEpoch < longest, recordChunk, takeChunk, options.signal);
    const outcomes = histories.outcomes(stopped).map((outcome): TrainOutcome => {
      const params = outcome.stopReason === 'done' ? outcome.history.at(-1)!.params : undefined;
      return { ...outcome, ...(params ? { params } : {}) };
    });
    const first = outcomes[0]!;
    if (options.evaluateFirst && first.stopReason === 'done' && first.params) first.trainEvaluation = await evaluateLine(backend, runs[0]!.data, first.params);
    return outcomes;
  } finally {
    owned.releaseAll();
  }
}
