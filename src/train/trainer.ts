/**
 * The epoch loop. Epochs are recorded in chunks (at least one whole epoch, more when epochs
 * are tiny) and each chunk is read back once, through its own staging buffer, while the
 * next chunk is already recorded: the GPU never waits for the host to look at a loss.
 * A non-finite loss ends the run as 'diverged'; an aborted signal ends it as 'stopped' at the
 * next chunk boundary.
 *
 * @example
 * const outcome = await trainModel(backend, data, config, { onEpoch: (s) => chart.push(s) });
 */
import type { Backend } from '../backend';
import { RandomStream } from '../cpu/rng';
import type { DeviceData } from './device-data';
import { Mlp, mlpLayers, type LayerShape } from './model';
import { scheduleTable } from './schedule';
import { fusesLinearEpochs, StepRecorder } from './step-recorder';
import { STREAMS } from './streams';
import { PREVIEW_ROWS, type EpochStats, type RunConfig, type StopReason } from './types';

/** Chunks hold at least this many steps, so tiny epochs share a readback. */
export const MIN_STEPS_PER_CHUNK = 16;
/**
 * Epochs a chunk of the fused linear epochs holds: one dispatch whatever their number, so
 * the readback is what costs, and 50 halved line's 100 epochs on SwiftShader against 16
 * (bench/NOTES.md, change 10) while the chart still moves several times a second.
 */
export const FUSED_EPOCHS_PER_CHUNK = 50;
/** Chunks recorded ahead of the one being read. */
export const CHUNKS_IN_FLIGHT = 2;
/** The notebook's starting parameters: a = (-1., 1). */
export const LINE_START = [-1, 1];

export interface TrainCallbacks {
  onEpoch?: (stats: EpochStats) => void;
  signal?: AbortSignal;
}

