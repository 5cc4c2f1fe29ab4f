/**
 * The epoch loop. Epochs are recorded in chunks (at least one whole epoch, more when epochs
 * are tiny) and each chunk is read back once, through its own staging buffer, while the
 * next chunk is already recorded: the GPU never waits for the host to look at a loss.
 * A non-finite loss ends the run as 'diverged'; an aborted signal ends it as 'stopped' at the
 * next chunk boundary.
 *
 * @example
 * import type { DeviceData } from '../data/device-data';
 * // given: const backend: Backend, data: DeviceData, config: RunConfig
 * const history: EpochStats[] = [];
 * const outcome = await trainModel(backend, data, config, { onEpoch: (s) => history.push(s) });
 */
import type { Backend } from '../../backend';
import { RandomStream } from '../../cpu/rng';
import type { DeviceData } from '../data/device-data';
import { Mlp, mlpLayers, type LayerShape } from '../model/model';
import { pacing } from './pacing';
import { scheduleTable } from '../schedule/schedule';
import { fusesLinearEpochs, StepRecorder } from './step-recorder';
import { STREAMS } from '../streams';
import { assertFeasible, stepFlops } from './work-estimate';
import { BoundaryPass } from '../model/boundary-pass';
import { evaluateTrainingSet, type TrainEvaluation } from './train-evaluation';
import { scenarioOf } from '../scenarios/table';
import { PREVIEW_ROWS, type Boundary, type EpochStats, type RunConfig, type StopReason } from '../types';

/** Chunks hold at least this many steps, so tiny epochs share a readback. */
export const MIN_STEPS_PER_CHUNK = 16;
/**
 * Epochs a chunk of the fused linear epochs holds: one dispatch whatever their number, so
 * the readback is what costs, and 50 halved line's 100 epochs on SwiftShader against 16
 * (bench/NOTES.md, change 10) while the chart still moves several times a second.
 */
export const FUSED_EPOCHS_PER_CHUNK = 50;
/** A chunk estimated to take longer is not recorded ahead of the one being read, and on the GPU an epoch that long is recorded in pieces (see trainModels). */
export const LONG_CHUNK_SECONDS = 0.25;
/** The notebook's starting parameters: a = (-1., 1). */
export const LINE_START = [-1, 1];

export interface TrainCallbacks {
  onEpoch?: (stats: EpochStats) => void;
  signal?: AbortSignal;
  /** Planar runs: the decision boundary after each readback. Given, it is computed. */
  onBoundary?: (boundary: Boundary) => void;
  stopAfter?: number;
  /** Evaluate the training set with the final weights (TrainOutcome.trainEvaluation). */
  evaluateTraining?: boolean;
}

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
}

export interface TrainOutcome {
  history: EpochStats[];
  stopReason: StopReason;
  /** The final weights of a one-layer model without bias: [a, b] for line. */
  params?: number[];
  /** Predicted classes of the first PREVIEW_ROWS validation rows, from the last validation pass. */
  predictions?: number[];
  /** Planar runs asked for it: the decision boundary after the last epoch read. */
  boundary?: Boundary;
  /** Asked for (evaluateTraining) and the run done: the whole training set's loss with the final weights. */
  trainEvaluation?: TrainEvaluation;
}

export interface BatchPlan {
  batchRows: number;
  stepsPerEpoch: number;
  /** false when every step sees the whole training set, in order. */
  shuffled: boolean;
}

/** fastai drops the last incomplete training batch; a batch larger than the set is the set. */
export function batchPlan(trainRows: number, batchSize: number): BatchPlan {
  const batchRows = Math.min(batchSize, trainRows);
  const stepsPerEpoch = Math.floor(trainRows / batchRows);
  return { batchRows, stepsPerEpoch, shuffled: batchRows < trainRows };
}

export function modelLayers(config: RunConfig, data: DeviceData): LayerShape[] {
  if (scenarioOf(config).model === 'line') return [{ inputs: 2, outputs: 1, bias: false, activation: 'linear' }];
  return mlpLayers(data.featureCount, config.hidden, data.outputs, config.activation);
}

