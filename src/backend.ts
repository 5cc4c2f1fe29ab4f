/**
 * The operations training needs, implemented twice: in WGSL compute kernels (src/gpu) and in
 * TypeScript (src/cpu, the fallback and the test oracle). src/train speaks only to this.
 *
 * Operations are recorded, not awaited: the GPU backend encodes them into one command buffer
 * and submits when a result is read, so a whole epoch costs one submission and one readback.
 * Everything is row-major float32 unless a tensor is made with dtype 'u32'.
 *
 * @example
 * // given: const backend: Backend
 * const x = backend.tensor(200, 'x');                       // torch.ones(100, 2)
 * backend.fill({ tensor: x, offset: 0, stride: 1, count: 200 }, 1);
 * backend.uniform({ tensor: x, offset: 0, stride: 2, count: 100 }, -1, 1,
 *   { seed: 42, stream: 0, counter: 0 });                   // x[:,0].uniform_(-1., 1)
 * const values = await backend.read(x);
 */
export type BackendKind = 'webgpu' | 'cpu';
export type DType = 'f32' | 'u32';

/** A handle to device memory; only the backend that made it can use it. */
export interface Tensor {
  readonly length: number;
  readonly dtype: DType;
  readonly label: string;
}

/** Elements tensor[offset + i·stride] for i < count: a column of a matrix, say. */
export interface StridedView {
  tensor: Tensor;
  offset: number;
  stride: number;
  count: number;
}

/** Where a random stream starts: element `counter` of the stream keyed by (seed, stream). */
export interface RandomPosition {
  seed: number;
  stream: number;
  counter: number;
}

/**
 * A hidden layer's nonlinearity, applied in the matmul's epilogue; its backward reads the
 * layer's output y: relu′ = [y > 0], tanh′ = 1 − y², sigmoid′ = y(1 − y), linear′ = 1.
 */
export type Activation = 'linear' | 'relu' | 'tanh' | 'sigmoid';
export const ACTIVATIONS: readonly Activation[] = ['linear', 'relu', 'tanh', 'sigmoid'];

/** out (m×n) = act(op(a) · op(b) [+ out] [+ bias]); op(a) is m×k, op(b) is k×n. */
export interface MatmulShape {
  m: number;
  n: number;
  k: number;
  transA?: boolean;
  transB?: boolean;
  bias?: Tensor;
  /** Applied last; `linear` (none) when left out. */
  activation?: Activation;
  /** Add to what `out` holds instead of overwriting it. */
  accumulate?: boolean;
  /** K products at once, one per model: each operand's model z sits z × its stride further on (0: shared). */
  batch?: MatmulBatch;
}

/** Strides, in elements, between the models of a batched operation. */
export interface MatmulBatch {
  count: number;
  a: number;
  b: number;
  out: number;
  bias?: number;
}

/** K models' rows one after another in the input; each model's result `out` elements after the last. */
export interface ModelBatch {
  count: number;
  out: number;
}

/**
 * An optimizer over K models' parameters, `perModel` each: model m reads its (lr, momentum)
 * from pair m·scheduleStride + step, and stops updating once the step reaches steps[m].
 */
export interface OptimizerBatch {
  perModel: number;
  scheduleStride: number;
  steps: number[];
}

/** `length` elements of `tensor` from `offset` (the whole tensor when both are left out). */
export interface TensorRange {
  tensor: Tensor;
  offset?: number;
  length?: number;
}

/** Part of a copy: `length` elements from source[from] into target[to]. */
export interface CopyRange {
  from: number;
  to: number;
  length: number;
}

