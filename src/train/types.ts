/**
 * The public types of the engine and the element, as ../shared/API.md gives them, plus the
 * few additions noted on each.
 */
import type { BackendKind } from '../backend';

export type Scenario = 'line' | 'digits' | 'cancer' | 'custom' | 'fashion' | 'photos' | PlanarScenario;
/** TensorFlow Playground's four two-class data sets, points in [-6, 6]² (data/planar.ts). */
export type PlanarScenario = 'circle' | 'xor' | 'gauss' | 'spiral';
/** The hidden layers' nonlinearity. */
export type ActivationName = 'relu' | 'tanh' | 'sigmoid' | 'linear';
/** A penalty on the weights (not the biases), added to the loss; its gradient goes into the optimizer's. */
export type RegularizationName = 'none' | 'l1' | 'l2';
export type { PlanarFeature } from '../planar-geometry';
import type { PlanarFeature } from '../planar-geometry';
export type OptimizerName = 'sgd' | 'adam';
/** The photo classifiers (model/cnn.ts): conv16–conv32–fc64 (`cnn-small`), or conv8–conv16 and a global pool (`cnn-tiny`). */
export type CnnName = 'cnn-tiny' | 'cnn-small';
export type ScheduleName = 'one-cycle' | 'constant';

import type { Layer } from './model/layers';
export type { ImageSize, Layer } from './model/layers';

/** A table of numeric rows, ready to train on. */
export interface Dataset {
  /** Row-major features, rows × features. */
  features: Float32Array;
  rows: number;
  featureCount: number;
  /** Class index per row (classification) or target value (regression). */
  labels: Float32Array;
  task: 'classification' | 'regression';
  /** Number of classes (classification); 1 for regression. */
  classCount: number;
  /** Optional names, for messages and views. */
  classNames?: string[];
}

/**
 * What a caller gives the engine: any RunConfig fields, max_lr also as fastai's slice
 * `[lo, hi]` (resolved into `bodyLr` = lo and `maxLr` = hi).
 */
export type RunSettings = Omit<Partial<RunConfig>, 'maxLr'> & { maxLr?: number | readonly [lo: number, hi: number] };

export interface RunConfig {
  scenario: Scenario;
  epochs: number;
  maxLr: number;
  optimizer: OptimizerName;
  schedule: ScheduleName;
  batchSize: number;
  trainSize: number;
  hidden: number[];
  imbalance: number;
  oversample: boolean;
  seed: number;
  /** Seeds trained at once (seed, seed + 1, …), for the band of their valid losses: 1–16. */
  seeds: number;
  /** Planar scenarios: the percentage of noise in the points, 0–50. */
  noise: number;
  /** Every scenario with hidden layers. */
  activation: ActivationName;
  regularization: RegularizationName;
  /** The penalty's weight λ, 0–10: λ·Σ|w| (l1) or λ/2·Σw² (l2). */
  regRate: number;
  /** Planar scenarios: the inputs, in this canonical order (PLANAR_FEATURES). */
  features: PlanarFeature[];
  /** Addition, photos: the network (fashion). */
  model: CnnName;
  /** Addition, photos: each training photo flipped and shifted at random, as fastai's get_transforms (`on`), or as it is. */
  augment: 'on' | 'off';
  /**
   * Addition, photos: start the body from the weights pretrained for these photos (fastai's
   * `cnn_learner(…, pretrained=True)`: model/backbones.ts), or from the seed's (`off`). The head
   * always starts from the seed.
   */
  pretrained: 'on' | 'off';
  /**
   * Addition, photos: fastai's learner stage. `frozen` (learn.freeze()): only the head and the
   * body's batch norms train; `unfrozen` (learn.unfreeze()): every layer trains, one max-lr
   * number from a pretrained body read as fastai's slice(hi) (the body at a tenth).
   * Layer groups and the spread: src/train/model/layer-groups.ts.
   */
  stage: 'frozen' | 'unfrozen';
  /**
   * Photos: max-lr given as a slice "lo,hi" (fastai's `slice(lo, hi)`): lo, the first layer
   * group's rate, spread geometrically up to maxLr, which is hi, the head's. Unset: one rate.
   */
  bodyLr?: number;
  /** Required for 'custom' (a table) and 'photos' (an image set: data/photos.ts). */
  data?: Dataset;
}

