/**
 * The CPU engine, seen from the page: the Engine interface over a Web Worker (host.ts,
 * started by start.ts) that trains on the CPU backend. Calls go out as messages; epochs,
 * the train-end result and what-ifs come back as they happen and reach the callbacks. An
 * aborted signal is passed on and the worker stops at its next turn (10 ms of computing);
 * a worker still busy STOP_GRACE_MS later (one step of a huge model can take a second) is
 * replaced by a fresh one, the run ends as 'stopped' with the epochs it reported, and the
 * calls waiting behind it go to the new worker.
 *
 * @example
 * const engine = await createWorkerEngine(null);
 * await engine.train({ scenario: 'digits' }, { onEpoch: (s) => console.log(s.epoch, s.validLoss) });
 */
import type { BackendKind, SurfaceGrid } from '../../backend';
import { resolveConfig } from '../../train/config';
import { loadBuiltin, type BuiltinScenario } from '../../train/data/builtin-sets';
import { diagnose } from '../../train/diagnosis/diagnosis';
import { builtinSet } from '../../train/scenarios/table';
import type { Dataset, EpochStats, LrFindResult, Prediction, RunSettings, RunResult, ScenarioPreview, TrainedModel } from '../../train/types';
import type { Engine, TrainOptions, ValidationRows } from '../api';
import type { EngineMethod, FromWorker, ToWorker } from './messages';
import { startEngineWorker } from './start';

type Call = Extract<ToWorker, { kind: 'call' }>;

interface Pending {
  message: Call;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  options?: TrainOptions;
  /** A train call's epochs and main result so far: what a stop that cannot wait for the worker reports. */
  epochs: EpochStats[];
  ended: RunResult | null;
  aborted: boolean;
  /** The main run had ended when Stop came (its what-ifs were training): its result stands as it is. */
  endedBeforeStop: boolean;
}

let liveWorkers = 0;

/** CPU workers started and not yet terminated: one per CPU engine. */
export function liveWorkerCount(): number {
  return liveWorkers;
}

/** How long a worker may take to start before the page trains on its own thread instead. */
const START_TIMEOUT_MS = 10_000;
/** How long an aborted call may take to end before its worker is replaced. */
export const STOP_GRACE_MS = 50;

class WorkerEngine implements Engine {
  readonly backend: BackendKind = 'cpu';
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private disposed = false;
  /** The built-in data sets the current worker has: each crosses once per worker. */
  private readonly sent = new Set<BuiltinScenario>();
  private readonly datasets = new Map<BuiltinScenario, Dataset>();

  constructor(
    private worker: Worker,
    readonly adapter: string,
    readonly fallbackReason: string | null,
  ) {
    this.listen(worker);
  }

  train(config: RunSettings, options: TrainOptions = {}): Promise<RunResult> {
    const { lang, whatIf, stopAfter, lrFindSuggestion, filterPhoto } = options;
    const sent = {
      lang,
      whatIf,
      ...(stopAfter !== undefined ? { stopAfter } : {}),
      ...(lrFindSuggestion !== undefined ? { lrFindSuggestion } : {}),
      ...(options.onFilters ? { filters: true, ...(filterPhoto !== undefined ? { filterPhoto } : {}) } : {}),
    };
    return this.call('train', { config, options: sent }, options) as Promise<RunResult>;
  }

  lrFind(config: RunSettings, options: { signal?: AbortSignal } = {}): Promise<LrFindResult> {
    return this.call('lrFind', { config }, options) as Promise<LrFindResult>;
  }

  preview(config: RunSettings): Promise<ScenarioPreview> {
    return this.call('preview', { config }) as Promise<ScenarioPreview>;
  }

  validationRows(config: RunSettings, indices: number[]): Promise<ValidationRows> {
    return this.call('validationRows', { config, indices }) as Promise<ValidationRows>;
  }

  lossSurface(config: RunSettings, grid: SurfaceGrid): Promise<Float32Array> {
    return this.call('lossSurface', { config, grid }) as Promise<Float32Array>;
  }

  predict(model: TrainedModel, input: ArrayLike<number>): Promise<Prediction> {
    return this.call('predict', { config: model.config, model, input: Array.from(input) }) as Promise<Prediction>;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.worker.terminate();
    liveWorkers--;
    for (const { reject } of this.pending.values()) reject(new Error('This engine was disposed; create a new one.'));
    this.pending.clear();
  }

  private listen(worker: Worker): void {
    worker.onmessage = ({ data }: MessageEvent<FromWorker>) => this.receive(data);
    // A worker that dies (out of memory, say) fails what it was doing, with a reason.
    worker.onerror = (event) => {
      for (const { reject } of this.pending.values()) reject(new Error(`The CPU worker stopped: ${event.message || 'unknown error'}.`));
      this.pending.clear();
    };
  }

