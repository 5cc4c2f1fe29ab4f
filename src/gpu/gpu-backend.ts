/**
 * The Backend on WebGPU. Operations are recorded as dispatches into one compute pass and
 * submitted only when something must leave the device (a read) or the host must write, so
 * a training epoch is one command buffer. Uniforms and bind groups are cached by content:
 * the dispatches of step t + 1 reuse those of step t, and nothing is created per step.
 * gpuBackend (engine/backends.ts) is the only place that builds one.
 *
 * @example
 * import { gpuBackend } from '../engine/backends';
 * // given: const a: Tensor, b: Tensor, m: number, n: number, k: number
 * const backend = await gpuBackend({}); // on the page's shared device
 * const c = backend.tensor(m * n, 'c');
 * backend.matmul(a, b, c, { m, n, k });
 * const values = await backend.read(c);
 */
import {
  ACTIVATIONS,
  BATCH_NORM_EPS,
  BATCH_NORM_MOMENTUM,
  MAX_BATCH_MODELS,
  assertAugmentSettings,
  assertBatchStatistics,
  copySpan,
  DeviceLostError,
  type Activation,
  assertSlice,
  type AdamSettings,
  type AugmentSettings,
  type BatchNormGradients,
  type BatchNormTensors,
  type Conv2dShape,
  type CopyRange,
  type Backend,
  type DType,
  type ImageShape,
  type LinearEpochShape,
  type LinearEpochTensors,
  type LossKind,
  type LossTensors,
  type MatmulShape,
  type PlanarPoints,
  type ModelBatch,
  type OptimizerBatch,
  type OptimizerTensors,
  type RandomPosition,
  type StridedView,
  type SurfaceGrid,
  type Tensor,
  type TensorRange,
} from '../backend';
import { BufferPool, createBuffer, createUniform, destroyBuffer, StagingPool, storageUsage } from './buffers';
import { ParamWriter } from './param-writer';
import { compileKernel, WORKGROUP_SIZE, type KernelName, type PipelineConstants } from './pipelines';

let nextBufferId = 1;
const bufferIds = new WeakMap<GPUBuffer, number>();

/** A stable id per GPUBuffer, so a pooled buffer keeps hitting its cached bind groups. */
function bufferId(buffer: GPUBuffer): number {
  let id = bufferIds.get(buffer);
  if (id === undefined) bufferIds.set(buffer, (id = nextBufferId++));
  return id;
}

class GpuTensor implements Tensor {
  constructor(
    readonly label: string,
    readonly dtype: DType,
    readonly buffer: GPUBuffer,
    /** In elements from the start of `buffer`. */
    readonly offset: number,
    readonly length: number,
    readonly owner: GpuBackend,
    /** The allocation this tensor lives in: its own id, or its parent's for a slice. */
    readonly rootId: number,
  ) {}

  /** Same buffer range, same key: slices made again each step still hit the bind-group cache. */
  get bindingKey(): string {
    return `${this.rootId}:${this.offset}:${this.length}`;
  }

  get binding(): GPUBufferBinding {
    return { buffer: this.buffer, offset: this.offset * 4, size: Math.max(1, this.length) * 4 };
  }
}

/** The 1-D grid that covers `count` threads: a second dimension past 65,535 workgroups. */
function grid(count: number): [number, number] {
  const groups = Math.max(1, Math.ceil(count / WORKGROUP_SIZE));
  const x = Math.min(groups, 65535);
  return [x, Math.ceil(groups / x)];
}

/**
 * When the barrier-free kernel wins (bench/NOTES.md). On SwiftShader it wins at every size
 * (GFLOP/s, tiled/direct): 64³ 0.084/0.214, 256³ 0.131/0.287, 1024³ 0.139/0.208, 64×128×64
 * 0.065/0.174. On a real GPU the tiled kernel's workgroup memory pays off on large products,
 * so there only thin outputs and small products go direct.
 */
function prefersDirectMatmul(m: number, n: number, k: number, cpuEmulated: boolean): boolean {
  return cpuEmulated || n <= 32 || m * n * k <= 4e6;
}

