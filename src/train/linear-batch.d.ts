/**
 * Trains K lesson-2 models at once (what-if runs, several seeds): every chunk of epochs is
 * one fused dispatch with a workgroup per model, and one readback for all of them. Each model
 * has its own data, schedule and number of epochs; a model whose run has ended stops updating
 * while the others go on. A model trained in a batch follows the same steps as alone.
 *
 * @example
 * const outcomes = await trainLinearBatch(backend, [
 *   { config, data },
 *   { config: { ...config, maxLr: config.maxLr / 10 }, data },
 * ], { onEpoch: (stats, model) => model === 0 && chart.push(stats) });
 */
import { type Backend } from '../backend';
import type { DeviceData } from './device-data';
import { type TrainOutcome } from './trainer';
import type { EpochStats, RunConfig } from './types';
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
}
/** Whether these runs can share one fused dispatch: the lesson-2 model, full batch, plain SGD, line data. */
export declare function batchesLinearRuns(runs: BatchRun[]): boolean;
export declare function trainLinearBatch(backend: Backend, runs: BatchRun[], options?: BatchOptions): Promise<TrainOutcome[]>;
