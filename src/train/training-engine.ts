/**
 * The engine that trains where it is created (the page, or the CPU worker): it picks a backend
 * (WebGPU when an adapter exists, else the CPU with the reason kept), loads and prepares each
 * scenario's data, runs one training at a time, and diagnoses every run.
 *
 * @example
 * import { CpuBackend } from '../cpu/cpu-backend';
 * import { loadBuiltin } from './data/builtin';
 * const engine = new TrainingEngine(await CpuBackend.create(), {}, null, loadBuiltin);
 */
import type { Backend, BackendKind, SurfaceGrid } from '../backend';
import { acquireDevice } from '../gpu/device';
import { GpuBackend } from '../gpu/gpu-backend';
import { isPlanar, resolveConfig } from './config';
import { prepareData, stackPrepared, type PreparedData, type Table } from './data/prepare';
import { generateLineData, generateLineTables, planarFeatureTables, releaseData, uploadData, type DeviceData } from './device-data';
import { planarDataset } from './data/planar';
import { diagnose } from './diagnosis';
import { batchesLinearRuns, trainLinearBatch, type BatchRun } from './linear-batch';
import { findLearningRate } from './lr-find';
import { pacing } from './pacing';
import { sharesBatch, trainModel, trainModels, type TrainOutcome } from './trainer';
import { PREVIEW_ROWS, type Dataset, type EpochStats, type LrFindResult, type RunConfig, type RunResult, type ScenarioPreview, type WhatIf } from './types';
import { finalValidLoss, whatIfResult } from './what-if';
import { MAX_ROUNDS, nextWhatIfs, planWhatIfs, type PlannedRun, type WhatIfPlan } from './what-if-plan';
import { judgeWhatIfs } from './final-diagnosis';
import { continuedOutcome, whatIfReuse } from './what-if-reuse';
import type { BuiltinScenario } from './data/builtin';
import { MAX_SURFACE_POINTS, type Engine, type EngineOptions, type TrainOptions } from './engine-api';

/** What the main run leaves for the what-ifs and the result. */
interface MainRun {
  outcome: TrainOutcome;
  seedHistories: EpochStats[][];
  availableTrainRows: number;
  smallTrainingSet: boolean;
}


export async function gpuBackend(options: EngineOptions): Promise<GpuBackend> {
  if (options.device) return new GpuBackend(options.device, 'provided device');
  const { device, description } = await acquireDevice(options.gpu);
  return new GpuBackend(device, description);
}

/** The built-in data set a scenario trains on. */
export type BuiltinData = (scenario: BuiltinScenario) => Promise<Dataset>;

export class TrainingEngine implements Engine {
  private queue: Promise<unknown> = Promise.resolve();
  private disposed = false;

  constructor(
    private current: Backend,
    private readonly options: EngineOptions,
    readonly fallbackReason: string | null,
    /** Where the built-in data sets come from: the bundle on the page; the page, in the worker. */
    private readonly builtin: BuiltinData,
  ) {}

  get backend(): BackendKind {
    return this.current.kind;
  }

  get adapter(): string {
    return this.current.description;
  }

  train(partial: Partial<RunConfig>, options: TrainOptions = {}): Promise<RunResult> {
    const { config } = resolveConfig(partial);
    return this.exclusive(options.onDeviceReset, async (backend) => {
      const { signal, lang } = options;
      const main = await this.trainMain(backend, config, options);
      const { history, stopReason, params, predictions, boundary, trainEvaluation } = main.outcome;
      const provisional = diagnose(history, { config, stopReason, smallTrainingSet: main.smallTrainingSet }, lang);
      const result: RunResult = {
        config,
        history,
        stopReason,
        diagnosis: provisional,
        backend: backend.kind,
        seedHistories: main.seedHistories,
        ...(params ? { params } : {}),
        ...(predictions ? { predictions } : {}),
        ...(boundary ? { boundary } : {}),
        ...(trainEvaluation ? { finalTrainEvalLoss: trainEvaluation.loss } : {}),
        ...(trainEvaluation?.validMixLoss !== undefined ? { finalTrainEvalLossValidMix: trainEvaluation.validMixLoss } : {}),
      };
      options.onTrainEnd?.(result);
      if (options.whatIf === false || stopReason === 'stopped' || history.length === 0 || signal?.aborted) return result;
      const run: PlannedRun = { config, history, stopReason, availableTrainRows: main.availableTrainRows, lrFindSuggestion: options.lrFindSuggestion };
      // Round by round, each from what the last showed (what-if-plan.ts), within MAX_ROUNDS.
      const whatIfs: WhatIf[] = [];
      let plans = planWhatIfs(run);
      for (let round = 1; plans.length > 0 && round <= MAX_ROUNDS && !signal?.aborted; round++) {
        whatIfs.push(...(await this.trainWhatIfs(backend, config, plans, main.outcome, options)));
        plans = nextWhatIfs(run, whatIfs);
      }
      if (signal?.aborted) return result;
      const classNames = await this.classNames(config);
      const diagnosis = judgeWhatIfs({ config, history, stopReason, whatIfs, ...(trainEvaluation ? { trainSet: trainEvaluation } : {}), ...(classNames ? { classNames } : {}) }, lang);
      return { ...result, diagnosis };
    });
  }