/** Adapters that run on the CPU (SwiftShader, llvmpipe, lavapipe, WARP), where barriers are dear. */
function isCpuEmulated(description: string): boolean {
  return /swiftshader|llvmpipe|lavapipe|warp/i.test(description);
}

/** conv.wgsl's parameters: the channels summed over, then the channels written. */
function convParams(s: Conv2dShape, summed: number, written: number): ParamWriter {
  return new ParamWriter().u32(s.batch).u32(summed).u32(written).u32(s.height).u32(s.width);
}

/** The 8 × 8 blocks that cover a rows × cols product (conv.wgsl). */
function convBlocks(rows: number, cols: number): number {
  return Math.ceil(rows / 8) * Math.ceil(cols / 8);
}

function poolParams(s: ImageShape): ParamWriter {
  return new ParamWriter().u32(s.batch * s.channels).u32(s.height).u32(s.width);
}

function normParams(s: ImageShape): ParamWriter {
  return new ParamWriter().u32(s.batch).u32(s.channels).u32(s.height * s.width).f32(BATCH_NORM_MOMENTUM).f32(BATCH_NORM_EPS);
}

/** The tiled matmul's block of C per workgroup: 16×16 threads of 4×4 outputs (shaders/matmul.wgsl). */
const TILED_MATMUL_TILE = 64;

/** How long a failed read waits for the device's loss to be reported before saying only that it failed. */
const LOSS_GRACE_MS = 200;

/** Cached caches drop everything past this many entries, so a long session cannot grow them without bound. */
const CACHE_LIMIT = 4096;

const LOSS_KERNELS: Record<LossKind, KernelName> = {
  mse: 'mse',
  'softmax-cross-entropy': 'softmaxCrossEntropy',
  'binary-cross-entropy': 'binaryCrossEntropy',
};

/** Which matmul kernel to run: chosen by size ('auto'), or forced, for checks and benchmarks. */
export type MatmulStrategy = 'auto' | 'tiled' | 'direct';

let liveBackends = 0;
let liveBindGroups = 0;

/** WebGPU backends made and not yet disposed: one per engine, so one per element on the GPU. */
export function liveBackendCount(): number {
  return liveBackends;
}

/** Bind groups the live backends hold in their caches: none once every backend is disposed. */
export function liveBindGroupCount(): number {
  return liveBindGroups;
}

export class GpuBackend implements Backend {
  readonly kind = 'webgpu' as const;
  matmulStrategy: MatmulStrategy = 'auto';
  private readonly cpuEmulated: boolean;
  /** SwiftShader's matmuls run at 1.4–2 GFLOP/s here; a real GPU, even a small integrated one, 20 or more. */
  readonly flopsPerSecond: number;
  private encoder: GPUCommandEncoder | null = null;
  private pass: GPUComputePassEncoder | null = null;
  private readonly uniforms = new Map<string, GPUBuffer>();
  private readonly bindGroups = new Map<string, GPUBindGroup>();
  private readonly tensors = new Set<GpuTensor>();
  private readonly staging: StagingPool;
  private readonly pool = new BufferPool();
  private readonly step: GpuTensor;
  private disposed = false;
  private readonly errors: string[] = [];
  /** Set once the device is lost: this backend is then unusable and a new one is needed. */
  private lostError: DeviceLostError | null = null;
  /** Resolves with the loss when the device is lost. */
  private readonly whenLost: Promise<DeviceLostError>;

  constructor(
    readonly device: GPUDevice,
    readonly description: string,
  ) {
    liveBackends++;
    this.staging = new StagingPool(device);
    this.cpuEmulated = isCpuEmulated(description);
    this.flopsPerSecond = this.cpuEmulated ? 1.5e9 : 2e10;
    // Also a uniform: the fused linear epochs read it through a uniform binding, as their eight
    // storage bindings (the default limit) are taken. Four words, a uniform's smallest vec4.
    const stepBuffer = createBuffer(device, 'step counter', 16, storageUsage() | GPUBufferUsage.UNIFORM);
    this.step = new GpuTensor('step counter', 'u32', stepBuffer, 0, 4, this, bufferId(stepBuffer));
    this.tensors.add(this.step);
    this.whenLost = device.lost.then((info) => (this.lostError = new DeviceLostError(info.reason || 'unknown', info.message)));
  }

