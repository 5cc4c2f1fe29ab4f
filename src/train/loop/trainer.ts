/**
 * The epoch loop, for every model: K runs of one model on one data set, recorded in chunks
 * (chunk-sizing.ts) and read back once a chunk while the next is already recorded, so the GPU
 * never waits for the host to look at a loss. A non-finite loss ends a run as 'diverged'; an
 * aborted signal ends them as 'stopped' at once, mid-chunk (chunk-pump.ts,
 * run-histories.ts: the same for lesson 2's fused what-ifs in linear-batch.ts).
 *
 * @example
 * import type { DeviceData } from '../data/device-data';
 * // given: const backend: Backend, data: DeviceData, config: RunConfig
 * const history: EpochStats[] = [];
 * const outcome = await trainModel(backend, data, config, { onEpoch: (s) => history.push(s) });
 */
import type { Backend } from '../../backend';
import type { DeviceData } from '../data/device-data';
import { modelSpec } from '../model/builders';
import { isPerceptron, multiplyAddsPerRow } from '../model/layers';
import { BoundaryPass } from '../model/boundary-pass';
import { scenarioOf } from '../scenarios/table';
import type { Boundary, EpochStats, FilterMaps, RunConfig } from '../types';
import { filterReadout } from './filter-readout';
import { batchPlan, EpochOrders, interleaveOrders, sharesBatch } from './batches';
import { pumpChunks, type ChunkReadback } from './chunk-pump';
import { chunkSizing, pieceSteps } from './chunk-sizing';
import { RunHistories, type TrainOutcome } from './run-histories';
import { packSchedules, startModels } from './start-models';
import { fusesLinearEpochs } from './step-recorder';
import { evaluateTrainingSet } from './train-evaluation';
import { ChunkClock } from './throughput';
import { errorRates, readValidation } from './validation-readout';

export type { TrainOutcome } from './run-histories';

export interface BatchTrainCallbacks {
  /** Each model's epochs as they arrive, with its index among the configs. */
  onEpoch?: (stats: EpochStats, model: number) => void;
  signal?: AbortSignal;
  /** Planar runs: the first config's decision boundary after each readback. Given, it is computed. */
  onBoundary?: (boundary: Boundary) => void;
  /** Only the first this many epochs (TrainOptions.stopAfter). */
  stopAfter?: number;
  /** The first config's run, when it ends 'done': the training set's loss with its final weights (train-evaluation.ts). */
  evaluateTraining?: boolean;
  /** The first config's run, unless it diverged: its final state (TrainOutcome.state), to save or to go on from. */
  keepState?: boolean;
  /** The first config's run starts from this state (Sequential.readState of the same model) instead of its seed's weights. */
  startState?: Float32Array;
  /** A CNN run alone: its filters and validation photo `filterPhoto`'s (0 unless given) activation maps after each readback (filter-readout.ts). */
  onFilters?: (maps: FilterMaps) => void;
  filterPhoto?: number;
}

/** One run's callbacks: a batch's (BatchTrainCallbacks), its epochs reported without a model index. */
export type TrainCallbacks = Omit<BatchTrainCallbacks, 'onEpoch'> & { onEpoch?: (stats: EpochStats) => void };

export async function trainModel(backend: Backend, data: DeviceData, config: RunConfig, callbacks: TrainCallbacks = {}): Promise<TrainOutcome> {
  const { onEpoch } = callbacks;
  const [outcome] = await trainModels(backend, data, [config], { ...callbacks, onEpoch: onEpoch && ((stats) => onEpoch(stats)) });
  return outcome!;
}

/**
 * K models of one architecture on one data set (sharesBatch), or each on its own seed's split
 * (data stacked K times: stackPrepared), trained in the same dispatches: each with its own
 * schedule, seed (weights and shuffles) and number of epochs;
 * a model whose run has ended, or diverged, stops updating while the others go on. A model
 * trained in a batch takes the same steps as alone.
 */