/**
 * A fresh model at its starting weights and the recorder that trains it, for `epochsPerOrder`
 * epochs of shuffled batches between order writes and `validationSlots` epochs a readback.
 */
export function startModel(
  backend: Backend,
  data: DeviceData,
  config: RunConfig,
  schedule: Float32Array,
  plan: BatchPlan,
  epochsPerOrder: number,
  validationSlots: number,
): { model: Mlp; steps: StepRecorder } {
  return startModels(backend, data, [config], { schedule, stride: schedule.length / 2, steps: [schedule.length / 2] }, plan, epochsPerOrder, validationSlots);
}

/** K models' schedules packed one after another, `stride` steps apart, and each model's own length. */
export interface PackedSchedules {
  schedule: Float32Array;
  stride: number;
  steps: number[];
}

/** Each config's schedule over its own steps, packed for K models trained at once. */
export function packSchedules(configs: RunConfig[], stepsPerEpoch: number): PackedSchedules {
  const steps = configs.map((c) => c.epochs * stepsPerEpoch);
  const stride = Math.max(...steps);
  const schedule = new Float32Array(2 * configs.length * stride);
  configs.forEach((c, m) => schedule.set(scheduleTable(c.schedule, c.optimizer, c.maxLr, steps[m]!), 2 * m * stride));
  return { schedule, stride, steps };
}

/** K fresh models of one architecture (one per config, each from its own seed) on one data set, and their recorder. */
export function startModels(
  backend: Backend,
  data: DeviceData,
  configs: RunConfig[],
  packed: PackedSchedules,
  plan: BatchPlan,
  epochsPerOrder: number,
  validationSlots: number,
): { model: Mlp; steps: StepRecorder } {
  const [first] = configs as [RunConfig];
  // Before any allocation: a step this backend cannot finish in reasonable time is refused.
  assertFeasible(backend, modelLayers(first, data), plan.batchRows, configs.length);
  const model = new Mlp(backend, modelLayers(first, data), configs.length);
  const lineModel = scenarioOf(first).model === 'line';
  if (lineModel) model.setWeights(LINE_START);
  else model.initialize(configs.map((c) => c.seed));
  const steps = new StepRecorder(backend, data, model, {
    optimizer: first.optimizer,
    schedule: packed.schedule,
    scheduleStride: packed.stride,
    modelSteps: packed.steps,
    batchRows: plan.batchRows,
    stepsPerOrder: plan.shuffled ? epochsPerOrder * plan.stepsPerEpoch : 0,
    validationSlots,
    recordParameters: lineModel,
    penalty: first.regularization !== 'none' && first.regRate > 0 ? { kind: first.regularization, rate: first.regRate } : null,
  });
  return { model, steps };
}

/** Row orders for `epochs` epochs, each a fresh seeded shuffle, cut to whole batches. */
export class EpochOrders {
  private readonly rng: RandomStream;
  constructor(
    seed: number,
    private readonly rows: number,
    private readonly plan: BatchPlan,
  ) {
    this.rng = new RandomStream({ seed, stream: STREAMS.epochShuffle, counter: 0 });
  }

  next(epochs: number): Uint32Array {
    const perEpoch = this.plan.stepsPerEpoch * this.plan.batchRows;
    const out = new Uint32Array(epochs * perEpoch);
    for (let e = 0; e < epochs; e++) {
      const order = this.rng.shuffle(Array.from({ length: this.rows }, (_, i) => i));
      out.set(order.slice(0, perEpoch), e * perEpoch);
    }
    return out;
  }
}

export interface ChunkReadback {
  firstEpoch: number;
  epochs: number;
  values: Promise<Float32Array[]>;
}

/**
 * Records chunks ahead (`inFlight` of them: pacing) while there are more, and hands
 * each one's readback to `take` in order, while `busy`; true when the signal stopped it.
 * Readbacks still in flight settle before it returns, so their buffers may go then.
 */