  get lost(): DeviceLostError | null {
    return this.lostError;
  }

  tensor(length: number, label: string, dtype: DType = 'f32'): Tensor {
    this.assertUsable();
    const buffer = this.pool.take(length * 4) ?? this.allocate(length * 4, label);
    const tensor = new GpuTensor(label, dtype, buffer, 0, length, this, bufferId(buffer));
    this.tensors.add(tensor);
    return tensor;
  }

  slice(parent: Tensor, offset: number, length: number, label: string): Tensor {
    const p = this.own(parent);
    assertSlice(p, offset, length, label);
    return new GpuTensor(label, p.dtype, p.buffer, p.offset + offset, length, this, p.rootId);
  }

  write(tensor: Tensor, data: Float32Array | Uint32Array, offset = 0): void {
    const t = this.own(tensor);
    if (offset + data.length > t.length) throw new Error(`Writing ${data.length} values at ${offset} overruns "${t.label}" (${t.length}).`);
    // queue.writeBuffer runs before any command buffer submitted after it, so work already
    // recorded must be submitted first or it would see the new contents.
    this.flush();
    this.device.queue.writeBuffer(t.buffer, (t.offset + offset) * 4, data.buffer, data.byteOffset, data.byteLength);
  }

  copy(source: Tensor, target: Tensor, range?: CopyRange): void {
    const [s, t] = [this.own(source), this.own(target)];
    const { from, to, length } = copySpan(s, t, range);
    if (length === 0) return;
    // A copy sits between passes: end the current one; the next dispatch begins another.
    this.endPass();
    this.commandEncoder().copyBufferToBuffer(s.buffer, (s.offset + from) * 4, t.buffer, (t.offset + to) * 4, length * 4);
  }

  async read(tensor: Tensor): Promise<Float32Array> {
    return (await this.readRanges([{ tensor }]))[0]!;
  }

  async readWords(tensor: Tensor): Promise<Uint32Array> {
    return new Uint32Array((await this.readRanges([{ tensor }]))[0]!.buffer);
  }

  /**
   * Copies every range into one staging buffer behind the recorded work, submits once and
   * maps once. The staging buffers come from a pool, so several readbacks can be in flight
   * while the next epoch is already being recorded.
   */
  async readRanges(ranges: TensorRange[]): Promise<Float32Array[]> {
    this.assertUsable();
    const parts = ranges.map(({ tensor, offset = 0, length }) => {
      const t = this.own(tensor);
      const count = length ?? t.length - offset;
      if (offset < 0 || count < 0 || offset + count > t.length) throw new Error(`Reading ${count} values at ${offset} overruns "${t.label}" (${t.length}).`);
      return { t, offset, count };
    });
    const bytes = parts.reduce((sum, p) => sum + p.count * 4, 0);
    if (bytes === 0) return parts.map(() => new Float32Array(0));
    this.endPass();
    const encoder = this.commandEncoder();
    this.encoder = null;
    const staging = this.staging.acquire(bytes);
    let at = 0;
    for (const p of parts) {
      if (p.count > 0) encoder.copyBufferToBuffer(p.t.buffer, (p.t.offset + p.offset) * 4, staging, at, p.count * 4);
      at += p.count * 4;
    }
    this.submit(encoder);
    try {
      await staging.mapAsync(GPUMapMode.READ, 0, bytes);
    } catch (error) {
      // A map that fails because the device went may reject just before `whenLost` resolves: give it a moment, so the loss is what is said.
      await Promise.race([this.whenLost, new Promise((resolve) => setTimeout(resolve, LOSS_GRACE_MS))]);
      this.assertUsable();
      throw new Error(`Reading from the GPU failed: ${String(error)}`);
    }
    const copy = staging.getMappedRange(0, bytes).slice(0);
    staging.unmap();
    this.staging.release(staging);
    // Errors from the scopes above have settled by the time the map resolves.
    this.assertUsable();
    at = 0;
    return parts.map((p) => {
      const values = new Float32Array(copy, at, p.count);
      at += p.count * 4;
      return values;
    });
  }