/**
 * Addition: a trained model, all that predicting with it or saving it takes (RunResult.model;
 * model/model-file.ts writes it as a `.safetensors` file and reads it back).
 */
export interface TrainedModel {
  /** The layer list, as data (model/layers.ts). */
  layers: Layer[];
  /** Every parameter, layer by layer as Sequential.readState gives them, a batch norm's running statistics included. */
  weights: Float32Array;
  /** The class each output stands for, in order (two for one sigmoid output); empty for a regression. */
  classNames: string[];
  /** The settings that trained it, without a CSV's rows. */
  config: Omit<RunConfig, 'data'>;
}

/** Addition: what a classifier says of one input (Engine.predict). */
export interface Prediction {
  classIndex: number;
  className: string;
  /** Each class's probability: softmax of the logits, or for one sigmoid output [1 − p, p]. */
  probabilities: number[];
}

export interface EpochStats {
  /** 1-based. */
  epoch: number;
  /** Mean of the epoch's mini-batch losses. */
  trainLoss: number;
  /** Over the whole validation set. */
  validLoss: number;
  /** Classification only, on the validation set. */
  errorRate: number | null;
  /** Learning rate at the end of the epoch. */
  lr: number;
  elapsedMs: number;
  /** Addition: the validation error rate of each class (classification only), for imbalance. */
  classErrorRates?: number[];
  /** Addition: every mini-batch loss of the epoch, for the chart's faint per-step line. */
  stepLosses?: number[];
  /** Addition, line only: [a, b] at this epoch, on the last epoch of each readback. */
  params?: number[];
}

/** Addition: what a scenario's view draws before and while it trains. */
export type ScenarioPreview =
  | { kind: 'line'; x: number[]; y: number[] }
  /** Validation photos (digits: 8 × 8; fashion: 28 × 28, square, one channel), with their classes' names where the data has them. */
  | { kind: 'digits'; images: number[][]; labels: number[]; classNames?: string[] }
  /** Planar: the points (x1, x2 pairs, flat) and their classes, training and validation. */
  | { kind: 'planar'; train: PlanarPoints; valid: PlanarPoints }
  | { kind: 'table'; classNames: string[] | null; task: Dataset['task'] };

export interface PlanarPoints {
  /** x1, x2 of each point, one after another. */
  xy: number[];
  labels: number[];
}

/** How many validation rows the digits view shows. */
export const PREVIEW_ROWS = 40;

export type DiagnosisCode = 'ok' | 'lr-too-high' | 'lr-too-low' | 'too-few-epochs' | 'too-many-epochs' | 'more-data';

export interface Diagnosis {
  code: DiagnosisCode;
  message: string;
  /** 1-based epoch of the lowest validation loss (0 when no epoch finished). */
  bestEpoch: number;
  /** The what-if runs the final diagnosis rests on (empty while training). */
  evidence: WhatIf[];
  /** false for the live, provisional message; true once the what-if runs have spoken. */
  final: boolean;
  /**
   * Addition: the index in `evidence` of the what-if the message cites (its one recommendation
   * when the code is not 'ok', "the best" or "the closest" when it is): the chart draws it bold
   * as "evidence", and the panel's one "Try it" applies its change. Absent when none is cited.
   */
  cited?: number;
  /**
   * Addition: the run did not learn, and no change tried made it: the code stays 'ok' (no
   * other fits, and nothing tested helps), but the message says so and the panel is not green.
   */
  stuck?: true;
}

/** A run with one change a diagnosis stands for, trained to test that advice. */
export interface WhatIf {
  /** The advice this run tests. */
  code: DiagnosisCode;
  /** e.g. { maxLr: 0.01 } or { epochs: 300 }. */
  change: Partial<RunConfig>;
  /** Infinity when it diverged. */
  finalValidLoss: number;
  /** The main run's final valid loss ÷ this one's: above 1 means the change helped. */
  gain: number;
  history: EpochStats[];
  /**
   * Addition: 'lr-find' when the change is lr_find's suggested max_lr (TrainOptions.lrFindSuggestion);
   * 'from-scratch' for a pretrained photo run's comparison from scratch (pretrained off, unfrozen):
   * what transfer learning buys, never advice (its code is 'ok').
   */
  source?: WhatIfSource;
}