export async function pumpChunks(
  inFlight: number,
  hasNext: () => boolean,
  record: () => ChunkReadback,
  take: (chunk: ChunkReadback, values: Float32Array[]) => void,
  signal?: AbortSignal,
  busy: () => boolean = () => true,
): Promise<boolean> {
  const pending: ChunkReadback[] = [];
  try {
    while ((hasNext() || pending.length > 0) && busy()) {
      while (hasNext() && pending.length < inFlight && !signal?.aborted) pending.push(record());
      if (signal?.aborted) return true;
      const chunk = pending.shift()!;
      const values = await chunk.values;
      if (signal?.aborted) return true;
      take(chunk, values);
    }
    return false;
  } finally {
    await Promise.allSettled(pending.map((p) => p.values));
  }
}

export async function trainModel(backend: Backend, data: DeviceData, config: RunConfig, callbacks: TrainCallbacks = {}): Promise<TrainOutcome> {
  const [outcome] = await trainModels(backend, data, [config], {
    signal: callbacks.signal,
    onEpoch: callbacks.onEpoch && ((stats) => callbacks.onEpoch!(stats)),
    ...(callbacks.onBoundary ? { onBoundary: callbacks.onBoundary } : {}),
    ...(callbacks.stopAfter !== undefined ? { stopAfter: callbacks.stopAfter } : {}),
    ...(callbacks.evaluateTraining ? { evaluateTraining: true } : {}),
  });
  return outcome!;
}

/**
 * Whether runs can train as one batch on one data set: the same data (scenario, seed, rows,
 * resampling), the same architecture, batch and optimizer; the learning rate, the schedule
 * and the number of epochs may differ.
 */
export function sharesBatch(a: RunConfig, b: RunConfig, seedsApart = false): boolean {
  const same = ['scenario', 'trainSize', 'imbalance', 'oversample', 'batchSize', 'optimizer', 'noise', 'activation', 'regularization', 'regRate'] as const;
  const lists = ['hidden', 'features'] as const;
  return same.every((key) => a[key] === b[key]) && lists.every((key) => a[key].join() === b[key].join()) && (seedsApart || a.seed === b.seed) && a.data === b.data;
}

interface ModelRun {
  config: RunConfig;
  history: EpochStats[];
  stopReason: StopReason | null;
}

/**
 * K models of one architecture on one data set (sharesBatch), or each on its own seed's split
 * (data stacked K times: stackPrepared), trained in the same dispatches: each with its own
 * schedule, seed (weights and shuffles) and number of epochs;
 * a model whose run has ended, or diverged, stops updating while the others go on. A model
 * trained in a batch takes the same steps as alone.
 */