  /** The data's class names, where it has them (cancer's; a CSV's), for a message about one class. */
  private async classNames(config: RunConfig): Promise<string[] | undefined> {
    if (config.scenario === 'digits' || config.scenario === 'cancer') return (await this.builtin(config.scenario)).classNames;
    return config.data?.classNames;
  }

  /**
   * The run itself and, with `seeds`, its other seeds, in one batch where the backend allows
   * (line: the fused epochs; the MLPs: each seed's split stacked, on the GPU), else one after
   * another.
   */
  private async trainMain(backend: Backend, config: RunConfig, options: TrainOptions): Promise<MainRun> {
    const seedConfigs = Array.from({ length: config.seeds }, (_, i) => ({ ...config, seed: config.seed + i }));
    const onEpoch = options.onEpoch;
    // In a batch, the first model is the run itself: only its epochs are reported.
    // Planar runs: the run's own decision boundary (RunResult.boundary), reported as it changes.
    const onBoundary = isPlanar(config.scenario) ? (options.onBoundary ?? (() => undefined)) : undefined;
    // The run's training set evaluated with its final weights: RunResult.finalTrainEvalLoss.
    const callbacks = { signal: options.signal, onEpoch: (stats: EpochStats, m: number) => m === 0 && onEpoch?.(stats), evaluateTraining: true, ...(onBoundary ? { onBoundary } : {}) };
    const batched = (outcomes: TrainOutcome[], data: DeviceData): MainRun => ({
      outcome: outcomes[0]!,
      seedHistories: outcomes.map((o) => o.history),
      availableTrainRows: data.availableTrainRows,
      smallTrainingSet: data.smallTrainingSet,
    });
    // A run cut short (stopAfter) takes the path that can stop at an epoch: one model's.
    const batch = options.stopAfter === undefined ? await this.linearBatch(backend, seedConfigs) : null;
    if (batch) {
      try {
        return batched(await trainLinearBatch(backend, batch.runs, { ...callbacks, evaluateFirst: true }), batch.runs[0]!.data);
      } finally {
        batch.release();
      }
    }
    const stacked = seedConfigs.length > 1 && seedConfigs.length <= pacing(backend).batchLimit && options.stopAfter === undefined ? await this.stackedSeeds(backend, seedConfigs) : null;
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
      const data = await this.loadData(backend, seedConfig);
      try {
        const outcome = await trainModel(backend, data, seedConfig, {
          ...(main ? { signal: options.signal } : { ...options, evaluateTraining: true, ...(onBoundary ? { onBoundary } : {}) }),
          ...(options.stopAfter !== undefined ? { stopAfter: options.stopAfter } : {}),
        });
        histories.push(outcome.history);
        main ??= { outcome, seedHistories: histories, availableTrainRows: data.availableTrainRows, smallTrainingSet: data.smallTrainingSet };
      } finally {
        releaseData(backend, data);
      }
    }
    return main!;
  }

  /**
   * Each plan's what-if, reported as it is known: a constant-rate run's own epochs stand in
   * for those that change only the epochs (what-if-reuse.ts); the rest train in as few
   * batches as their data allow.
   */
  private async trainWhatIfs(backend: Backend, config: RunConfig, plans: WhatIfPlan[], main: TrainOutcome, options: TrainOptions): Promise<WhatIf[]> {
    const mainFinal = finalValidLoss(main.history, main.stopReason);
    const reuses = plans.map((plan) => whatIfReuse(config, plan.change, main));
    const toTrain = plans.flatMap((_, i) => (reuses[i]!.kind === 'prefix' ? [] : [i]));
    const runs = toTrain.map((i) => {
      const reuse = reuses[i]!;
      const run = { ...config, ...plans[i]!.change, seeds: 1 };
      return reuse.kind === 'continue' ? { config: { ...run, epochs: reuse.epochs }, startWeights: reuse.startWeights } : { config: run };
    });
    const trained = await this.trainRuns(backend, runs, options.signal);
    return plans.flatMap((plan, i) => {
      const reuse = reuses[i]!;
      const outcome = reuse.kind === 'prefix' ? reuse.outcome : trained[toTrain.indexOf(i)];
      // Stopped before it trained.
      if (!outcome) return [];
      const { history, stopReason } = reuse.kind === 'continue' ? continuedOutcome(main, outcome) : outcome;
      const whatIf = whatIfResult(plan, history, stopReason, mainFinal);
      options.onWhatIf?.(whatIf);
      return [whatIf];
    });
  }

  /**
   * Runs to their ends in as few batches as their data allow: line's in one fused dispatch
   * (all their epochs in it: nothing is drawn until each ends), the MLPs' on one data set
   * (another rate, other epochs) in the same dispatches; more rows need data of their own.
   */
  private async trainRuns(backend: Backend, runs: { config: RunConfig; startWeights?: number[] }[], signal?: AbortSignal): Promise<(TrainOutcome | undefined)[]> {
    if (runs.length === 0) return [];
    const configs = runs.map((r) => r.config);
    const batch = await this.linearBatch(backend, configs);
    if (batch) {
      try {
        return await trainLinearBatch(backend, batch.runs.map((run, i) => ({ ...run, startWeights: runs[i]!.startWeights })), { signal, epochsPerChunk: Infinity });
      } finally {
        batch.release();
      }
    }
    if (runs.some((r) => r.startWeights)) throw new Error('Only the fused line epochs continue a run from given weights.');
    const byData = new Map<number, number[]>();
    configs.forEach((config, i) => {
      const key = configs.findIndex((other) => sharesBatch(other, config));
      byData.set(key, [...(byData.get(key) ?? []), i]);
    });
    const limit = pacing(backend).batchLimit;
    const groups = [...byData.values()].flatMap((all) => Array.from({ length: Math.ceil(all.length / limit) }, (_, c) => all.slice(c * limit, (c + 1) * limit)));
    const outcomes: (TrainOutcome | undefined)[] = [];
    for (const group of groups) {
      if (signal?.aborted) break;
      const data = await this.loadData(backend, configs[group[0]!]!);
      try {
        const trained = await trainModels(backend, data, group.map((i) => configs[i]!), { signal });
        group.forEach((i, j) => (outcomes[i] = trained[j]));
      } finally {
        releaseData(backend, data);
      }
    }
    return outcomes;
  }

  /** Each seed's split of the data, stacked for one batch; null for line (batched its own way) or when their row counts differ. */
  private async stackedSeeds(backend: Backend, seedConfigs: RunConfig[]): Promise<DeviceData | null> {
    if (seedConfigs[0]!.scenario === 'line') return null;
    const stacked = stackPrepared(await Promise.all(seedConfigs.map((c) => this.hostData(c))));
    return stacked ? deviceTables(backend, stacked, seedConfigs[0]!) : null;
  }

  /** The runs as one fused batch on line data generated together, or null when they cannot share one. */
  private async linearBatch(backend: Backend, configs: RunConfig[]): Promise<{ runs: BatchRun[]; release: () => void } | null> {
    if (configs.some((c) => c.scenario !== 'line')) return null;
    const { datasets, owned } = generateLineTables(backend, configs.map((c) => ({ seed: c.seed, trainRows: c.trainSize })));
    const runs = configs.map((config, i) => ({ config, data: datasets[i]! }));
    const release = () => owned.forEach((t) => backend.release(t));
    if (batchesLinearRuns(runs)) return { runs, release };
    release();
    return null;
  }

  lrFind(partial: Partial<RunConfig>, options: { signal?: AbortSignal } = {}): Promise<LrFindResult> {
    const { config } = resolveConfig(partial);
    return this.exclusive(undefined, async (backend) => {
      const data = await this.loadData(backend, config);
      try {
        return await findLearningRate(backend, data, config, options.signal);
      } finally {
        releaseData(backend, data);
      }
    });
  }

  preview(partial: Partial<RunConfig>): Promise<ScenarioPreview> {
    const { config } = resolveConfig(partial);
    if (config.scenario === 'line') {
      return this.exclusive(undefined, async (backend) => {
        const data = generateLineData(backend, config);
        try {
          const [x, y] = await backend.readRanges([{ tensor: data.trainX }, { tensor: data.trainY }]);
          return { kind: 'line', x: Array.from(x!.filter((_, i) => i % 2 === 0)), y: Array.from(y!) };
        } finally {
          releaseData(backend, data);
        }
      });
    }
    return this.hostData(config).then((prepared): ScenarioPreview => {
      const points = (table: Table) => ({ xy: Array.from(table.features), labels: Array.from(table.labels) });
      if (isPlanar(config.scenario)) return { kind: 'planar', train: points(prepared.train), valid: points(prepared.valid) };
      if (config.scenario !== 'digits') return { kind: 'table', classNames: prepared.classNames ?? null, task: prepared.task };
      const rows = Math.min(PREVIEW_ROWS, prepared.valid.rows);
      const images = Array.from({ length: rows }, (_, r) => Array.from(prepared.valid.features.subarray(r * 64, (r + 1) * 64)));
      return { kind: 'digits', images, labels: Array.from(prepared.valid.labels.subarray(0, rows)) };
    });
  }

  /**
   * Not queued behind the run in progress (exclusive): the surface reads no step counter and
   * shares no tensor with training, so a learner sees it while the line still trains.
   */
  async lossSurface(partial: Partial<RunConfig>, grid: SurfaceGrid): Promise<Float32Array> {
    const { config } = resolveConfig(partial);
    if (config.scenario !== 'line') throw new Error(`The loss surface is line's (two parameters); ${config.scenario} has more.`);
    if (!(Number.isInteger(grid.cols) && Number.isInteger(grid.rows) && grid.cols >= 1 && grid.rows >= 1 && grid.cols * grid.rows <= MAX_SURFACE_POINTS)) {
      throw new Error(`A loss surface grid takes 1 to ${MAX_SURFACE_POINTS} points, not ${grid.cols}×${grid.rows}.`);
    }
    if (this.disposed) throw new Error('This engine was disposed; create a new one.');
    const backend = this.current;
    const data = generateLineData(backend, config);
    const out = backend.tensor(grid.cols * grid.rows, 'loss surface');
    try {
      backend.lossSurface(data.trainX, data.trainY, data.trainRows, out, grid);
      return await backend.read(out);
    } finally {
      backend.release(out);
      releaseData(backend, data);
    }
  }

  dispose(): void {
    this.disposed = true;
    void this.queue.finally(() => this.current.dispose());
  }

  /**
   * One run at a time: runs share the backend's step counter. A lost GPU is replaced first;
   * one lost under the work is replaced and the work done again, once (after `onReset`).
   */
  private exclusive<T>(onReset: ((message: string) => void) | undefined, work: (backend: Backend) => Promise<T>): Promise<T> {
    const run = this.queue.then(async () => {
      if (this.disposed) throw new Error('This engine was disposed; create a new one.');
      if (this.current instanceof GpuBackend && this.current.lostMessage !== null) await this.replaceDevice();
      try {
        return await work(this.current);
      } catch (error) {
        const lost = this.current instanceof GpuBackend ? this.current.lostMessage : null;
        if (lost === null || !onReset) throw error;
        onReset(`The GPU was reset while training (${lost}); training again on a new device.`);
        await this.replaceDevice();
        return work(this.current);
      }
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async replaceDevice(): Promise<void> {
    this.current.dispose();
    this.current = await gpuBackend({ ...this.options, device: undefined });
  }

  private async loadData(backend: Backend, config: RunConfig): Promise<DeviceData> {
    if (config.scenario === 'line') return generateLineData(backend, config);
    return deviceTables(backend, await this.hostData(config), config);
  }

  /** The table a non-line scenario trains on, split and prepared on the host. */
  private async hostData(config: RunConfig): Promise<PreparedData> {
    switch (config.scenario) {
      case 'digits':
        return prepareData(await this.builtin('digits'), config, { standardize: false });
      case 'cancer':
        return prepareData(await this.builtin('cancer'), config, { standardize: true });
      case 'circle':
      case 'xor':
      case 'gauss':
      case 'spiral':
        // The points as they are: TensorFlow Playground's features are of the raw coordinates.
        return prepareData(planarDataset(config.scenario, config), config, { standardize: false });
      default:
        if (!config.data) throw new Error('The "custom" scenario needs a data set: give a CSV (src) or a Dataset (config.data).');
        return prepareData(config.data, config, { standardize: true });
    }
  }
}

/** A prepared table on the device; a planar one's points become the run's features there. */
function deviceTables(backend: Backend, prepared: PreparedData, config: RunConfig): DeviceData {
  const data = uploadData(backend, prepared);
  return isPlanar(config.scenario) ? planarFeatureTables(backend, data, config.features) : data;
}
