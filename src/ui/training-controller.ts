/**
 * Runs training for the element: one engine per element (the GPU device underneath is shared
 * by the page), one run at a time. A new request aborts the run in progress and replaces any
 * request still waiting, so a dragged slider trains only its latest value; epochs of an
 * aborted run never reach the host, so the chart never mixes two runs.
 *
 * @example
 * import type { LitElement } from 'lit';
 * // given: const host: LitElement, config: RunConfig
 * const training = new TrainingController(host, () => ({ backend: 'auto', lang: 'en', whatIf: true }));
 * training.request(config);
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  diagnose,
  isDeviceLost,
  type BackendChoice,
  type Diagnosis,
  type Engine,
  type Boundary,
  type FilterMaps,
  type EpochStats,
  type Language,
  type LrFindResult,
  type Prediction,
  type RunConfig,
  type RunResult,
  type ScenarioPreview,
  type SurfaceGrid,
  type TrainedModel,
  type ValidationRows,
  type WhatIf,
} from '../engine/index';
import { loadEngine } from './engine-loader';
import { emit } from './events';

export interface ControllerSettings {
  backend: BackendChoice;
  lang: Language;
  /** Test the advice with what-if runs after each run. */
  whatIf: boolean;
}

/** A run to train: the whole of it, or its first `stopAfter` epochs (stepping). */
interface RunRequest {
  config: RunConfig;
  stopAfter?: number;
}

export class TrainingController implements ReactiveController {
  running = false;
  /** The run trains only its first epochs (step, reset): kept-runs.ts keeps no such run. */
  stepping = false;
  /** The main run has ended and its what-if runs are training. */
  testing = false;
  /** The what-if runs of the current run, as each ends. */
  whatIfs: WhatIf[] = [];
  history: EpochStats[] = [];
  result: RunResult | null = null;
  /** The settings of the last photo run in the frozen stage: an unfrozen run that goes on from it shows its fit first (fastai-code.ts). */
  frozenRun: RunConfig | null = null;
  diagnosis: Diagnosis | null = null;
  preview: ScenarioPreview | null = null;
  lrFound: LrFindResult | null = null;
  /** The settings lr_find searched with: its suggestion is a what-if of runs on the same model and data. */
  private lrFoundFor: RunConfig | null = null;
  lrFinding = false;
  config: RunConfig | null = null;
  /** Why training is on the CPU, when it is. */
  cpuReason: string | null = null;
  activeBackend: 'webgpu' | 'cpu' | null = null;
  /** Counts runs begun (a device reset begins one again): views that replay a run start over when it changes. */
  runsBegun = 0;
  /** Planar runs: the latest decision boundary, the last run's until this one reads its first. */
  boundary: Boundary | null = null;
  /** Photos: the first layer's filters and a validation photo's maps, as of the last readback (filters-view.ts). */
  filters: FilterMaps | null = null;
  /** `boundary` is the previous run's. */
  boundaryStale = false;