  release(tensor: Tensor): void {
    const t = this.own(tensor);
    if (!this.tensors.delete(t)) return; // a slice, or already released
    this.pool.give(t.buffer);
  }

  fill(view: StridedView, value: number): void {
    const params = new ParamWriter().u32(view.offset).u32(view.stride).u32(view.count).f32(value);
    this.dispatch('fill', params, [view.tensor], grid(view.count));
  }

  uniform(view: StridedView, lo: number, hi: number, at: RandomPosition): void {
    this.dispatch('uniform', this.randomParams(view, at).f32(lo).f32(hi), [view.tensor], grid(view.count));
  }

  randomWords(view: StridedView, at: RandomPosition): void {
    this.dispatch('randomWords', this.randomParams(view, at).f32(0).f32(0), [view.tensor], grid(view.count));
  }

  matmul(a: Tensor, b: Tensor, out: Tensor, shape: MatmulShape): void {
    const { m, n, k } = shape;
    // Pipeline constants are numbers in the WebGPU API, booleans included.
    const flag = (on: boolean | undefined) => (on ? 1 : 0);
    const constants: PipelineConstants = {
      TRANS_A: flag(shape.transA),
      TRANS_B: flag(shape.transB),
      HAS_BIAS: flag(shape.bias !== undefined),
      ACTIVATION: ACTIVATIONS.indexOf(shape.activation ?? 'linear'),
      ACCUMULATE: flag(shape.accumulate),
    };
    const batch = shape.batch ?? { count: 1, a: 0, b: 0, out: 0 };
    const params = new ParamWriter().u32(m).u32(n).u32(k).u32(0).u32(batch.a).u32(batch.b).u32(batch.out).u32(batch.bias ?? 0);
    // Without a bias the slot still needs a buffer; `a` is read-only there too.
    const buffers = [a, b, shape.bias ?? a, out];
    const kernel = this.matmulKernel(shape);
    if (kernel === 'direct') this.dispatch('matmulDirect', params, buffers, [...grid(Math.ceil(m / 8) * Math.ceil(n / 8)), batch.count], constants);
    else this.dispatch('matmul', params, buffers, [Math.ceil(n / TILED_MATMUL_TILE), Math.ceil(m / TILED_MATMUL_TILE), batch.count], constants);
  }

  private matmulKernel({ m, n, k }: MatmulShape): Exclude<MatmulStrategy, 'auto'> {
    if (this.matmulStrategy !== 'auto') return this.matmulStrategy;
    return prefersDirectMatmul(m, n, k, this.cpuEmulated) ? 'direct' : 'tiled';
  }

  activate(input: Tensor, out: Tensor, count: number, activation: Activation): void {
    this.dispatch('activate', new ParamWriter().u32(count), [input, out], grid(count), { ACTIVATION: ACTIVATIONS.indexOf(activation) });
  }

  activationBackward(gradOut: Tensor, output: Tensor, gradIn: Tensor, count: number, activation: Activation): void {
    this.dispatch('activationBackward', new ParamWriter().u32(count), [gradOut, output, gradIn], grid(count), { ACTIVATION: ACTIVATIONS.indexOf(activation) });
  }

  sumRows(x: Tensor, rows: number, cols: number, out: Tensor, scale: number, batch: ModelBatch = { count: 1, out: 0 }): void {
    const params = new ParamWriter().u32(rows).u32(cols).f32(scale).u32(batch.out);
    this.dispatch('sumRows', params, [x, out], [...grid(cols), batch.count]);
  }