export async function trainModels(backend: Backend, data: DeviceData, given: RunConfig[], callbacks: BatchTrainCallbacks = {}): Promise<TrainOutcome[]> {
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
  const fused = K === 1 && fusesLinearEpochs(modelLayers(first, data), data, first.optimizer, plan.batchRows);
  const paced = pacing(backend);
  const { msPerTurn } = paced;
  // Where recording does not compute (the GPU), an epoch estimated over LONG_CHUNK_SECONDS is
  // recorded in pieces, each waited for before the next: Stop then waits for one piece at most.
  const stepSeconds = stepFlops(modelLayers(first, data), plan.batchRows, K) / backend.flopsPerSecond;
  const stepsPerPiece = fused || msPerTurn !== null ? stepsPerEpoch : Math.min(stepsPerEpoch, Math.max(1, Math.floor(LONG_CHUNK_SECONDS / stepSeconds)));
  const pieced = stepsPerPiece < stepsPerEpoch;
  const epochsPerChunk = pieced ? 1 : Math.min(longest, fused ? FUSED_EPOCHS_PER_CHUNK : Math.ceil(MIN_STEPS_PER_CHUNK / stepsPerEpoch));
  const packed = packSchedules(configs, stepsPerEpoch);
  const { model, steps } = startModels(backend, data, configs, packed, plan, epochsPerChunk, epochsPerChunk);
  const orders = configs.map((c) => new EpochOrders(c.seed, data.trainRows, plan));
  const line = scenarioOf(first).model === 'line';
  const runs: ModelRun[] = configs.map((config) => ({ config, history: [], stopReason: null }));
  // The boundary is the first config's, model 0's: asked for on the run itself, trained first.
  const boundary = callbacks.onBoundary && scenarioOf(first).planar && order[0] === 0 ? new BoundaryPass(backend, model, first.features) : null;
  let lastBoundary: Boundary | undefined;
  backend.setStep(0);

  const started = performance.now();
  // A chunk that takes long holds Stop until it ends: then none is recorded ahead of the one read.
  const chunkSeconds = stepSeconds * (pieced ? stepsPerPiece : epochsPerChunk * stepsPerEpoch);
  const chunksInFlight = chunkSeconds > LONG_CHUNK_SECONDS ? 1 : paced.chunksInFlight;
  let nextEpoch = 0;
  /** Steps of the current epoch already recorded in pieces. */
  let stepInEpoch = 0;

  const recordChunk = (): ChunkReadback => {
    const epochs = Math.min(epochsPerChunk, until - nextEpoch);
    const active = configs.filter((c) => c.epochs > nextEpoch).length;
    // On stacked data, model m's rows are the m-th copy's.
    const rowsOf = (m: number) => (stacked ? m * data.trainRows : 0);
    if (plan.shuffled && stepInEpoch === 0) steps.writeOrder(interleaveOrders(orders.slice(0, active).map((o, m) => o.next(epochsPerChunk).map((row) => row + rowsOf(m))), plan.batchRows));
    if (pieced && stepInEpoch + stepsPerPiece < stepsPerEpoch) {
      // A piece of the epoch: its steps, then a one-word read that resolves when the GPU is through them.
      steps.recordSteps(stepsPerPiece, active);
      stepInEpoch += stepsPerPiece;
      return { firstEpoch: nextEpoch, epochs: 0, values: backend.readRanges([{ tensor: steps.nonFinite, length: 1 }]) };
    }
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
      ...(boundary?.ranges ?? []),
    ];
    const chunk = { firstEpoch: nextEpoch, epochs, values: recorded ? recorded.then(afterSteps) : afterSteps() };
    nextEpoch += epochs;
    return chunk;
  };

  /** Each model's epochs of the chunk into its history, until its run ends or diverges. */
  const takeChunk = (chunk: ChunkReadback, values: Float32Array[]) => {
    // A piece of an epoch reports nothing: its epoch's last piece reads everything.
    if (chunk.epochs === 0) return;
    const [validLosses, flags, path, wrong] = values.slice(K);
    const flagWords = new Uint32Array(flags!.buffer, flags!.byteOffset, K);
    const read = boundary && runs[0]!.stopReason === null ? boundary.boundary(values.slice(-boundary.ranges.length)) : null;
    // A diverging model's grid is NaN: the last finite picture stands.
    if (read?.probabilities.every(Number.isFinite)) {
      lastBoundary = read;
      callbacks.onBoundary!(read);
    }
    runs.forEach((run, m) => {
      if (run.stopReason !== null) return;
      const stepLosses = values[m]!;
      const epochs = Math.min(chunk.epochs, run.config.epochs - chunk.firstEpoch);
      for (let e = 0; e < epochs; e++) {
        const epochLosses = Array.from(stepLosses.subarray(e * stepsPerEpoch, (e + 1) * stepsPerEpoch));
        const validLoss = validLosses![m * epochsPerChunk + e]!;
        if (!epochLosses.every(Number.isFinite) || !Number.isFinite(validLoss)) {
          run.stopReason = 'diverged';
          return;
        }
        const globalEpoch = chunk.firstEpoch + e;
        const stats: EpochStats = {
          epoch: globalEpoch + 1,
          trainLoss: epochLosses.reduce((a, b) => a + b, 0) / epochLosses.length,
          validLoss,
          errorRate: null,
          lr: packed.schedule[2 * (m * packed.stride + (globalEpoch + 1) * stepsPerEpoch - 1)]!,
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
        run.history.push(stats);
        callbacks.onEpoch?.(stats, order[m]!);
      }
      // The flag also catches a gradient or weight that overflowed while the losses stayed finite.
      if (flagWords[m] !== 0) run.stopReason = 'diverged';
      else if (run.history.length === run.config.epochs) run.stopReason = 'done';
    });
  };

  try {
    const training = () => runs.some((r) => r.stopReason === null);
    const stopped = (await pumpChunks(chunksInFlight, () => nextEpoch < until, recordChunk, takeChunk, callbacks.signal, training)) || until < longest;
    if (boundary && until === 0) {
      // Nothing trained: the boundary of the starting weights.
      boundary.record();
      lastBoundary = boundary.boundary(await backend.readRanges(boundary.ranges));
      callbacks.onBoundary!(lastBoundary);
    }
    const outcomes = runs.map((run): TrainOutcome => {
      const stopReason = run.stopReason ?? (stopped ? 'stopped' : 'done');
      const params = line && stopReason !== 'diverged' ? run.history.at(-1)?.params : undefined;
      return { history: run.history, stopReason, ...(params ? { params } : {}) };
    });
    if (lastBoundary) outcomes[0]!.boundary = lastBoundary;
    // The predicted digits of the first config (the run itself; the others are what-ifs), from its last validation pass.
    const mainAt = order.indexOf(0);
    if (data.classCount > 0 && outcomes[mainAt]!.history.length > 0) outcomes[mainAt]!.predictions = await predictedClasses(backend, steps, data, mainAt);
    // The run itself is model 0 whenever it is asked for (alone, or first of its stacked seeds).
    if (callbacks.evaluateTraining && mainAt === 0 && outcomes[0]!.stopReason === 'done') outcomes[0]!.trainEvaluation = await evaluateTrainingSet(backend, model, data);
    return given.map((_, i) => outcomes[order.indexOf(i)]!);
  } finally {
    boundary?.dispose();
    steps.dispose();
    model.dispose();
  }
}

