/**
 * The run a learner asked for and, with `seeds`, its other seeds: in one batch where the
 * backend allows (line: the fused epochs; the MLPs: each seed's split stacked), else one
 * after another. Only the first model's epochs are reported: it is the run itself.
 *
 * @example
 * import { loadBuiltin } from '../train/data/builtin-sets';
 * import { RunData } from './run-data';
 * // given: const backend: Backend, config: RunConfig
 * const main = await trainMainRun(backend, new RunData(loadBuiltin), config, { onEpoch: (s) => console.log(s.validLoss) });
 * console.log(main.seedHistories.length === config.seeds);
 */
import type { Backend } from '../backend';
import { releaseData, type DeviceData } from '../train/data/device-data';
import { trainLinearBatch } from '../train/loop/linear-batch';
import { pacing } from '../train/loop/pacing';
import { scenarioOf } from '../train/scenarios/table';
import { trainModel, trainModels, type TrainOutcome } from '../train/loop/trainer';
import { modelSpec } from '../train/model/builders';
import type { EpochStats, Layer, RunConfig } from '../train/types';
import type { TrainOptions } from './api';
import { linearBatch, type RunData } from './run-data';

/** What the main run leaves for the what-ifs and the result. */
export interface MainRun {
  outcome: TrainOutcome;
  seedHistories: EpochStats[][];
  availableTrainRows: number;
  smallTrainingSet: boolean;
  /** The run's trained model, unless it diverged or was stopped (RunResult.model, less its class names). */
  model?: { layers: Layer[]; weights: Float32Array; classCount: number };
}

/** The model the run itself trained: its layers, and the weights it ended with (line's [a, b], or the state it kept). */
function trainedModel(outcome: TrainOutcome, tables: DeviceData, config: RunConfig): MainRun['model'] {
  if (outcome.stopReason !== 'done') return undefined;
  const weights = outcome.state ?? (outcome.params ? Float32Array.from(outcome.params) : undefined);
  if (!weights) return undefined;
  return { layers: [...modelSpec(config, tables).layers], weights, classCount: tables.loss === 'mse' ? 0 : tables.classCount };
}

/** A photo model's later stage (stage-carry.ts): the state it starts from, the one its frozen stage left. */
export interface StageStart {
  startState?: Float32Array;
}

export async function trainMainRun(backend: Backend, data: RunData, config: RunConfig, options: TrainOptions, stages: StageStart = {}): Promise<MainRun> {
  const seedConfigs = Array.from({ length: config.seeds }, (_, i) => ({ ...config, seed: config.seed + i }));
  const onEpoch = options.onEpoch;
  // In a batch, the first model is the run itself: only its epochs are reported.
  // Planar runs: the run's own decision boundary (RunResult.boundary), reported as it changes.
  const onBoundary = scenarioOf(config).planar ? (options.onBoundary ?? (() => undefined)) : undefined;
  // The run's training set evaluated with its final weights: RunResult.finalTrainEvalLoss.
  // keepState: the run's final weights, RunResult.model.
  const callbacks = { signal: options.signal, onEpoch: (stats: EpochStats, m: number) => m === 0 && onEpoch?.(stats), evaluateTraining: true, keepState: true, ...(onBoundary ? { onBoundary } : {}) };
  const batched = (outcomes: TrainOutcome[], tables: DeviceData): MainRun => ({
    outcome: outcomes[0]!,
    seedHistories: outcomes.map((o) => o.history),
    availableTrainRows: tables.availableTrainRows,
    smallTrainingSet: tables.smallTrainingSet,
    model: trainedModel(outcomes[0]!, tables, config),
  });
  // A run cut short (stopAfter) takes the path that can stop at an epoch: one model's.
  const batch = options.stopAfter === undefined ? linearBatch(backend, seedConfigs) : null;
  if (batch) {
    try {
      return batched(await trainLinearBatch(backend, batch.runs, { ...callbacks, evaluateFirst: true }), batch.runs[0]!.data);
    } finally {
      batch.release();
    }
  }
  const stacked = seedConfigs.length > 1 && seedConfigs.length <= pacing(backend).batchLimit && options.stopAfter === undefined ? await data.stackedSeeds(backend, seedConfigs) : null;
  if (stacked) {
    try {
      return batched(await trainModels(backend, stacked, seedConfigs, callbacks), stacked);
    } finally {
      releaseData(backend, stacked);
    }
  }
  const histories: EpochStats[][] = [];
  let main: MainRun | null = null;
  for (const seedConfig of seedConfigs) {
    if (main && options.signal?.aborted) break;
    const tables = await data.load(backend, seedConfig);
    try {
      const outcome = await trainModel(backend, tables, seedConfig, {
        ...(main ? { signal: options.signal } : { signal: options.signal, onEpoch: options.onEpoch, evaluateTraining: true, ...(onBoundary ? { onBoundary } : {}), ...stages, keepState: true, onFilters: options.onFilters, filterPhoto: options.filterPhoto }),
        ...(options.stopAfter !== undefined ? { stopAfter: options.stopAfter } : {}),
      });
      histories.push(outcome.history);
      main ??= { outcome, seedHistories: histories, availableTrainRows: tables.availableTrainRows, smallTrainingSet: tables.smallTrainingSet, model: trainedModel(outcome, tables, seedConfig) };
    } finally {
      releaseData(backend, tables);
    }
  }
  return main!;
}