  sum(x: Tensor, count: number, out: Tensor, index: number, scale: number, atStep = false, batch: ModelBatch = { count: 1, out: 0 }): void {
    const params = new ParamWriter().u32(count).u32(index).u32(atStep ? 1 : 0).f32(scale).u32(batch.out).u32(0).u32(0).u32(0);
    this.dispatch('sum', params, [x, this.step, out], [batch.count, 1]);
  }

  gatherRows(source: Tensor, order: Tensor, out: Tensor, rows: number, cols: number, stepsPerEpoch: number): void {
    const kernel = this.own(source).dtype === 'u32' ? 'gatherRowsU32' : 'gatherRows';
    const params = new ParamWriter().u32(rows).u32(cols).u32(stepsPerEpoch).u32(0);
    this.dispatch(kernel, params, [source, order, this.step, out], grid(rows * cols));
  }

  loss(kind: LossKind, t: LossTensors, rows: number, classes: number, scale: number, rowsPerModel = rows): void {
    const params = new ParamWriter().u32(rows).u32(classes).f32(scale).u32(Math.max(1, rowsPerModel));
    this.dispatch(LOSS_KERNELS[kind], params, [t.logits, t.targets, t.grad, t.rowLoss, t.nonFinite], grid(rows));
  }

  countErrors(logits: Tensor, labels: Tensor, wrong: Tensor, rows: number, classes: number): void {
    const params = new ParamWriter().u32(rows).u32(classes).f32(1).u32(Math.max(1, rows));
    this.dispatch('countErrors', params, [logits, labels, wrong], grid(rows));
  }

  sgd(t: OptimizerTensors, count: number, weightDecay: number, batch?: OptimizerBatch): void {
    const params = this.optimizerParams(count, weightDecay, 0, 0, batch);
    this.dispatch('sgd', params, [t.schedule, this.step, t.grads, t.weights, t.moment1, t.nonFinite], grid(count));
  }

  adamw(t: OptimizerTensors, count: number, s: AdamSettings, batch?: OptimizerBatch): void {
    if (!t.moment2) throw new Error('AdamW needs a second-moment buffer.');
    const params = this.optimizerParams(count, s.weightDecay, s.beta2, s.eps, batch);
    const buffers = [t.schedule, this.step, t.grads, t.weights, t.moment1, t.moment2, t.nonFinite];
    this.dispatch('adamw', params, buffers, grid(count));
  }

  /** One model unless batched: then each model's schedule stride and length, every slot written. */
  private optimizerParams(count: number, weightDecay: number, beta2: number, eps: number, batch?: OptimizerBatch): ParamWriter {
    const { perModel, scheduleStride, steps } = batch ?? { perModel: count, scheduleStride: 0, steps: [0xffffffff] };
    if (steps.length > MAX_BATCH_MODELS) throw new Error(`An optimizer step takes 1 to ${MAX_BATCH_MODELS} models at once, not ${steps.length}.`);
    const params = new ParamWriter().u32(count).f32(weightDecay).f32(beta2).f32(eps).u32(Math.max(1, perModel)).u32(scheduleStride).u32(0).u32(0);
    for (let m = 0; m < MAX_BATCH_MODELS; m++) params.u32(steps[m] ?? 0);
    return params;
  }