  private async call(method: EngineMethod, body: Pick<Call, 'config' | 'options' | 'grid' | 'indices' | 'model' | 'input'>, options?: TrainOptions): Promise<unknown> {
    if (this.disposed) throw new Error('This engine was disposed; create a new one.');
    // A prediction needs the model, not its data set.
    const set = method === 'predict' ? undefined : builtinSet(body.config.scenario);
    if (set && !this.datasets.has(set)) this.datasets.set(set, await loadBuiltin(set));
    const id = this.nextId++;
    const message: Call = { kind: 'call', id, method, ...body };
    const signal = options?.signal;
    return new Promise((resolve, reject) => {
      const pending: Pending = { message, resolve, reject, options, epochs: [], ended: null, aborted: false, endedBeforeStop: false };
      this.pending.set(id, pending);
      this.send(message);
      const abort = () => {
        pending.aborted = true;
        this.post({ kind: 'abort', id });
        setTimeout(() => this.pending.has(id) && this.replaceWorker(), STOP_GRACE_MS);
      };
      if (signal?.aborted) abort();
      else signal?.addEventListener('abort', abort, { once: true });
    });
  }

  /** Posts a call, with the built-in data set it needs when this worker has not had it. */
  private send(message: Call): void {
    const set = builtinSet(message.config.scenario);
    const needs = set !== null && !this.sent.has(set);
    if (needs) this.sent.add(set);
    this.post(needs ? { ...message, builtin: { scenario: set, dataset: this.datasets.get(set)! } } : message);
  }

  private post(message: ToWorker): void {
    if (!this.disposed) this.worker.postMessage(message);
  }

  /**
   * The worker is deep in a step that Stop cannot interrupt: a new one takes its place. Aborted
   * calls end here (a run as 'stopped', with what it reported); the others start again there.
   */
  private replaceWorker(): void {
    if (this.disposed) return;
    this.worker.terminate();
    this.worker = startEngineWorker();
    this.listen(this.worker);
    this.sent.clear();
    for (const [id, pending] of [...this.pending]) {
      if (!pending.aborted) {
        pending.epochs = [];
        this.send(pending.message);
        continue;
      }
      this.pending.delete(id);
      if (pending.message.method === 'train') pending.resolve(this.stoppedRun(pending));
      else pending.reject(new Error('Stopped.'));
    }
  }

  /** An aborted run's result as the page saw it: the epochs that arrived before Stop, ended 'stopped'. */
  private asStopped(result: RunResult, pending: Pending): RunResult {
    if (!pending.aborted || pending.endedBeforeStop) return result;
    const history = result.history.slice(0, pending.epochs.length);
    if (history.length === result.history.length && result.stopReason === 'stopped') return result;
    const diagnosis = diagnose(history, { config: result.config, stopReason: 'stopped' }, pending.message.options?.lang);
    return { ...result, history, stopReason: 'stopped', diagnosis, seedHistories: result.seedHistories.map((h) => h.slice(0, history.length)) };
  }

  /** What a stopped run reports: its main result if it had ended (its what-ifs were training), else the epochs so far. */
  private stoppedRun(pending: Pending): RunResult {
    if (pending.ended) return pending.ended;
    const { config } = resolveConfig(pending.message.config);
    const history = pending.epochs;
    const result: RunResult = {
      config,
      history,
      stopReason: 'stopped',
      diagnosis: diagnose(history, { config, stopReason: 'stopped' }, pending.message.options?.lang),
      backend: 'cpu',
      seedHistories: [history],
    };
    pending.options?.onTrainEnd?.(result);
    return result;
  }

  private receive(message: FromWorker): void {
    if (message.kind === 'ready') return;
    const pending = this.pending.get(message.id);
    if (!pending) return;
    const { options } = pending;
    switch (message.kind) {
      case 'epoch':
        // Computed before the worker saw the abort, but arriving after it: a stopped run ends where Stop found it, as on the GPU.
        if (pending.aborted) return;
        pending.epochs.push(message.stats);
        options?.onEpoch?.(message.stats);
        return;
      case 'train-end':
        pending.endedBeforeStop = !pending.aborted;
        pending.ended = this.asStopped(message.result, pending);
        options?.onTrainEnd?.(pending.ended);
        return;
      case 'what-if':
        options?.onWhatIf?.(message.whatIf);
        return;
      case 'boundary':
        if (!pending.aborted) options?.onBoundary?.(message.boundary);
        return;
      case 'filters':
        if (!pending.aborted) options?.onFilters?.(message.filters);
        return;
      case 'done':
        this.pending.delete(message.id);
        pending.resolve(pending.message.method === 'train' ? this.asStopped(message.value as RunResult, pending) : message.value);
        return;
      case 'failed':
        this.pending.delete(message.id);
        // The error's name crosses with it, so a DeviceLostError is still known as one (isDeviceLost).
        pending.reject(Object.assign(new Error(message.message), { name: message.name }));
    }
  }
}

/** A CPU engine in a new worker, once the worker says it is ready; rejects when it cannot start. */
export function createWorkerEngine(fallbackReason: string | null): Promise<Engine> {
  return new Promise((resolve, reject) => {
    const worker = startEngineWorker();
    const timer = setTimeout(() => {
      worker.terminate();
      reject(new Error(`The CPU worker did not start within ${START_TIMEOUT_MS / 1000} s.`));
    }, START_TIMEOUT_MS);
    worker.onerror = (event) => {
      clearTimeout(timer);
      worker.terminate();
      reject(new Error(`The CPU worker failed to start: ${event.message || 'unknown error'}`));
    };
    worker.onmessage = ({ data }: MessageEvent<FromWorker>) => {
      if (data.kind !== 'ready') return;
      clearTimeout(timer);
      liveWorkers++;
      resolve(new WorkerEngine(worker, `${data.adapter}, in a Web Worker`, fallbackReason));
    };
  });
}