export type WhatIfSource = 'lr-find' | 'from-scratch';

export type StopReason = 'done' | 'diverged' | 'stopped';

export interface RunResult {
  config: RunConfig;
  history: EpochStats[];
  stopReason: StopReason;
  diagnosis: Diagnosis;
  backend: BackendKind;
  /** [a, b] for 'line'. */
  params?: number[];
  /** Addition: the trained model (Engine.predict, the element's exportModel); absent after Stop or divergence. */
  model?: TrainedModel;
  /** Addition, classification: the class the last validation pass gave each validation row (the preview shows the first PREVIEW_ROWS). */
  predictions?: number[];
  /** Every seed's history, the main run's first (config.seeds of them). */
  seedHistories: EpochStats[][];
  /** Planar scenarios: the model's class-1 probability over [-6, 6]² after its last epoch. */
  boundary?: Boundary;
  /**
   * Addition: the loss on the whole training set with the final weights, as fastai's
   * `validate` on the training set gives it (one forward pass, no weight penalty, no update
   * between rows), where the last epoch's `trainLoss` is the mean of its mini-batch losses
   * taken while the weights still moved. Present when the run ended 'done'.
   */
  finalTrainEvalLoss?: number;
  /**
   * Addition, classification: the same loss with each class weighted by its share of the
   * validation set, which is never resampled: what imbalance or oversampling does to the
   * training mix no longer counts in it.
   */
  finalTrainEvalLossValidMix?: number;
  /**
   * Classification: fastai's `plot_confusion_matrix` counts from the last validation pass, rows
   * the actual class, columns the predicted one.
   */
  confusion?: number[][];
  /** Classification: fastai's `plot_top_losses`, the validation rows with the largest loss, largest first (TOP_LOSSES of them). */
  topLosses?: TopLoss[];
  /**
   * Addition, photos: where the network started. `pretrained`: the shipped body, a fresh head;
   * `scratch`: every layer from the seed; `frozen-stage`: an unfrozen run that went on from the
   * weights the learner's frozen run just left (learn.unfreeze() after learn.fit_one_cycle).
   */
  start?: NetworkStart;
  /** Photos, asked for (TrainOptions.onFilters): the filters and maps of the last readback. */
  filters?: FilterMaps;
}

/**
 * A CNN seen from inside, as ConvNetJS shows it (TrainOptions.onFilters, RunResult.filters):
 * its first layer's filters (each `size` × `size`, the first input channel's taps, row by
 * row) and validation photo `photo`'s activation maps after each conv block's ReLU (channel
 * by channel, each `height` × `width`).
 */
export interface FilterMaps {
  photo: number;
  filters: { count: number; size: number; values: number[] };
  blocks: { channels: number; height: number; width: number; values: number[] }[];
}

/** Where a photo model's run started (RunResult.start). */
export type NetworkStart = 'pretrained' | 'scratch' | 'frozen-stage';

/** One validation row among the top losses: its index in the validation set, its classes, its loss and the probability given to its actual class. */
export interface TopLoss {
  index: number;
  actual: number;
  predicted: number;
  loss: number;
  probability: number;
}

/** How many of the largest validation losses a run reports: fastai's `plot_top_losses(9)` and seven more to page through. */
export const TOP_LOSSES = 16;

/**
 * A planar model's class-1 probability on a size × size grid over [-6, 6]², row-major from the
 * top-left (x1 = −6, x2 = 6), each point at its cell's centre.
 */
export interface Boundary {
  size: number;
  probabilities: Float32Array;
  /**
   * Each hidden layer's units over the same grid (size² × units, row-major), for networks
   * small enough to draw unit by unit (planar-geometry.ts, NEURON_LIMITS); the network diagram's pictures.
   */
  hidden?: Float32Array[];
  /** Each layer's weights (inputs × outputs, row-major): the network diagram's edges. */
  weights?: Float32Array[];
}

export interface LrFindResult {
  lrs: number[];
  losses: number[];
  suggestion: number;
  /**
   * Addition: the smoothed loss never fell 10 % below where the search began (past its first
   * 10 batches), at any rate: the model needs more steps than lr_find takes (the spiral), and
   * the suggestion is fastai's rule applied to noise.
   */
  flat?: boolean;
}

export type Language = 'en' | 'pt-BR';