  linearSgdEpochs(t: LinearEpochTensors, shape: LinearEpochShape): void {
    const { models } = t;
    if (models.length < 1 || models.length > MAX_BATCH_MODELS) throw new Error(`The fused linear epochs train 1 to ${MAX_BATCH_MODELS} models at once, not ${models.length}.`);
    const tables = models.flatMap((m) => [m.trainX, m.trainY, m.validX, m.validY]).map((tensor) => this.own(tensor));
    const first = tables[0]!;
    if (tables.some((table) => table.rootId !== first.rootId)) {
      throw new Error('The fused linear epochs bind their tables once: slices of one tensor (packTensors).');
    }
    const start = Math.min(...tables.map((table) => table.offset));
    const end = Math.max(...tables.map((table) => table.offset + table.length));
    const data = new GpuTensor('linear data', 'f32', first.buffer, start, end - start, this, first.rootId);
    const params = new ParamWriter().u32(shape.features).u32(shape.epochs).u32(shape.validSlots).u32(shape.validate ? 1 : 0);
    params.u32(shape.scheduleStride).u32(0).u32(0).u32(0);
    // Every slot is written, unused ones as zeros: the uniform must be as large as the struct.
    for (let m = 0; m < MAX_BATCH_MODELS; m++) {
      const model = models[m];
      const at = (tensor: Tensor) => this.own(tensor).offset - start;
      if (!model) params.u32(0).u32(0).u32(0).u32(0).u32(0).u32(0).u32(0).u32(0);
      else params.u32(at(model.trainX)).u32(at(model.trainY)).u32(model.rows).u32(model.steps).u32(at(model.validX)).u32(at(model.validY)).u32(model.validRows).u32(0);
    }
    const buffers = [data, t.schedule, t.weights, t.velocity, t.losses, t.trajectory, t.validLoss, t.nonFinite, this.step];
    this.dispatch('linearSgdEpochs', params, buffers, [models.length, 1]);
    this.dispatch('advanceSteps', new ParamWriter().u32(shape.epochs), [this.step], [1, 1]);
  }

  planarFeatures(points: PlanarPoints, out: Tensor, mask: number): void {
    const [rows, size, extent] = 'grid' in points ? [points.grid * points.grid, points.grid, points.extent] : [points.rows, 0, 0];
    // A grid reads no points, but the slot needs a buffer: the step counter's, never written here.
    const source = 'grid' in points ? this.step : points.tensor;
    this.dispatch('planarFeatures', new ParamWriter().u32(rows).u32(mask).u32(size).f32(extent), [source, out], grid(rows));
  }

  penalize(weights: Tensor, penalized: Tensor, grads: Tensor, count: number, kind: 'l1' | 'l2', rate: number): void {
    const params = new ParamWriter().u32(count).u32(kind === 'l1' ? 1 : 2).f32(rate).u32(0);
    this.dispatch('penalize', params, [weights, penalized, grads], grid(count));
  }

  lossSurface(x: Tensor, y: Tensor, rows: number, out: Tensor, g: SurfaceGrid): void {
    const params = new ParamWriter().u32(rows).u32(g.cols).u32(g.rows).u32(0).f32(g.aMin).f32(g.aMax).f32(g.bMin).f32(g.bMax);
    this.dispatch('lossSurface', params, [x, y, out], grid(g.cols * g.rows));
  }

  // conv.wgsl's kernels are implicit matrix products on 8 × 8 blocks: a thread a block in
  // conv2d, a workgroup a block in conv2d_weights_grad.
  conv2d(input: Tensor, weights: Tensor, out: Tensor, s: Conv2dShape, bias?: Tensor): void {
    const params = convParams(s, s.channelsIn, s.channelsOut);
    const constants = { KERNEL: s.kernel, HAS_BIAS: bias ? 1 : 0 };
    this.dispatch('conv2d', params, [input, weights, bias ?? weights, out], grid(convBlocks(s.channelsOut, s.batch * s.height * s.width)), constants);
  }

  conv2dBackwardInput(gradOut: Tensor, weights: Tensor, gradIn: Tensor, s: Conv2dShape): void {
    const params = convParams(s, s.channelsOut, s.channelsIn);
    const constants = { KERNEL: s.kernel, BACKWARD_INPUT: 1 };
    this.dispatch('conv2d', params, [gradOut, weights, weights, gradIn], grid(convBlocks(s.channelsIn, s.batch * s.height * s.width)), constants);
  }

