/**
 * The engine that trains where it is created (the page, or the CPU worker), on the backend it
 * is given: one training at a time, each diagnosed; a lost device replaced (by `renew`) before
 * the next, or under a run, which then trains again once. The run and its seeds train in
 * main-run.ts, the what-ifs in what-if-runs.ts, on data from run-data.ts.
 *
 * @example
 * import { loadBuiltin } from '../train/data/builtin-sets';
 * import { cpuBackend } from './backends';
 * const engine = new TrainingEngine(await cpuBackend(), null, loadBuiltin, cpuBackend);
 */
import type { Backend, BackendKind, SurfaceGrid } from '../backend';
import { yieldToPage } from '../cpu/yield-to-page';
import { resolveConfig } from '../train/config';
import type { BuiltinData } from '../train/data/load-table';
import type { Table } from '../train/data/prepare';
import { generateLineData, releaseData } from '../train/data/device-data';
import { diagnose } from '../train/diagnosis/diagnosis';
import { judgeWhatIfs } from '../train/diagnosis/final-diagnosis';
import { findLearningRate } from '../train/loop/lr-find';
import { scenarioOf } from '../train/scenarios/table';
import { PREVIEW_ROWS, type LrFindResult, type NetworkStart, type Prediction, type RunConfig, type RunResult, type RunSettings, type ScenarioPreview, type TrainedModel } from '../train/types';
import type { PlannedRun } from '../train/diagnosis/what-if-plan';
import { MAX_SURFACE_POINTS, type Engine, type TrainOptions, type ValidationRows } from './api';
import { trainMainRun, type MainRun } from './main-run';
import { predictRow } from '../train/model/predict';
import { RunData } from './run-data';
import { StageCarry } from './stage-carry';
import { trainWhatIfRounds } from './what-if-runs';

/** Where a photo model's run starts: the kept frozen stage, the pretrained body, or its seed. */
function networkStart(config: RunConfig, startState: Float32Array | undefined): NetworkStart {
  if (startState) return 'frozen-stage';
  return config.pretrained === 'on' ? 'pretrained' : 'scratch';
}

export class TrainingEngine implements Engine {
  private queue: Promise<unknown> = Promise.resolve();
  private disposed = false;
  private readonly data: RunData;
  private readonly stages = new StageCarry();

  constructor(
    private current: Backend,
    readonly fallbackReason: string | null,
    /** Where the built-in data sets come from: the bundle on the page; the page, in the worker. */
    builtin: BuiltinData,
    /** A new backend, for one whose device was lost. */
    private readonly renew: () => Promise<Backend>,
  ) {
    this.data = new RunData(builtin);
  }

  get backend(): BackendKind {
    return this.current.kind;
  }

  get adapter(): string {
    return this.current.description;
  }

  train(partial: RunSettings, options: TrainOptions = {}): Promise<RunResult> {
    const { config } = resolveConfig(partial);
    return this.exclusive(options.onDeviceReset, async (backend) => {
      const { signal, lang } = options;
      const startState = this.stages.startFor(config);
      const main = await trainMainRun(backend, this.data, config, options, startState ? { startState } : {});
      const { history, stopReason, params, readout, boundary, trainEvaluation, state, filters } = main.outcome;
      if (state && stopReason === 'done') this.stages.keep(config, state);
      const model = main.model && (await this.trainedModel(config, main.model));
      const provisional = diagnose(history, { config, stopReason, smallTrainingSet: main.smallTrainingSet }, lang);
      const result: RunResult = {
        config,
        history,
        stopReason,
        diagnosis: provisional,
        backend: backend.kind,
        seedHistories: main.seedHistories,
        ...(params ? { params } : {}),
        ...(model ? { model } : {}),
        ...(readout ?? {}),
        ...(boundary ? { boundary } : {}),
        ...(filters ? { filters } : {}),
        ...(trainEvaluation ? { finalTrainEvalLoss: trainEvaluation.loss } : {}),
        ...(trainEvaluation?.validMixLoss !== undefined ? { finalTrainEvalLossValidMix: trainEvaluation.validMixLoss } : {}),
        ...(scenarioOf(config).model === 'cnn' ? { start: networkStart(config, startState) } : {}),
      };
      options.onTrainEnd?.(result);
      if (options.whatIf === false || stopReason === 'stopped' || history.length === 0 || signal?.aborted) return result;
      const run: PlannedRun = { config, history, stopReason, availableTrainRows: main.availableTrainRows, lrFindSuggestion: options.lrFindSuggestion };
      const whatIfs = await trainWhatIfRounds(backend, this.data, run, main.outcome, options, (c) => this.stages.startFor(c));
      if (signal?.aborted) return result;
      const classNames = await this.data.classNames(config);
      const diagnosis = judgeWhatIfs({ config, history, stopReason, whatIfs, ...(trainEvaluation ? { trainSet: trainEvaluation } : {}), ...(classNames ? { classNames } : {}) }, lang);
      return { ...result, diagnosis };
    });
  }