export interface TrainOutcome {
  history: EpochStats[];
  stopReason: StopReason;
  /** The final weights of a one-layer model without bias: [a, b] for line. */
  params?: number[];
  /** Predicted classes of the first PREVIEW_ROWS validation rows, from the last validation pass. */
  predictions?: number[];
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
  if (config.scenario === 'line') return [{ inputs: 2, outputs: 1, bias: false, relu: false }];
  return mlpLayers(data.featureCount, config.hidden, data.outputs);
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
  const model = new Mlp(backend, modelLayers(config, data));
  if (config.scenario === 'line') model.setWeights(LINE_START);
  else model.initialize(config.seed);
  const steps = new StepRecorder(backend, data, model, {
    optimizer: config.optimizer,
    schedule,
    batchRows: plan.batchRows,
    stepsPerOrder: plan.shuffled ? epochsPerOrder * plan.stepsPerEpoch : 0,
    validationSlots,
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

interface ChunkReadback {
  firstEpoch: number;
  epochs: number;
  values: Promise<Float32Array[]>;
}

export async function trainModel(backend: Backend, data: DeviceData, config: RunConfig, callbacks: TrainCallbacks = {}): Promise<TrainOutcome> {
  const plan = batchPlan(data.trainRows, config.batchSize);
  const { stepsPerEpoch } = plan;
  const fused = fusesLinearEpochs(modelLayers(config, data), data, config.optimizer, plan.batchRows);
  const epochsPerChunk = Math.min(config.epochs, fused ? FUSED_EPOCHS_PER_CHUNK : Math.ceil(MIN_STEPS_PER_CHUNK / stepsPerEpoch));
  const schedule = scheduleTable(config.schedule, config.optimizer, config.maxLr, config.epochs * stepsPerEpoch);
  const { model, steps } = startModel(backend, data, config, schedule, plan, epochsPerChunk, epochsPerChunk);
  const orders = new EpochOrders(config.seed, data.trainRows, plan);
  const line = config.scenario === 'line';
  backend.setStep(0);

  const started = performance.now();
  const history: EpochStats[] = [];
  const pending: ChunkReadback[] = [];
  let nextEpoch = 0;
  let stopReason: StopReason = 'done';

  const recordChunk = () => {
    const epochs = Math.min(epochsPerChunk, config.epochs - nextEpoch);
    if (plan.shuffled) steps.writeOrder(orders.next(epochsPerChunk));
    steps.recordEpochs(epochs, stepsPerEpoch);
    const ranges = [
      { tensor: steps.losses, offset: nextEpoch * stepsPerEpoch, length: epochs * stepsPerEpoch },
      { tensor: steps.validLoss, offset: 0, length: epochs },
      { tensor: steps.nonFinite },
      // line's (a, b) after the chunk, so its view can move while training runs.
      { tensor: model.weights, offset: 0, length: line ? 2 : 0 },
      ...(steps.wrong ? [{ tensor: steps.wrong, offset: 0, length: epochs * steps.wrongStride }] : []),
    ];
    pending.push({ firstEpoch: nextEpoch, epochs, values: backend.readRanges(ranges) });
    nextEpoch += epochs;
  };

  try {
    while (nextEpoch < config.epochs || pending.length > 0) {
      while (nextEpoch < config.epochs && pending.length < CHUNKS_IN_FLIGHT && !callbacks.signal?.aborted) recordChunk();
      if (callbacks.signal?.aborted) {
        stopReason = 'stopped';
        break;
      }
      const chunk = pending.shift()!;
      const [stepLosses, validLosses, flag, weights, wrong] = await chunk.values;
      if (callbacks.signal?.aborted) {
        stopReason = 'stopped';
        break;
      }
      for (let e = 0; e < chunk.epochs; e++) {
        const epochLosses = Array.from(stepLosses!.subarray(e * stepsPerEpoch, (e + 1) * stepsPerEpoch));
        const validLoss = validLosses![e]!;
        if (!epochLosses.every(Number.isFinite) || !Number.isFinite(validLoss)) {
          stopReason = 'diverged';
          break;
        }
        const globalEpoch = chunk.firstEpoch + e;
        const stats: EpochStats = {
          epoch: globalEpoch + 1,
          trainLoss: epochLosses.reduce((a, b) => a + b, 0) / epochLosses.length,
          validLoss,
          errorRate: null,
          lr: schedule[2 * ((globalEpoch + 1) * stepsPerEpoch - 1)]!,
          elapsedMs: performance.now() - started,
          stepLosses: epochLosses,
        };
        if (wrong && data.validLabels) Object.assign(stats, errorRates(wrong.subarray(e * steps.wrongStride), data.validLabels, data.classCount));
        if (line && e === chunk.epochs - 1 && weights!.every(Number.isFinite)) stats.params = Array.from(weights!);
        history.push(stats);
        callbacks.onEpoch?.(stats);
      }
      // The flag also catches a gradient or weight that overflowed while the losses stayed finite.
      if (stopReason === 'done' && flag![0] !== 0) stopReason = 'diverged';
      if (stopReason === 'diverged') break;
    }
    const params = line && stopReason !== 'diverged' ? history.at(-1)?.params : undefined;
    const predictions = data.classCount > 0 && history.length > 0 ? await predictedClasses(backend, steps, data) : undefined;
    return { history, stopReason, ...(params ? { params } : {}), ...(predictions ? { predictions } : {}) };
  } finally {
    // Readbacks still in flight must settle before their buffers go.
    await Promise.allSettled(pending.map((p) => p.values));
    steps.dispose();
    model.dispose();
  }
}

/** The class each of the first PREVIEW_ROWS validation rows is given by the last validation pass. */
async function predictedClasses(backend: Backend, steps: StepRecorder, data: DeviceData): Promise<number[]> {
  const rows = Math.min(PREVIEW_ROWS, data.validRows);
  const [logits] = await backend.readRanges([{ tensor: steps.validLogits, offset: 0, length: rows * data.outputs }]);
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