/** The span a copy covers, the whole tensors when no range is given; throws where it would run past either end. */
export function copySpan(source: Tensor, target: Tensor, range?: CopyRange): CopyRange {
  if (!range) {
    if (source.length !== target.length) throw new Error(`Copying "${source.label}" (${source.length}) into "${target.label}" (${target.length}): the lengths differ.`);
    return { from: 0, to: 0, length: source.length };
  }
  const { from, to, length } = range;
  if (from < 0 || to < 0 || length < 0 || from + length > source.length || to + length > target.length) {
    throw new Error(`Copying ${length} elements from "${source.label}"[${from}] (${source.length}) into "${target.label}"[${to}] (${target.length}) runs past the end.`);
  }
  return range;
}

export interface LossTensors {
  logits: Tensor;
  /** MSE: float targets. Cross-entropies: u32 labels. */
  targets: Tensor;
  /** Gradient of the loss wrt the logits, times `scale`. */
  grad: Tensor;
  /** Each row's loss, before scaling. */
  rowLoss: Tensor;
  /** u32[1], set to 1 when a loss or gradient is NaN or infinite. */
  nonFinite: Tensor;
}

/** Where planar points come from: `rows` rows of a tensor, or the cells of a size × size grid over [-extent, extent]², row-major from the top-left. */
export type PlanarPoints = { tensor: Tensor; rows: number } | { grid: number; extent: number };

export type LossKind = 'mse' | 'softmax-cross-entropy' | 'binary-cross-entropy';

/** Buffers an optimizer updates in place; `moment2` only for Adam. */
export interface OptimizerTensors {
  weights: Tensor;
  grads: Tensor;
  moment1: Tensor;
  moment2?: Tensor;
  /** (lr, momentum or β1) pairs, one per step: float32[2·steps]. */
  schedule: Tensor;
  nonFinite: Tensor;
}

/**
 * One model of a batch of fused linear epochs: where its tables are and how long it trains.
 * On WebGPU every model's tables must be slices of one tensor, bound once (see packTensors):
 * the kernel already needs eight storage buffers, the default limit.
 */
export interface LinearModelSlot {
  trainX: Tensor;
  trainY: Tensor;
  validX: Tensor;
  validY: Tensor;
  rows: number;
  validRows: number;
  /** Steps this model takes in all: from step `steps` on its run has ended and it stops updating. */
  steps: number;
}

/**
 * The lesson-2 model's fused epochs for K independent models at once (what-if runs, seeds):
 * y = x·w (no bias), MSE, SGD, the whole training set a step. Model m's state sits at m times
 * the stride given beside each tensor.
 */
export interface LinearEpochTensors {
  /** 1 to MAX_BATCH_MODELS models of one feature count. */
  models: LinearModelSlot[];
  /** (lr, momentum) pairs: model m's step t at pair m·scheduleStride + t. */
  schedule: Tensor;
  /** Model m's weights at m·features. */
  weights: Tensor;
  /** Model m's velocity at m·features. */
  velocity: Tensor;
  /** Model m's step t mean loss at m·scheduleStride + t. */
  losses: Tensor;
  /** Model m's step t validation loss at m·validSlots + t % validSlots. */
  validLoss: Tensor;
  /** Model m's weights after step t at (m·scheduleStride + t)·features: the path the lesson-2 picture replays. */
  trajectory: Tensor;
  /** u32 per model, set to 1 when that model's loss or weights became non-finite. */
  nonFinite: Tensor;
}

export interface LinearEpochShape {
  features: number;
  /** Epochs this dispatch runs (one step each), from the current step. */
  epochs: number;
  /** false: steps without validation (the LR finder's). */
  validate: boolean;
  validSlots: number;
  /** Steps each model's schedule and losses hold. */
  scheduleStride: number;
}

/**
 * An (a, b) grid: `cols` values of a from aMin (left) to aMax (right), `rows` values of b from
 * bMax (top) to bMin (bottom); an axis of one point sits at its first end (aMin, bMax).
 */
export interface SurfaceGrid {
  aMin: number;
  aMax: number;
  bMin: number;
  bMax: number;
  cols: number;
  rows: number;
}