  conv2dBackwardWeights(input: Tensor, gradOut: Tensor, gradWeights: Tensor, s: Conv2dShape, gradBias?: Tensor): void {
    const groups = convBlocks(s.channelsOut, s.channelsIn * s.kernel * s.kernel);
    // Without a bias the slot still needs a writable buffer: the step counter's, which no workgroup then writes.
    const buffers = [input, gradOut, gradWeights, gradBias ?? this.step];
    // grid() counts threads of WORKGROUP_SIZE; this kernel's workgroups are its own size, one a block.
    this.dispatch('conv2dWeightsGrad', convParams(s, s.channelsIn, s.channelsOut), buffers, grid(groups * WORKGROUP_SIZE), { KERNEL: s.kernel, HAS_BIAS: gradBias ? 1 : 0 });
  }

  maxPool2d(input: Tensor, out: Tensor, s: ImageShape): void {
    this.dispatch('maxPool', poolParams(s), [input, out], grid(s.batch * s.channels * (s.height >> 1) * (s.width >> 1)));
  }

  maxPool2dBackward(input: Tensor, gradOut: Tensor, gradIn: Tensor, s: ImageShape): void {
    this.dispatch('maxPoolBackward', poolParams(s), [input, gradOut, gradIn], grid(s.batch * s.channels * s.height * s.width));
  }

  globalAvgPool(input: Tensor, out: Tensor, s: ImageShape): void {
    this.dispatch('avgPool', poolParams(s), [input, out], grid(s.batch * s.channels));
  }

  globalAvgPoolBackward(gradOut: Tensor, gradIn: Tensor, s: ImageShape): void {
    this.dispatch('avgPoolBackward', poolParams(s), [gradOut, gradIn], grid(s.batch * s.channels * s.height * s.width));
  }

  batchNorm(t: BatchNormTensors, s: ImageShape, training: boolean): void {
    assertBatchStatistics(s, training);
    const buffers = [t.input, t.gamma, t.beta, t.output, t.saved, t.runningMean, t.runningVar];
    this.dispatch('batchNorm', normParams(s), buffers, [s.channels, 1], { TRAINING: training ? 1 : 0 });
  }

  batchNormBackward(t: BatchNormTensors, g: BatchNormGradients, s: ImageShape, training: boolean): void {
    const buffers = [t.input, t.gamma, g.gradOut, g.gradIn, t.saved, g.gradGamma, g.gradBeta];
    this.dispatch('batchNormBackward', normParams(s), buffers, [s.channels, 1], { TRAINING: training ? 1 : 0 });
  }

  setStep(step: number): void {
    this.write(this.step, new Uint32Array([step]));
  }

  advanceStep(): void {
    this.dispatch('advanceStep', null, [this.step], [1, 1]);
  }

  flush(): void {
    if (!this.encoder) return;
    this.endPass();
    this.submit(this.encoder);
    this.encoder = null;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    liveBackends--;
    if (this.lostError === null) this.flush();
    for (const tensor of this.tensors) destroyBuffer(tensor.buffer);
    for (const uniform of this.uniforms.values()) destroyBuffer(uniform);
    this.pool.destroy();
    this.tensors.clear();
    this.uniforms.clear();
    this.dropBindGroups();
    this.staging.destroy();
  }

  /** The encoder recorded work goes into, begun on first use after a submit. */
  private commandEncoder(): GPUCommandEncoder {
    return (this.encoder ??= this.device.createCommandEncoder({ label: 'training-playground commands' }));
  }

  private endPass(): void {
    this.pass?.end();
    this.pass = null;
  }

  private allocate(bytes: number, label: string): GPUBuffer {
    this.device.pushErrorScope('out-of-memory');
    const buffer = createBuffer(this.device, label, bytes, storageUsage());
    void this.device.popErrorScope().then((error) => {
      if (error) this.errors.push(`Out of GPU memory allocating "${label}" (${bytes} bytes): ${error.message}. Try a smaller model, batch or data set.`);
    });
    return buffer;
  }

  private randomParams(view: StridedView, at: RandomPosition): ParamWriter {
    return new ParamWriter()
      .u32(view.offset)
      .u32(view.stride)
      .u32(view.count)
      .u32(at.seed >>> 0)
      .u32(at.stream >>> 0)
      .u32(at.counter >>> 0);
  }