  private engine: Promise<Engine> | null = null;
  /** Off the page no engine is made: one made after the element left would never be disposed. */
  private connected = false;
  private engineBackend: BackendChoice | null = null;
  private abort: AbortController | null = null;
  private waiting: RunRequest | null = null;
  /** Counts requests: a run whose request is no longer the latest was superseded and stays silent. */
  private requests = 0;
  /** The drain loop is running: it takes every request made before it stops. */
  private draining = false;
  private runId = 0;
  private readonly waiters = new Set<{ resolve: (result: RunResult) => void; reject: (error: Error) => void }>();

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly settings: () => ControllerSettings,
    /** Tells the learner what went wrong with the GPU, on screen. */
    private readonly notify: (kind: 'gpu' | 'training', message: string) => void = () => undefined,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.connected = true;
  }

  hostDisconnected(): void {
    this.connected = false;
    this.stop();
    this.waiting = null;
    const engine = this.engine;
    this.engine = null;
    void engine?.then((e) => e.dispose(), () => undefined);
  }

  /**
   * Trains `config` as soon as the run in progress has stopped, or only its first `stopAfter`
   * epochs (TrainOptions.stopAfter); resolves with its result.
   */
  request(config: RunConfig, stopAfter?: number): Promise<RunResult> {
    this.requests++;
    this.waiting = stopAfter === undefined ? { config } : { config, stopAfter };
    this.abort?.abort();
    void this.drain();
    return new Promise((resolve, reject) => this.waiters.add({ resolve, reject }));
  }

  /** One epoch further than the run shows (its first k + 1 epochs), or the whole run at its last epoch. */
  step(config: RunConfig): Promise<RunResult> {
    const shown = this.running ? this.history.length : (this.result?.history.length ?? 0);
    const next = Math.min(config.epochs, shown + 1);
    return this.request(config, next >= config.epochs ? undefined : next);
  }

  /** The history as CSV: one row per epoch. */
  historyCsv(): string {
    const rows = this.history.map((h) => [h.epoch, h.trainLoss, h.validLoss, h.errorRate ?? '', h.lr, Math.round(h.elapsedMs)].join(','));
    return ['epoch,train_loss,valid_loss,error_rate,lr,elapsed_ms', ...rows].join('\n') + '\n';
  }

  stop(): void {
    this.waiting = null;
    this.abort?.abort();
  }

  async findLearningRate(config: RunConfig): Promise<LrFindResult> {
    this.lrFinding = true;
    this.host.requestUpdate();
    try {
      this.lrFound = await (await this.engineFor()).lrFind(config);
      this.lrFoundFor = config;
      return this.lrFound;
    } finally {
      this.lrFinding = false;
      this.host.requestUpdate();
    }
  }

  /**
   * lr_find's suggestion as one more what-if, for a run on the model and data it searched
   * (the epochs, max_lr, schedule and seeds may differ: lr_find reads none of them), so the
   * panel shows one recommendation. A search whose loss never fell suggests noise: not tested.
   */
  private lrFindWhatIf(config: RunConfig): { lrFindSuggestion?: number } {
    const found = this.lrFound;
    const searched = this.lrFoundFor;
    if (!found || found.flat || !searched) return {};
    const model = (c: RunConfig) => JSON.stringify({ ...c, epochs: 0, maxLr: 0, schedule: '', seeds: 0, data: c.data?.rows ?? null });
    return model(searched) === model(config) ? { lrFindSuggestion: Number(found.suggestion.toPrecision(2)) } : {};
  }

  /** line's loss surface over `grid` (see Engine.lossSurface). */
  async lossSurface(config: RunConfig, grid: SurfaceGrid): Promise<Float32Array> {
    return (await this.engineFor()).lossSurface(config, grid);
  }

  /** Validation rows by index with their actual labels (see Engine.validationRows): the photos behind the result views. */
  async validationRows(config: RunConfig, indices: number[]): Promise<ValidationRows> {
    return (await this.engineFor()).validationRows(config, indices);
  }

  /** What a trained model says of one input row (see Engine.predict). */
  async predict(model: TrainedModel, row: ArrayLike<number>): Promise<Prediction> {
    return (await this.engineFor()).predict(model, row);
  }

  async loadPreview(config: RunConfig): Promise<void> {
    try {
      this.preview = await (await this.engineFor()).preview(config);
    } catch {
      this.preview = null;
    }
    this.host.requestUpdate();
  }

  private async engineFor(): Promise<Engine> {
    if (!this.connected) throw new Error('The playground is not on the page: add it to the document to train.');
    const { backend } = this.settings();
    if (!this.engine || this.engineBackend !== backend) {
      void this.engine?.then((e) => e.dispose(), () => undefined);
      this.engineBackend = backend;
      const made = loadEngine()
        .then(({ createEngine }) => createEngine({ backend }))
        .then((engine) => {
          this.activeBackend = engine.backend;
          this.cpuReason = engine.backend === 'cpu' ? engine.fallbackReason : null;
          if (engine.fallbackReason) emit(this.host, 'playground-error', { code: 'webgpu-unavailable', message: engine.fallbackReason });
          this.host.requestUpdate();
          return engine;
        });
      // An engine that could not be made (engine.js unreachable, say) is tried again next run.
      made.catch(() => {
        if (this.engine === made) this.engine = null;
      });
      this.engine = made;
    }
    return this.engine;
  }

  /**
   * Runs what is waiting, one run after another. The flag drops in the same step as the last
   * look at `waiting`: a request made after that look starts a new loop. (A loop promise cleared
   * by a `.finally` left a gap of one microtask, in which a request found the old loop still
   * set and stayed waiting for ever.)
   */
  private async drain(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    try {
      while (this.waiting) {
        const request = this.waiting;
        this.waiting = null;
        await this.run(request, this.requests);
      }
    } finally {
      this.draining = false;
    }
  }

  /** A run starts (or starts over): nothing of the last one stays on screen. */
  private begin(config: RunConfig): void {
    this.runsBegun++;
    this.boundaryStale = this.boundary !== null;
    this.filters = null;
    this.history = [];
    this.result = null;
    this.diagnosis = null;
    this.whatIfs = [];
    this.testing = false;
    this.running = true;
    this.host.requestUpdate();
    emit(this.host, 'train-start', config);
  }

  private async run({ config, stopAfter }: RunRequest, request: number): Promise<void> {
    const id = ++this.runId;
    // A newer request arrived: this run was cancelled to make way, and reports nothing.
    const superseded = () => request !== this.requests;
    const abort = new AbortController();
    this.abort = abort;
    this.config = config;
    this.stepping = stopAfter !== undefined;
    this.begin(config);
    const { lang, whatIf } = this.settings();
    const current = () => id === this.runId && !abort.signal.aborted;
    try {
      const engine = await this.engineFor();
      const result = await engine.train(config, {
        signal: abort.signal,
        lang,
        whatIf,
        ...(stopAfter !== undefined ? { stopAfter } : {}),
        ...this.lrFindWhatIf(config),
        onFilters: (filters) => {
          if (!current()) return;
          this.filters = filters;
          this.host.requestUpdate();
        },
        onBoundary: (boundary) => {
          if (!current()) return;
          this.boundary = boundary;
          this.boundaryStale = false;
          this.host.requestUpdate();
        },
        onEpoch: (stats) => {
          if (!current()) return;
          this.history = [...this.history, stats];
          this.diagnosis = diagnose(this.history, { config, stopReason: 'running' }, lang);
          this.host.requestUpdate();
          emit(this.host, 'epoch-end', stats);
        },
        onTrainEnd: (ended) => {
          // A stopped run ends too (aborted, but not replaced): only a superseded one stays silent.
          if (id !== this.runId || superseded()) return;
          this.result = ended;
          this.history = ended.history;
          this.diagnosis = ended.diagnosis;
          // The main run is over; its what-ifs train in the background of the final picture.
          this.running = false;
          this.testing = whatIf && ended.stopReason !== 'stopped' && ended.history.length > 0;
          this.host.requestUpdate();
          emit(this.host, 'train-end', ended);
        },
        onWhatIf: (w) => {
          if (!current()) return;
          this.whatIfs = [...this.whatIfs, w];
          this.host.requestUpdate();
        },
        onDeviceReset: (message) => {
          if (!current()) return;
          this.notify('gpu', message);
          emit(this.host, 'playground-error', { code: 'device-lost', message });
          // The run starts over on a new device: what it drew so far is void.
          this.begin(config);
        },
      });
      if (id !== this.runId || superseded()) return;
      this.result = result;
      if (result.start && result.config.stage === 'frozen' && result.stopReason === 'done') this.frozenRun = result.config;
      this.history = result.history;
      this.diagnosis = result.diagnosis;
      if (result.diagnosis.final) emit(this.host, 'diagnosis', result.diagnosis);
      for (const waiter of this.waiters) waiter.resolve(result);
      this.waiters.clear();
    } catch (error) {
      if (id !== this.runId || superseded()) return;
      const message = error instanceof Error ? error.message : String(error);
      const lost = isDeviceLost(error);
      emit(this.host, 'playground-error', { code: lost ? 'device-lost' : 'training-failed', message });
      // On screen too: a learner does not read events.
      this.notify(lost ? 'gpu' : 'training', message);
      for (const waiter of this.waiters) waiter.reject(error instanceof Error ? error : new Error(message));
      this.waiters.clear();
    } finally {
      if (id === this.runId && !this.waiting) {
        this.running = false;
        this.testing = false;
        this.host.requestUpdate();
      }
    }
  }
}
