/**
 * The headless engine: the only thing the UI imports from train/. It picks a backend
 * (WebGPU when an adapter exists, else the CPU with the reason kept), loads and prepares each
 * scenario's data, runs one training at a time, and diagnoses every run.
 *
 * @example
 * const engine = await createEngine({ backend: 'auto' });
 * const result = await engine.train({ scenario: 'line', epochs: 100, maxLr: 0.1 }, {
 *   onEpoch: (stats) => console.log(stats.epoch, stats.trainLoss),
 *   signal: controller.signal,
 * });
 * console.log(result.params, result.diagnosis.message);
 * engine.dispose();
 */
import type { Backend, BackendKind } from '../backend';
import { CpuBackend } from '../cpu/cpu-backend';
import { acquireDevice } from '../gpu/device';
import { GpuBackend } from '../gpu/gpu-backend';
import { resolveConfig } from './config';
import { loadCancer, loadDigits } from './data/builtin';
import { prepareData, type PreparedData } from './data/prepare';
import { generateLineData, releaseData, uploadData, type DeviceData } from './device-data';
import { diagnose, needsLrEvidence } from './diagnosis';
import { findLearningRate } from './lr-find';
import { trainModel } from './trainer';
import { PREVIEW_ROWS, type EpochStats, type Language, type LrFindResult, type RunConfig, type RunResult, type ScenarioPreview } from './types';

export type BackendChoice = 'auto' | 'webgpu' | 'cpu';

export interface EngineOptions {
  backend?: BackendChoice;
  /** Use this device instead of the page's shared one. */
  device?: GPUDevice;
  /** Where navigator.gpu is missing (Node with the `webgpu` package), the GPU to use. */
  gpu?: GPU;
}

export interface TrainOptions {
  onEpoch?: (stats: EpochStats) => void;
  signal?: AbortSignal;
  /** The language of the diagnosis message. */
  lang?: Language;
  /**
   * Run the LR finder when the diagnosis needs its evidence (an under-fitting run). On by
   * default; benchmarks turn it off to time training alone.
   */
  lrEvidence?: boolean;
}

export interface Engine {
  readonly backend: BackendKind;
  /** Why the CPU is in use when WebGPU was wanted ('auto'), else null. */
  readonly fallbackReason: string | null;
  /** The adapter in words: "google: SwiftShader driver 5.0.0", "CPU (TypeScript)". */
  readonly adapter: string;
  train(config: Partial<RunConfig>, options?: TrainOptions): Promise<RunResult>;
  lrFind(config: Partial<RunConfig>, options?: { signal?: AbortSignal }): Promise<LrFindResult>;
  /** What the scenario's view draws: line's training points, digits' validation images. */
  preview(config: Partial<RunConfig>): Promise<ScenarioPreview>;
  dispose(): void;
}

async function gpuBackend(options: EngineOptions): Promise<GpuBackend> {
  if (options.device) return new GpuBackend(options.device, 'provided device');
  const { device, description } = await acquireDevice(options.gpu);
  return new GpuBackend(device, description);
}

/** The key of what the LR finder depends on: everything but max_lr, epochs and schedule. */
function evidenceKey(config: RunConfig): string {
  const { scenario, optimizer, batchSize, trainSize, hidden, imbalance, oversample, seed } = config;
  return JSON.stringify([scenario, optimizer, batchSize, trainSize, hidden, imbalance, oversample, seed, config.data?.rows]);
}

class TrainingEngine implements Engine {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly suggestions = new Map<string, number>();
  private disposed = false;

  constructor(
    private current: Backend,
    private readonly options: EngineOptions,
    readonly fallbackReason: string | null,
  ) {}

  get backend(): BackendKind {
    return this.current.kind;
  }

  get adapter(): string {
    return this.current.description;
  }

  train(partial: Partial<RunConfig>, options: TrainOptions = {}): Promise<RunResult> {
    const { config } = resolveConfig(partial);
    return this.exclusive(async (backend) => {
      const data = await this.loadData(backend, config);
      try {
        const outcome = await trainModel(backend, data, config, options);
        let lrSuggestion: number | undefined;
        if (options.lrEvidence !== false && needsLrEvidence(outcome.history, outcome.stopReason) && !options.signal?.aborted) {
          lrSuggestion = await this.suggestion(backend, data, config, options.signal);
        }
        const context = { config, stopReason: outcome.stopReason, lrSuggestion, smallTrainingSet: data.smallTrainingSet };
        const diagnosis = diagnose(outcome.history, context, options.lang);
        const { history, stopReason, params, predictions } = outcome;
        return { config, history, stopReason, diagnosis, backend: backend.kind, ...(params ? { params } : {}), ...(predictions ? { predictions } : {}) };
      } finally {
        releaseData(backend, data);
      }
    });
  }