/** The grid's a at column c and b at row r. */
export function gridPoint(grid: SurfaceGrid, c: number, r: number): [number, number] {
  const along = (i: number, count: number, from: number, to: number) => (count < 2 ? from : from + (to - from) * (i / (count - 1)));
  return [along(c, grid.cols, grid.aMin, grid.aMax), along(r, grid.rows, grid.bMax, grid.bMin)];
}

/** The most models one fused dispatch trains: `seeds` goes up to 16. */
export const MAX_BATCH_MODELS = 16;

/** The most features the fused linear epochs handle (line has 2). */
export const FUSED_LINEAR_FEATURES = 4;

export interface AdamSettings {
  beta2: number;
  eps: number;
  weightDecay: number;
}

/**
 * Tensors bound to a sub-range must start on this many elements, because WebGPU binds
 * storage buffers at multiples of minStorageBufferOffsetAlignment (256 bytes).
 */
export const SLICE_ALIGNMENT = 64;

/** Throws unless `offset` and `length` make a slice of `parent` that every backend can bind. */
export function assertSlice(parent: Tensor, offset: number, length: number, label: string): void {
  if (offset % SLICE_ALIGNMENT !== 0) throw new Error(`Slice "${label}" starts at ${offset}, not a multiple of ${SLICE_ALIGNMENT}.`);
  if (offset + length > parent.length) throw new Error(`Slice "${label}" runs past the end of "${parent.label}".`);
}

/** A batch of images, NCHW: image n's channel c is a height × width plane, row-major, at (n·channels + c)·height·width. */
export interface ImageShape {
  batch: number;
  channels: number;
  height: number;
  width: number;
}

/**
 * nn.Conv2d(channelsIn, channelsOut, kernel, padding=kernel // 2): stride 1, zeros around the
 * edge so the output keeps height × width; weights channelsOut × channelsIn × kernel × kernel,
 * one bias per output channel.
 *
 * @example
 * // given: const backend: Backend, photos: Tensor, weights: Tensor, bias: Tensor, features: Tensor
 * // given: const gradFeatures: Tensor, gradWeights: Tensor, gradBias: Tensor
 * // nn.Conv2d(1, 16, 3, padding=1) on 64 greyscale 28×28 photos
 * const shape: Conv2dShape = { batch: 64, channelsIn: 1, channelsOut: 16, height: 28, width: 28, kernel: 3 };
 * backend.conv2d(photos, weights, features, shape, bias);              // features: 64 × 16 × 28 × 28
 * backend.conv2dBackwardWeights(photos, gradFeatures, gradWeights, shape, gradBias);
 */
export interface Conv2dShape {
  batch: number;
  channelsIn: number;
  channelsOut: number;
  height: number;
  width: number;
  kernel: 1 | 3 | 5;
}

/** nn.BatchNorm2d's defaults: running = (1 − momentum)·running + momentum·batch statistic; x̂ = (x − mean) / √(var + ε). */
export const BATCH_NORM_MOMENTUM = 0.1;
export const BATCH_NORM_EPS = 1e-5;

/** Throws where training would take a channel's statistics from one value (its unbiased variance would divide by 0; PyTorch refuses it too). */
export function assertBatchStatistics(shape: ImageShape, training: boolean): void {
  const values = shape.batch * shape.height * shape.width;
  if (training && values < 2) throw new Error(`Batch norm takes its statistics from ${values} value a channel while training; it needs 2 or more: a larger batch, or evaluation mode.`);
}

/** A batch norm's buffers: `channels` values each, but the images and `saved`. */
export interface BatchNormTensors {
  input: Tensor;
  output: Tensor;
  gamma: Tensor;
  beta: Tensor;
  runningMean: Tensor;
  /** The running average of the unbiased variance (PyTorch's running_var). */
  runningVar: Tensor;
  /** 2·channels: each channel's mean, then its 1/√(var + ε), as the forward normalised with them; the backward reads them. */
  saved: Tensor;
}