/** K models' row orders as one: step s holds model 0's batch of s, then model 1's, and so on. */
export function interleaveOrders(orders: Uint32Array[], batchRows: number): Uint32Array {
  const K = orders.length;
  const steps = orders[0]!.length / batchRows;
  const out = new Uint32Array(K * orders[0]!.length);
  for (let s = 0; s < steps; s++) {
    orders.forEach((order, m) => out.set(order.subarray(s * batchRows, (s + 1) * batchRows), (s * K + m) * batchRows));
  }
  return out;
}

/** The class each of the first PREVIEW_ROWS validation rows is given by model m's last validation pass. */
async function predictedClasses(backend: Backend, steps: StepRecorder, data: DeviceData, model: number): Promise<number[]> {
  const rows = Math.min(PREVIEW_ROWS, data.validRows);
  const offset = model * data.validRows * data.outputs;
  const [logits] = await backend.readRanges([{ tensor: steps.validLogits, offset, length: rows * data.outputs }]);
  return Array.from({ length: rows }, (_, r) => {
    if (data.outputs === 1) return logits![r]! > 0 ? 1 : 0;
    const row = Array.from(logits!.subarray(r * data.outputs, (r + 1) * data.outputs));
    return row.indexOf(Math.max(...row));
  });
}

/** Overall and per-class error rates from one validation pass's 0/1 misses. */
export function errorRates(wrong: Float32Array, labels: Float32Array, classCount: number): { errorRate: number; classErrorRates: number[] } {
  const misses = new Array<number>(classCount).fill(0);
  const totals = new Array<number>(classCount).fill(0);
  let missed = 0;
  for (let i = 0; i < labels.length; i++) {
    const c = labels[i]!;
    totals[c]!++;
    if (wrong[i]! !== 0) {
      misses[c]!++;
      missed++;
    }
  }
  return { errorRate: missed / labels.length, classErrorRates: misses.map((m, c) => (totals[c] ? m / totals[c]! : 0)) };
}