export async function trainModels(backend: Backend, data: DeviceData, given: RunConfig[], callbacks: BatchTrainCallbacks = {}): Promise<TrainOutcome[]> {
  if (given.length > 1 && !isPerceptron(modelSpec(given[0]!, data).layers)) return trainOneByOne(backend, data, given, callbacks);
  const stacked = (data.stacked ?? 1) > 1;
  if (stacked && data.stacked !== given.length) throw new Error(`Data stacked for ${data.stacked} models cannot train ${given.length}.`);
  if (given.length > 1 && !given.every((c) => sharesBatch(given[0]!, c, stacked))) throw new Error('A batch of runs must share their data, model, batch size and optimizer.');
  // Longest run first: the models still training are then always the first few, and a dispatch covers only them.
  // Stacked data stays in its order: model m trains on copy m.
  const order = given.map((_, i) => i).sort((a, b) => (stacked ? a - b : given[b]!.epochs - given[a]!.epochs));
  const configs = order.map((i) => given[i]!);
  const [first] = configs as [RunConfig];
  const K = configs.length;
  const plan = batchPlan(data.trainRows, first.batchSize);
  const { stepsPerEpoch } = plan;
  const longest = Math.max(...configs.map((c) => c.epochs));
  // The epochs recorded: all, or the first stopAfter (the schedules still span every epoch).
  const until = Math.min(longest, Math.max(0, callbacks.stopAfter ?? longest));
  const spec = modelSpec(first, data);
  const fused = K === 1 && fusesLinearEpochs(spec.layers, data, first.optimizer, plan.batchRows);
  const { epochsPerChunk, stepsPerPiece: firstPiece, pieced, chunksInFlight, msPerTurn, meter, stepFlops } = chunkSizing(backend, { layers: spec.layers, plan, models: K, longest, fused });
  const clock = new ChunkClock(meter);
  // A validation pass is a forward pass (2 FLOP a multiply-add) over the validation rows.
  const validationFlops = 2 * data.validRows * multiplyAddsPerRow(spec.layers);
  let pieces = 0;
  const packed = packSchedules(configs, stepsPerEpoch);
  const { model, steps } = startModels(backend, data, configs, packed, plan, epochsPerChunk, epochsPerChunk, callbacks.startState);
  const orders = configs.map((c) => new EpochOrders(c.seed, data.trainRows, plan));
  const line = spec.tracksParameters;
  const histories = new RunHistories(configs);
  const runs = histories.runs;
  // The boundary is the first config's, model 0's: asked for on the run itself, trained first.
  const boundary = callbacks.onBoundary && scenarioOf(first).planar && order[0] === 0 ? new BoundaryPass(backend, model, first.features) : null;
  let lastBoundary: Boundary | undefined;
  const filters = callbacks.onFilters && K === 1 ? filterReadout(model, steps, Math.min(Math.max(0, callbacks.filterPhoto ?? 0), data.validRows - 1)) : null;
  let lastFilters: FilterMaps | undefined;
  backend.setStep(0);

  const started = performance.now();
  let nextEpoch = 0;
  /** Steps of the current epoch already recorded in pieces. */
  let stepInEpoch = 0;

  const recordChunk = (): ChunkReadback => {
    const recordedAt = performance.now();
    const epochs = Math.min(epochsPerChunk, until - nextEpoch);
    const active = configs.filter((c) => c.epochs > nextEpoch).length;
    const flopsOf = (stepCount: number, validations: number) => ((stepFlops * stepCount) / K + validationFlops * validations) * active;
    // On stacked data, model m's rows are the m-th copy's.
    const rowsOf = (m: number) => (stacked ? m * data.trainRows : 0);
    if (plan.shuffled && stepInEpoch === 0) steps.writeOrder(interleaveOrders(orders.slice(0, active).map((o, m) => o.next(epochsPerChunk).map((row) => row + rowsOf(m))), plan.batchRows));
    const piece = pieced ? (pieces === 0 ? firstPiece : pieceSteps(meter, stepFlops, pieces, stepsPerEpoch - stepInEpoch)) : stepsPerEpoch;
    if (pieced && stepInEpoch + piece < stepsPerEpoch) {
      // A piece of the epoch: its steps, then a one-word read that resolves when the GPU is through them.
      steps.recordSteps(piece, active);
      stepInEpoch += piece;
      pieces++;
      return { firstEpoch: nextEpoch, epochs: 0, values: clock.time(flopsOf(piece, 0), recordedAt, backend.readRanges([{ tensor: steps.nonFinite, length: 1 }])) };
    }
    const chunkFlops = flopsOf(pieced ? stepsPerEpoch - stepInEpoch : epochs * stepsPerEpoch, epochs);
    // Where recording computes (the CPU), it takes turns as it goes.
    const recorded =
      msPerTurn !== null && !fused
        ? steps.recordEpochsInTurns(epochs, stepsPerEpoch, active, msPerTurn, callbacks.signal)
        : pieced
          ? steps.finishEpoch(stepsPerEpoch - stepInEpoch, active)
          : steps.recordEpochs(epochs, stepsPerEpoch, active);
    stepInEpoch = 0;
    // The grid pass follows the chunk's steps (on the CPU, once they have been computed).
    const afterSteps = () => {
      boundary?.record();
      return backend.readRanges(ranges);
    };
    const ranges = [
      ...runs.map((_, m) => ({ tensor: steps.losses, offset: m * packed.stride + nextEpoch * stepsPerEpoch, length: epochs * stepsPerEpoch })),
      { tensor: steps.validLoss, offset: 0, length: K * epochsPerChunk },
      { tensor: steps.nonFinite },
      // line's (a, b) after every epoch of the chunk, the path its views replay (see StepRecorder.trajectory).
      // Fused, step t's at t·stride; otherwise the chunk's epoch e's in validation slot e.
      line ? { tensor: steps.trajectory!, offset: fused ? nextEpoch * steps.trajectoryStride() : 0, length: epochs * steps.trajectoryStride() } : { tensor: steps.losses, length: 0 },
      ...(steps.wrong ? [{ tensor: steps.wrong, offset: 0, length: epochs * steps.wrongStride }] : []),
      ...(filters?.ranges ?? []),
      ...(boundary?.ranges ?? []),
    ];
    const chunk = { firstEpoch: nextEpoch, epochs, values: clock.time(chunkFlops, recordedAt, recorded ? recorded.then(afterSteps) : afterSteps()) };
    nextEpoch += epochs;
    return chunk;
  };

  /** Each model's epochs of the chunk into its history, until its run ends or diverges. */
  const takeChunk = (chunk: ChunkReadback, values: Float32Array[]) => {
    // A piece of an epoch reports nothing: its epoch's last piece reads everything.
    if (chunk.epochs === 0) return;
    const [validLosses, flags, path, wrong] = values.slice(K);
    const flagWords = new Uint32Array(flags!.buffer, flags!.byteOffset, K);
    // The readback ends with the filters' ranges, then the boundary's.
    const tail = values.length - (boundary?.ranges.length ?? 0);
    const maps = filters && runs[0]!.stopReason === null ? values.slice(tail - filters.ranges.length, tail) : null;
    // A diverging model's maps are NaN: the last finite ones stand.
    if (maps?.every((v) => v.every(Number.isFinite))) {
      lastFilters = filters!.read(maps);
      callbacks.onFilters!(lastFilters);
    }
    const read = boundary && runs[0]!.stopReason === null ? boundary.boundary(values.slice(-boundary.ranges.length)) : null;
    // A diverging model's grid is NaN: the last finite picture stands.
    if (read?.probabilities.every(Number.isFinite)) {
      lastBoundary = read;
      callbacks.onBoundary!(read);
    }
    const epochStats = (m: number, e: number, epoch: number): EpochStats | null => {
      const epochLosses = Array.from(values[m]!.subarray(e * stepsPerEpoch, (e + 1) * stepsPerEpoch));
      const validLoss = validLosses![m * epochsPerChunk + e]!;
      if (!epochLosses.every(Number.isFinite) || !Number.isFinite(validLoss)) return null;
      const stats: EpochStats = {
        epoch: epoch + 1,
        trainLoss: epochLosses.reduce((a, b) => a + b, 0) / epochLosses.length,
        validLoss,
        errorRate: null,
        lr: packed.schedule[2 * (m * packed.stride + (epoch + 1) * stepsPerEpoch - 1)]!,
        elapsedMs: performance.now() - started,
        stepLosses: epochLosses,
      };
      if (wrong && data.validLabels) {
        const rows = data.validRows;
        const labels = stacked ? data.validLabels.subarray(m * rows, (m + 1) * rows) : data.validLabels;
        Object.assign(stats, errorRates(wrong.subarray(e * steps.wrongStride + m * rows, e * steps.wrongStride + (m + 1) * rows), labels, data.classCount));
      }
      if (line) {
        const own = path!.subarray(e * steps.trajectoryStride() + m * model.parameterCount).subarray(0, 2);
        if (own.every(Number.isFinite)) stats.params = Array.from(own);
      }
      return stats;
    };
    runs.forEach((_, m) => {
      for (const stats of histories.take(m, chunk, (e, epoch) => epochStats(m, e, epoch), flagWords[m] !== 0)) callbacks.onEpoch?.(stats, order[m]!);
    });
  };

  try {
    const stopped = (await pumpChunks(chunksInFlight, () => nextEpoch < until, recordChunk, takeChunk, callbacks.signal, () => histories.training())) || until < longest;
    if (boundary && until === 0) {
      // Nothing trained: the boundary of the starting weights.
      boundary.record();
      lastBoundary = boundary.boundary(await backend.readRanges(boundary.ranges));
      callbacks.onBoundary!(lastBoundary);
    }
    const outcomes = histories.outcomes(stopped).map((outcome): TrainOutcome => {
      const params = line && outcome.stopReason !== 'diverged' ? outcome.history.at(-1)?.params : undefined;
      return { ...outcome, ...(params ? { params } : {}) };
    });
    if (lastBoundary) outcomes[0]!.boundary = lastBoundary;
    if (lastFilters) outcomes[0]!.filters = lastFilters;
    // What the first config's last validation pass says row by row (the run itself; the others are what-ifs).
    // Not after Stop: the chunk it cut short may still be writing the logits, and reading them would wait for it.
    const mainAt = order.indexOf(0);
    if (data.classCount > 0 && outcomes[mainAt]!.history.length > 0 && !callbacks.signal?.aborted) {
      const readout = await readValidation(backend, steps, data, mainAt);
      if (readout) outcomes[mainAt]!.readout = readout;
    }
    // The run itself is model 0 whenever it is asked for (alone, or first of its stacked seeds).
    if (callbacks.evaluateTraining && mainAt === 0 && outcomes[0]!.stopReason === 'done') outcomes[0]!.trainEvaluation = await evaluateTrainingSet(backend, model, data);
    // Not after Stop either (see above).
    if (callbacks.keepState && mainAt === 0 && outcomes[0]!.stopReason !== 'diverged' && !callbacks.signal?.aborted) outcomes[0]!.state = await model.readState();
    return given.map((_, i) => outcomes[order.indexOf(i)]!);
  } finally {
    boundary?.dispose();
    steps.dispose();
    model.dispose();
  }
}

/**
 * Runs of a model with image layers, one after another on the same data (a Sequential holds one
 * copy of such a model): each reports its epochs under its index, and the first its boundary
 * and training-set evaluation as trainModels would.
 */
async function trainOneByOne(backend: Backend, data: DeviceData, configs: RunConfig[], callbacks: BatchTrainCallbacks): Promise<TrainOutcome[]> {
  if ((data.stacked ?? 1) > 1) throw new Error('Photos are not stacked for several seeds: train each seed on its own data.');
  const outcomes: TrainOutcome[] = [];
  // The run itself (the first) takes every callback; the others their epochs, the signal and stopAfter.
  const { onEpoch, signal, stopAfter, ...firstOnly } = callbacks;
  for (const [m, config] of configs.entries()) {
    const own: BatchTrainCallbacks = { signal, stopAfter, onEpoch: onEpoch && ((stats) => onEpoch(stats, m)), ...(m === 0 ? firstOnly : {}) };
    outcomes.push(...(await trainModels(backend, data, [config], own)));
  }
  return outcomes;
}