/** ∂L/∂ of a batch norm's output (read) and of its input, gamma and beta (written, not accumulated). */
export interface BatchNormGradients {
  gradOut: Tensor;
  gradIn: Tensor;
  gradGamma: Tensor;
  gradBeta: Tensor;
}

/**
 * fastai's get_transforms for small photos, as far as 28×28 images take it: each training image
 * flipped left to right with probability ½ (do_flip) and shifted by whole pixels, zeros where
 * the shift uncovers the edge. The validation images are never augmented.
 */
export interface AugmentSettings {
  /** Flip each image left to right with probability ½. */
  flip: boolean;
  /** Shift each image along each axis by a whole number of pixels drawn uniformly from −maxShift…maxShift: 0 to MAX_AUGMENT_SHIFT. */
  maxShift: number;
}

/** The largest shift a draw can make: (2·maxShift + 1) times 24 random bits must fit 32 bits. */
export const MAX_AUGMENT_SHIFT = 127;

/**
 * Throws unless the shift is a whole number of pixels that both backends draw alike.
 *
 * @example
 * assertAugmentSettings({ flip: true, maxShift: 2 }); // fine; maxShift 1.5 or 200 throws
 */
export function assertAugmentSettings(settings: AugmentSettings): void {
  const { maxShift } = settings;
  if (!Number.isInteger(maxShift) || maxShift < 0 || maxShift > MAX_AUGMENT_SHIFT) {
    throw new Error(`An image shift of ${maxShift} pixels cannot be drawn: give a whole number from 0 to ${MAX_AUGMENT_SHIFT}.`);
  }
}

/**
 * The device under a backend was lost (a driver update or crash, another page, `destroy()`):
 * that backend can do nothing more, and a new one is needed. Its message is the one place a
 * lost device is put into words. Tell it by `name` (isDeviceLost), not by its message: the
 * name crosses a worker's messages, where the class does not.
 *
 * @example
 * // given: const backend: Backend, error: unknown
 * if (backend.lost) console.warn(backend.lost.reason, backend.lost.summary);
 * if (isDeviceLost(error)) console.warn('start again on a new device');
 */
export class DeviceLostError extends Error {
  override readonly name = 'DeviceLostError';
  /** What happened, without the advice: "The GPU device was lost (destroyed): Device was destroyed." */
  readonly summary: string;

  constructor(
    readonly reason: GPUDeviceLostReason | 'unknown',
    detail: string,
  ) {
    const summary = `The GPU device was lost (${reason}): ${detail || 'no detail'}`;
    super(`${summary}. Start a new run to use a new device.`);
    this.summary = summary;
  }
}

/** Whether an error is a lost device's: a DeviceLostError, or one carried across a worker with its name. */
export function isDeviceLost(error: unknown): boolean {
  return error instanceof Error && error.name === 'DeviceLostError';
}

export interface Backend {
  readonly kind: BackendKind;
  /** The adapter, for messages and benchmark tables: "SwiftShader Device (Subzero)". */
  readonly description: string;
  /** Set once the device is lost: from then on every operation throws it. Always null on the CPU. */
  readonly lost: DeviceLostError | null;
  /**
   * A planning figure, not a measurement: the floating-point rate training can count on here
   * (bench/NOTES.md: ~1.4 GFLOP/s for the CPU backend's and SwiftShader's matmuls).
   */
  readonly flopsPerSecond: number;

