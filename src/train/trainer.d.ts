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
import type { DeviceData } from './device-data';
import { Mlp, type LayerShape } from './model';
import { StepRecorder } from './step-recorder';
import { type EpochStats, type RunConfig, type StopReason } from './types';
/** Chunks hold at least this many steps, so tiny epochs share a readback. */
export declare const MIN_STEPS_PER_CHUNK = 16;
/**
 * Epochs a chunk of the fused linear epochs holds: one dispatch whatever their number, so
 * the readback is what costs, and 50 halved line's 100 epochs on SwiftShader against 16
 * (bench/NOTES.md, change 10) while the chart still moves several times a second.
 */
export declare const FUSED_EPOCHS_PER_CHUNK = 50;
/** A chunk estimated to take longer is not recorded ahead of the one being read, and on the GPU an epoch that long is recorded in pieces (see trainModels). */
export declare const LONG_CHUNK_SECONDS = 0.25;
/** The notebook's starting parameters: a = (-1., 1). */
export declare const LINE_START: number[];
export interface TrainCallbacks {
    onEpoch?: (stats: EpochStats) => void;
    signal?: AbortSignal;
}
export interface BatchTrainCallbacks {
    /** Each model's epochs as they arrive, with its index among the configs. */
    onEpoch?: (stats: EpochStats, model: number) => void;
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
export declare function batchPlan(trainRows: number, batchSize: number): BatchPlan;
export declare function modelLayers(config: RunConfig, data: DeviceData): LayerShape[];
/**
 * A fresh model at its starting weights and the recorder that trains it, for `epochsPerOrder`
 * epochs of shuffled batches between order writes and `validationSlots` epochs a readback.
 */
export declare function startModel(backend: Backend, data: DeviceData, config: RunConfig, schedule: Float32Array, plan: BatchPlan, epochsPerOrder: number, validationSlots: number): {
    model: Mlp;
    steps: StepRecorder;
};
/** K models' schedules packed one after another, `stride` steps apart, and each model's own length. */
export interface PackedSchedules {
    schedule: Float32Array;
    stride: number;
    steps: number[];
}
/** Each config's schedule over its own steps, packed for K models trained at once. */
export declare function packSchedules(configs: RunConfig[], stepsPerEpoch: number): PackedSchedules;
/** K fresh models of one architecture (one per config, each from its own seed) on one data set, and their recorder. */
export declare function startModels(backend: Backend, data: DeviceData, configs: RunConfig[], packed: PackedSchedules, plan: BatchPlan, epochsPerOrder: number, validationSlots: number): {
    model: Mlp;
    steps: StepRecorder;
};
/** Row orders for `epochs` epochs, each a fresh seeded shuffle, cut to whole batches. */
export declare class EpochOrders {
    private readonly rows;
    private readonly plan;
    private readonly rng;
    constructor(seed: number, rows: number, plan: BatchPlan);
    next(epochs: number): Uint32Array;
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
export declare function pumpChunks(inFlight: number, hasNext: () => boolean, record: () => ChunkReadback, take: (chunk: ChunkReadback, values: Float32Array[]) => void, signal?: AbortSignal, busy?: () => boolean): Promise<boolean>;
export declare function trainModel(backend: Backend, data: DeviceData, config: RunConfig, callbacks?: TrainCallbacks): Promise<TrainOutcome>;
/**
 * Whether runs can train as one batch on one data set: the same data (scenario, seed, rows,
 * resampling), the same architecture, batch and optimizer; the learning rate, the schedule
 * and the number of epochs may differ.
 */
export declare function sharesBatch(a: RunConfig, b: RunConfig, seedsApart?: boolean): boolean;
/**
 * K models of one architecture on one data set (sharesBatch), or each on its own seed's split
 * (data stacked K times: stackPrepared), trained in the same dispatches: each with its own
 * schedule, seed (weights and shuffles) and number of epochs;
 * a model whose run has ended, or diverged, stops updating while the others go on. A model
 * trained in a batch takes the same steps as alone.
 */
export declare function trainModels(backend: Backend, data: DeviceData, given: RunConfig[], callbacks?: BatchTrainCallbacks): Promise<TrainOutcome[]>;
/** K models' row orders as one: step s holds model 0's batch of s, then model 1's, and so on. */
export declare function interleaveOrders(orders: Uint32Array[], batchRows: number): Uint32Array;
/** Overall and per-class error rates from one validation pass's 0/1 misses. */
export declare function errorRates(wrong: Float32Array, labels: Float32Array, classCount: number): {
    errorRate: number;
    classErrorRates: number[];
};