  lrFind(partial: RunSettings, options: { signal?: AbortSignal } = {}): Promise<LrFindResult> {
    const { config } = resolveConfig(partial);
    return this.exclusive(undefined, async (backend) => {
      const data = await this.data.load(backend, config);
      try {
        return await findLearningRate(backend, data, config, options.signal);
      } finally {
        releaseData(backend, data);
      }
    });
  }

  preview(partial: RunSettings): Promise<ScenarioPreview> {
    const { config } = resolveConfig(partial);
    const { preview } = scenarioOf(config);
    if (preview === 'line') {
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
    // The preview's render takes a task of its own, not the one that prepared the data (fashion's: 98 ms together).
    return this.data.host(config).then(async (prepared): Promise<ScenarioPreview> => {
      await yieldToPage();
      const points = (table: Table) => ({ xy: Array.from(table.features), labels: Array.from(table.labels) });
      if (preview === 'planar') return { kind: 'planar', train: points(prepared.train), valid: points(prepared.valid) };
      if (preview === 'table') return { kind: 'table', classNames: prepared.classNames ?? null, task: prepared.task };
      const rows = Math.min(PREVIEW_ROWS, prepared.valid.rows);
      const size = prepared.featureCount;
      const images = Array.from({ length: rows }, (_, r) => Array.from(prepared.valid.features.subarray(r * size, (r + 1) * size)));
      const names = prepared.imageShape && prepared.classNames ? { classNames: prepared.classNames } : {};
      return { kind: 'digits', images, labels: Array.from(prepared.valid.labels.subarray(0, rows)), ...names };
    });
  }

  validationRows(partial: RunSettings, indices: number[]): Promise<ValidationRows> {
    const { config } = resolveConfig(partial);
    return this.data.host(config).then(({ valid, featureCount }) => {
      const bad = indices.find((r) => !(Number.isInteger(r) && r >= 0 && r < valid.rows));
      if (bad !== undefined) throw new RangeError(`No validation row ${bad}: there are ${valid.rows}.`);
      return {
        features: indices.map((r) => Array.from(valid.features.subarray(r * featureCount, (r + 1) * featureCount))),
        labels: indices.map((r) => valid.labels[r]!),
      };
    });
  }

  /**
   * Not queued behind the run in progress (exclusive): the surface reads no step counter and
   * shares no tensor with training, so a learner sees it while the line still trains.
   */
  async lossSurface(partial: RunSettings, grid: SurfaceGrid): Promise<Float32Array> {
    const { config } = resolveConfig(partial);
    if (scenarioOf(config).model !== 'line') throw new Error(`The loss surface is line's (two parameters); ${config.scenario} has more.`);
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

  /**
   * What a classifier says of one input row (RunResult.model's input: a photo's pixels in
   * [0, 1], channel-first; a table's standardised columns as validationRows gives them): its
   * model's forward pass on this engine's backend, in evaluation mode (batch norms on their
   * running statistics).
   */
  predict(model: TrainedModel, input: ArrayLike<number>): Promise<Prediction> {
    return this.exclusive(undefined, (backend) => predictRow(backend, model, input));
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
      if (this.current.lost) await this.replaceDevice();
      try {
        return await work(this.current);
      } catch (error) {
        const lost = this.current.lost;
        if (lost === null) throw error;
        // Whatever failed first, the cause is the lost device: say so by its type.
        if (!onReset) throw lost;
        onReset(`The GPU was reset while training (${lost.summary}); training again on a new device.`);
        await this.replaceDevice();
        try {
          return await work(this.current);
        } catch (again) {
          // Lost twice in a row: no third try under this call; the next call starts a new device.
          throw this.current.lost ?? again;
        }
      }
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** The main run's model with its class names: the data's, or the classes' numbers; none for a regression. */
  private async trainedModel(config: RunConfig, trained: NonNullable<MainRun['model']>): Promise<TrainedModel> {
    const { data: _rows, ...settings } = config;
    const count = trained.classCount === 0 ? 0 : Math.max(2, trained.classCount);
    const names = count > 0 ? ((await this.data.classNames(config)) ?? []) : [];
    const classNames = Array.from({ length: count }, (_, c) => names[c] ?? String(c));
    return { layers: trained.layers, weights: trained.weights, classNames, config: settings };
  }

  private async replaceDevice(): Promise<void> {
    this.current.dispose();
    this.current = await this.renew();
  }
}
