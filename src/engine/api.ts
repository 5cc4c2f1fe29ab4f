/**
 * What an engine is, to those who use one: the in-page engine (training-engine.ts) and the
 * one in a Web Worker (worker/client.ts) both are this.
 *
 * @example
 * const engine: Engine = await createEngine({ backend: 'cpu' });
 */
import type { BackendKind, SurfaceGrid } from '../backend';
import type { Boundary, EpochStats, Language, LrFindResult, Prediction, RunSettings, RunResult, ScenarioPreview, TrainedModel, WhatIf, FilterMaps } from '../train/types';

export type BackendChoice = 'auto' | 'webgpu' | 'cpu';

/** The most points a loss surface may have: 1024 × 1024. */
export const MAX_SURFACE_POINTS = 1 << 20;

export interface EngineOptions {
  backend?: BackendChoice;
  /** Use this device instead of the page's shared one. */
  device?: GPUDevice;
  /** Where navigator.gpu is missing (Node with the `webgpu` package), the GPU to use. */
  gpu?: GPU;
  /** false: a CPU engine trains on this thread even where a Web Worker could take it (default true). */
  worker?: boolean;
}

export interface TrainOptions {
  onEpoch?: (stats: EpochStats) => void;
  signal?: AbortSignal;
  /** The language of the diagnosis message. */
  lang?: Language;
  /**
   * Train the what-if runs after the main run and resolve with the diagnosis they support
   * (default true). Off, the diagnosis is the provisional one, read from the curves alone.
   */
  whatIf?: boolean;
  /** The main run (and its seeds) ended: its result, with the provisional diagnosis. */
  onTrainEnd?: (result: RunResult) => void;
  /** Each what-if run as it ends. */
  onWhatIf?: (whatIf: WhatIf) => void;
  /**
   * lr_find's suggested max_lr, when the learner ran it: tested as one more what-if, so that
   * the panel shows one recommendation (the best tested change), lr_find's or another.
   */
  lrFindSuggestion?: number;
  /**
   * Planar scenarios: the decision boundary (class-1 probability over [-6, 6]²) after each
   * readback, as the chart gets its epochs. The last one is also `RunResult.boundary`.
   */
  onBoundary?: (boundary: Boundary) => void;
  /**
   * Photos: the first conv layer's filters and validation photo `filterPhoto`'s (0 unless
   * given) activation maps after each conv block, after each readback, as ConvNetJS shows them;
   * the last are also `RunResult.filters`. Read with the epochs' own readback: no extra one.
   */
  onFilters?: (filters: FilterMaps) => void;
  filterPhoto?: number;
  /**
   * Trains only the run's first `stopAfter` epochs (its schedule still spans `epochs`), the
   * same numbers as the whole run's first epochs: stepping through a run, or (0) showing where
   * it starts. Short of `epochs`, the run ends 'stopped' and trains no what-ifs.
   */
  stopAfter?: number;
  /**
   * The GPU was reset under the run (a driver update, another page, a crash): the engine
   * trains again, once, from the start on a new device; epochs reported so far are void.
   */
  onDeviceReset?: (message: string) => void;
}


/** Validation rows picked by index: their features (a photo's pixels, a table's columns) and actual classes. */
export interface ValidationRows {
  features: number[][];
  labels: number[];
}

export interface Engine {
  readonly backend: BackendKind;
  /** Why the CPU is in use when WebGPU was wanted ('auto'), else null. */
  readonly fallbackReason: string | null;
  /** The adapter in words: "google: SwiftShader driver 5.0.0", "CPU (WebAssembly relaxed SIMD)", "CPU (TypeScript)". */
  readonly adapter: string;
  train(config: RunSettings, options?: TrainOptions): Promise<RunResult>;
  lrFind(config: RunSettings, options?: { signal?: AbortSignal }): Promise<LrFindResult>;
  /** What the scenario's view draws: line's training points, digits' validation images. */
  preview(config: RunSettings): Promise<ScenarioPreview>;
  /**
   * Validation rows by their index (`RunResult.topLosses[i].index`, a row of `predictions`):
   * their features and actual labels, in the order asked, so a view draws the photos behind the
   * top losses or a confusion cell. The labels are there because `RunResult` holds only the
   * predicted classes. An index outside the validation set is a RangeError.
   *
   * @example
   * // given: const engine: Engine
   * const result = await engine.train({ scenario: 'digits', epochs: 1 });
   * const { features, labels } = await engine.validationRows({ scenario: 'digits', epochs: 1 }, result.topLosses!.map((t) => t.index));
   */
  validationRows(config: RunSettings, indices: number[]): Promise<ValidationRows>;
  /**
   * line's loss surface: the training MSE at every (a, b) of the grid, row-major from the top
   * left (a grows rightwards, b upwards), computed in one dispatch.
   */
  lossSurface(config: RunSettings, grid: SurfaceGrid): Promise<Float32Array>;
  /**
   * What a trained classifier (`RunResult.model`, or one read back with `decodeModel`) says of
   * one input row, as the model reads it: a photo's pixels in [0, 1], channel-first; a table's
   * standardised columns (as `validationRows` gives them); a planar net's features. Evaluation
   * mode: batch norms use their running statistics. A regression model is an error.
   *
   * @example
   * // given: const engine: Engine
   * const result = await engine.train({ scenario: 'digits', epochs: 4 });
   * const { features } = await engine.validationRows(result.config, [0]);
   * const { className, probabilities } = await engine.predict(result.model!, features[0]!);
   */
  predict(model: TrainedModel, input: ArrayLike<number>): Promise<Prediction>;
  dispose(): void;
}