  private own(tensor: Tensor): GpuTensor {
    if (!(tensor instanceof GpuTensor) || tensor.owner !== this) {
      throw new Error(`Tensor "${tensor.label}" does not belong to this WebGPU backend.`);
    }
    return tensor;
  }

  private assertUsable(): void {
    if (this.lostError !== null) throw this.lostError;
    if (this.errors.length > 0) throw new Error(this.errors.splice(0).join('\n'));
  }

  private dispatch(
    name: KernelName,
    params: ParamWriter | null,
    buffers: Tensor[],
    [x, y, z = 1]: [number, number, number?],
    constants: PipelineConstants = {},
  ): void {
    this.assertUsable();
    const kernel = compileKernel(this.device, name, constants, (message) => this.errors.push(message));
    const uniform = params ? this.uniformFor(name, params) : null;
    const tensors = buffers.map((tensor) => this.own(tensor));
    if ((uniform ? 1 : 0) + tensors.length !== kernel.slots.length) {
      throw new Error(`The "${name}" kernel takes ${kernel.slots.length} bindings, got ${(uniform ? 1 : 0) + tensors.length}.`);
    }
    let key = uniform ? `${kernel.key}|${uniform.key}` : kernel.key;
    for (const t of tensors) key += `|${t.bindingKey}`;
    let bindGroup = this.bindGroups.get(key);
    if (!bindGroup) {
      // Descriptors only on a miss: a recorded step reuses every bind group of the last one.
      const resources: GPUBufferBinding[] = [...(uniform ? [{ buffer: uniform.buffer }] : []), ...tensors.map((t) => t.binding)];
      if (this.bindGroups.size >= CACHE_LIMIT) this.dropBindGroups();
      bindGroup = this.device.createBindGroup({
        label: `${name} bind group`,
        layout: kernel.layout,
        entries: kernel.slots.map((binding, i) => ({ binding, resource: resources[i]! })),
      });
      this.bindGroups.set(key, bindGroup);
      liveBindGroups++;
    }
    this.pass ??= this.commandEncoder().beginComputePass({ label: 'training-playground pass' });
    this.pass.setPipeline(kernel.pipeline);
    this.pass.setBindGroup(0, bindGroup);
    this.pass.dispatchWorkgroups(x, y, z);
  }

  private dropBindGroups(): void {
    liveBindGroups -= this.bindGroups.size;
    this.bindGroups.clear();
  }

  private uniformFor(name: KernelName, params: ParamWriter): { buffer: GPUBuffer; key: string } {
    const key = `${name}:${params.key()}`;
    let buffer = this.uniforms.get(key);
    if (!buffer) {
      if (this.uniforms.size >= CACHE_LIMIT) {
        // Bind groups hold the old uniforms: drop both, and destroy the buffers once the
        // work recorded with them has been submitted.
        this.flush();
        for (const old of this.uniforms.values()) destroyBuffer(old);
        this.uniforms.clear();
        this.dropBindGroups();
      }
      buffer = createUniform(this.device, `${name} params`, params.bytes());
      this.uniforms.set(key, buffer);
    }
    return { buffer, key };
  }

  private submit(encoder: GPUCommandEncoder): void {
    this.device.pushErrorScope('validation');
    this.device.queue.submit([encoder.finish()]);
    void this.device.popErrorScope().then((error) => {
      if (error) this.errors.push(`The GPU rejected recorded work: ${error.message}`);
    });
  }

  augmentImages(source: Tensor, order: Tensor, out: Tensor, s: ImageShape, stepsPerEpoch: number, settings: AugmentSettings, at: RandomPosition): void {
    assertAugmentSettings(settings);
    const params = new ParamWriter().u32(s.batch).u32(s.channels).u32(s.height).u32(s.width).u32(stepsPerEpoch);
    params.u32(at.seed).u32(at.stream).u32(at.counter).u32(settings.flip ? 1 : 0).u32(settings.maxShift);
    this.dispatch('augmentImages', params, [source, order, this.step, out], grid(s.batch * s.channels * s.height * s.width));
  }
}