  lrFind(partial: Partial<RunConfig>, options: { signal?: AbortSignal } = {}): Promise<LrFindResult> {
    const { config } = resolveConfig(partial);
    return this.exclusive(async (backend) => {
      const data = await this.loadData(backend, config);
      try {
        const found = await findLearningRate(backend, data, config, options.signal);
        // A search cut short has a truncated curve: its suggestion is no evidence to keep.
        if (!options.signal?.aborted) this.suggestions.set(evidenceKey(config), found.suggestion);
        return found;
      } finally {
        releaseData(backend, data);
      }
    });
  }

  preview(partial: Partial<RunConfig>): Promise<ScenarioPreview> {
    const { config } = resolveConfig(partial);
    if (config.scenario === 'line') {
      return this.exclusive(async (backend) => {
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
      if (config.scenario !== 'digits') return { kind: 'table', classNames: prepared.classNames ?? null, task: prepared.task };
      const rows = Math.min(PREVIEW_ROWS, prepared.valid.rows);
      const images = Array.from({ length: rows }, (_, r) => Array.from(prepared.valid.features.subarray(r * 64, (r + 1) * 64)));
      return { kind: 'digits', images, labels: Array.from(prepared.valid.labels.subarray(0, rows)) };
    });
  }

  dispose(): void {
    this.disposed = true;
    void this.queue.finally(() => this.current.dispose());
  }

  /** One run at a time: runs share the backend's step counter. A lost GPU is replaced first. */
  private exclusive<T>(work: (backend: Backend) => Promise<T>): Promise<T> {
    const run = this.queue.then(async () => {
      if (this.disposed) throw new Error('This engine was disposed; create a new one.');
      if (this.current instanceof GpuBackend && this.current.lostMessage !== null) {
        this.current.dispose();
        this.current = await gpuBackend({ ...this.options, device: undefined });
      }
      return work(this.current);
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** The LR finder's suggestion for this model and data, or undefined when the search was aborted. */
  private async suggestion(backend: Backend, data: DeviceData, config: RunConfig, signal?: AbortSignal): Promise<number | undefined> {
    const key = evidenceKey(config);
    const known = this.suggestions.get(key);
    if (known !== undefined) return known;
    const { suggestion } = await findLearningRate(backend, data, config, signal);
    if (signal?.aborted) return undefined;
    this.suggestions.set(key, suggestion);
    return suggestion;
  }

  private async loadData(backend: Backend, config: RunConfig): Promise<DeviceData> {
    if (config.scenario === 'line') return generateLineData(backend, config);
    return uploadData(backend, await this.hostData(config));
  }

  /** The table a non-line scenario trains on, split and prepared on the host. */
  private async hostData(config: RunConfig): Promise<PreparedData> {
    switch (config.scenario) {
      case 'digits':
        return prepareData(await loadDigits(), config, { standardize: false });
      case 'cancer':
        return prepareData(loadCancer(), config, { standardize: true });
      default:
        if (!config.data) throw new Error('The "custom" scenario needs a data set: give a CSV (src) or a Dataset (config.data).');
        return prepareData(config.data, config, { standardize: true });
    }
  }
}

export async function createEngine(options: EngineOptions = {}): Promise<Engine> {
  const choice = options.backend ?? 'auto';
  if (choice === 'cpu') return new TrainingEngine(new CpuBackend(), options, null);
  try {
    return new TrainingEngine(await gpuBackend(options), options, null);
  } catch (error) {
    if (choice === 'webgpu') throw error;
    return new TrainingEngine(new CpuBackend(), options, error instanceof Error ? error.message : String(error));
  }
}

// What the UI needs from train/, through this one door.
export { defaultConfig, LIMITS, resolveConfig, type ConfigWarning } from './config';
export { parseCsv, CsvError } from './data/csv';
export { diagnose } from './diagnosis';
export { formatLoss, formatLr } from './format';
export type * from './types';