  tensor(length: number, label: string, dtype?: DType): Tensor;
  /** A view of `length` elements of `parent` from `offset` (a multiple of SLICE_ALIGNMENT). */
  slice(parent: Tensor, offset: number, length: number, label: string): Tensor;
  write(tensor: Tensor, data: Float32Array | Uint32Array, offset?: number): void;
  read(tensor: Tensor): Promise<Float32Array>;
  /** Several ranges in one readback (one submission, one map on the GPU). */
  readRanges(ranges: TensorRange[]): Promise<Float32Array[]>;
  readWords(tensor: Tensor): Promise<Uint32Array>;
  /**
   * target = source, recorded in order with the other operations (the lengths must match);
   * with `range`, `length` elements from source[from] to target[to].
   */
  copy(source: Tensor, target: Tensor, range?: CopyRange): void;
  release(tensor: Tensor): void;

  fill(view: StridedView, value: number): void;
  uniform(view: StridedView, lo: number, hi: number, at: RandomPosition): void;
  randomWords(view: StridedView, at: RandomPosition): void;

  matmul(a: Tensor, b: Tensor, out: Tensor, shape: MatmulShape): void;
  /** out[i] = act(input[i]): an activation that follows a layer other than a matrix product (a batch norm, a convolution). */
  activate(input: Tensor, out: Tensor, count: number, activation: Activation): void;
  /** gradIn[i] = gradOut[i] · act′, the slope read from the layer's output `output[i]`. */
  activationBackward(gradOut: Tensor, output: Tensor, gradIn: Tensor, count: number, activation: Activation): void;
  /** out[j] = scale · Σ_i x[i·cols + j]; batched, model m's rows follow model m − 1's. */
  sumRows(x: Tensor, rows: number, cols: number, out: Tensor, scale: number, batch?: ModelBatch): void;
  /** out[index (+ the current step, when atStep)] = scale · Σ_{i<count} x[i]; batched, model m sums x[m·count …] into index + m·batch.out. */
  sum(x: Tensor, count: number, out: Tensor, index: number, scale: number, atStep?: boolean, batch?: ModelBatch): void;
  /** Rows of the current step's mini-batch: out[r] = source[order[(step % stepsPerEpoch)·rows + r]]. */
  gatherRows(source: Tensor, order: Tensor, out: Tensor, rows: number, cols: number, stepsPerEpoch: number): void;

  /** `rows` rows in all; with `rowsPerModel`, row i raises nonFinite[i / rowsPerModel]. */
  loss(kind: LossKind, tensors: LossTensors, rows: number, classes: number, scale: number, rowsPerModel?: number): void;
  /** wrong[i] = 1 where row i's prediction misses its label (argmax, or logit > 0 for one class). */
  countErrors(logits: Tensor, labels: Tensor, wrong: Tensor, rows: number, classes: number): void;

  sgd(tensors: OptimizerTensors, count: number, weightDecay: number, batch?: OptimizerBatch): void;
  adamw(tensors: OptimizerTensors, count: number, settings: AdamSettings, batch?: OptimizerBatch): void;

  /**
   * out[r·cols + c] = mean over `rows` rows of (a·x[i,0] + b·x[i,1] − y[i])² at the grid's
   * point (c, r): the loss surface of the lesson-2 model, every point at once.
   */
  lossSurface(x: Tensor, y: Tensor, rows: number, out: Tensor, grid: SurfaceGrid): void;
  /**
   * out[r·F + f] = feature f of point r, the F features that bit i of `mask` picks in the order
   * x1 x2 x1² x2² x1·x2 sin x1 sin x2; the points are rows (x1, x2) of a tensor, or a grid's cells.
   */
  planarFeatures(points: PlanarPoints, out: Tensor, mask: number): void;
  /** grads[i] += rate · penalized[i] · (sign(w[i]) for l1, w[i] for l2), over `count` parameters. */
  penalize(weights: Tensor, penalized: Tensor, grads: Tensor, count: number, kind: 'l1' | 'l2', rate: number): void;

  /** out (batch × channelsOut × height × width) = F.conv2d(input, weights, bias, padding=kernel // 2). */
  conv2d(input: Tensor, weights: Tensor, out: Tensor, shape: Conv2dShape, bias?: Tensor): void;
  /** gradIn = ∂L/∂input from gradOut = ∂L/∂out: the transposed convolution. */
  conv2dBackwardInput(gradOut: Tensor, weights: Tensor, gradIn: Tensor, shape: Conv2dShape): void;
  /** gradWeights = ∂L/∂weights and, when given, gradBias = ∂L/∂bias (gradOut summed over images and pixels). */
  conv2dBackwardWeights(input: Tensor, gradOut: Tensor, gradWeights: Tensor, shape: Conv2dShape, gradBias?: Tensor): void;
  /** out = F.max_pool2d(input, 2): batch × channels × ⌊height / 2⌋ × ⌊width / 2⌋, an odd last row or column dropped. */
  maxPool2d(input: Tensor, out: Tensor, shape: ImageShape): void;
  /**
   * gradIn: each window's gradient at the window's maximum (the first in row-major order on a
   * tie, as PyTorch picks it), 0 everywhere else; the maxima are found again from `input`.
   */
  maxPool2dBackward(input: Tensor, gradOut: Tensor, gradIn: Tensor, shape: ImageShape): void;
  /** out[n·channels + c] = the mean of image n's channel c: F.adaptive_avg_pool2d(input, 1), flattened. */
  globalAvgPool(input: Tensor, out: Tensor, shape: ImageShape): void;
  /** gradIn[n, c, y, x] = gradOut[n·channels + c] / (height·width). */
  globalAvgPoolBackward(gradOut: Tensor, gradIn: Tensor, shape: ImageShape): void;
  /**
   * nn.BatchNorm2d's forward. Training: each channel normalised with its batch mean and biased
   * variance, and the running statistics moved towards the mean and the unbiased variance
   * (at least two values a channel). Evaluation: normalised with the running statistics.
   * Either way `saved` holds what was used.
   */
  batchNorm(t: BatchNormTensors, shape: ImageShape, training: boolean): void;
  /** The gradients of the batchNorm call that wrote `t.saved`, in the same mode; reads input, gamma and saved. */
  batchNormBackward(t: BatchNormTensors, g: BatchNormGradients, shape: ImageShape, training: boolean): void;

  /** `epochs` full-batch SGD steps of y = x·w with MSE for each of K models, each then validated, in one dispatch; step += epochs. */
  linearSgdEpochs(tensors: LinearEpochTensors, shape: LinearEpochShape): void;

  /** The training step the step-indexed operations read; advanceStep records step += 1. */
  setStep(step: number): void;
  advanceStep(): void;

  /** Sends recorded work to the device without waiting for it. */
  flush(): void;
  dispose(): void;

  /**
   * The current step's mini-batch of images, each flipped and shifted at random: output image i
   * is image order[(step % stepsPerEpoch)·batch + i] of `source` (the rows gatherRows picks),
   * flipped left to right when its draw says so, then shifted by (dx, dy), zeros filling in:
   * out[i, c, y, x] = source[row, c, y − dy, x′], x′ = width − 1 − (x − dx) if flipped, else x − dx.
   * Image i's draws are Philox block at.counter + step·batch + i (mod 2³²) of the stream
   * (at.seed, at.stream) (cpu/augment.ts, augmentDraw): the seed's on every backend, new each step.
   *
   * @example
   * // given: const backend: Backend, images: Tensor, order: Tensor, batch: Tensor, stepsPerEpoch: number
   * // 64 of the 28×28 greyscale training images, flipped and shifted by up to 2 pixels
   * backend.augmentImages(images, order, batch, { batch: 64, channels: 1, height: 28, width: 28 }, stepsPerEpoch,
   *   { flip: true, maxShift: 2 }, { seed: 0, stream: 10, counter: 0 });   // stream 10: STREAMS.augment
   */
  augmentImages(source: Tensor, order: Tensor, out: Tensor, shape: ImageShape, stepsPerEpoch: number, settings: AugmentSettings, at: RandomPosition): void;
}
