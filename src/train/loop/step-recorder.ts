/**
 * Records training steps and validation passes onto a Backend, with nothing to do on the host
 * between steps: the mini-batch rows come from an order buffer indexed by the step counter,
 * the learning rate from the schedule buffer, and each step's loss lands in its own slot of
 * `losses`. A whole epoch is recorded at once and read back once.
 *
 * With a model holding K models (what-if runs on one data set), every step trains all K:
 * step s gathers K·batchRows rows (model m's are the order's m-th block of the step), each
 * model follows its own schedule until its own last step, and its losses, validation losses,
 * errors and flag land in its own slots.
 *
 * @example
 * import type { DeviceData } from '../data/device-data';
 * import type { BackwardBuffers, Sequential } from '../model/sequential';
 * // given: const backend: Backend, data: DeviceData, model: Sequential, settings: StepSettings, stepsPerEpoch: number
 * const steps = new StepRecorder(backend, data, model, settings);
 * steps.recordEpochs(2, stepsPerEpoch); // then read losses and validLoss[0..2)
 */
import { FUSED_LINEAR_FEATURES, type AdamSettings, type AugmentSettings, type Backend, type OptimizerBatch, type Tensor } from '../../backend';
import { STREAMS } from '../streams';
import { yieldToPage } from '../../cpu/yield-to-page';
import type { DeviceData } from '../data/device-data';
import type { Layer } from '../model/layers';
import type { BackwardBuffers, Sequential } from '../model/sequential';
import { OwnedTensors } from '../model/owned-tensors';
import type { OptimizerName } from '../types';

/** fastai v1's AdamW: β2 0.99, ε 1e-8, decoupled weight decay 0.01. */
export const ADAM: AdamSettings = { beta2: 0.99, eps: 1e-8, weightDecay: 0.01 };
/** SGD stays the notebook's plain update: no weight decay. */
export const SGD_WEIGHT_DECAY = 0;

export interface StepSettings {
  optimizer: OptimizerName;
  /** (lr, momentum) pairs, one per step; with K models, model m's from pair m·scheduleStride. */
  schedule: Float32Array;
  /** Steps each model's schedule and losses hold (the longest run's); one model: the schedule's length. */
  scheduleStride?: number;
  /** Each model's steps in all, after which it stops updating; one model: the schedule's length. */
  modelSteps?: number[];
  batchRows: number;
  /** Steps covered by one order buffer (its length is this × batchRows); 0 = use the training set as it is. */
  stepsPerOrder: number;
  /** Validation slots: passes recorded before one readback. */
  validationSlots: number;
  /** Keep every epoch's weights (line's (a, b)) in `trajectory`. */
  recordParameters?: boolean;
  /** A weight penalty's gradient, added before each optimizer step. */
  penalty?: { kind: 'l1' | 'l2'; rate: number } | null;
  /**
   * Photos: each training batch flipped and shifted as fastai's get_transforms does it for
   * small photos (FASHION_AUGMENT), drawn from this seed; validation never.
   */
  augment?: { seed: number; settings: AugmentSettings } | null;
  /**
   * Layer groups (model/layer-groups.ts): each layer's learning-rate scale against `schedule`,
   * by its index in the model's layers; 0 freezes a layer's parameters (no update at all, so
   * they stay bit for bit). One model at a time (image models train one by one).
   */
  layerLrScales?: readonly number[] | null;
}

/** One optimizer call of a layer-group run: a stretch of parameters with the same scale, and its scaled schedule. */
interface GroupUpdate {
  weights: Tensor;
  grads: Tensor;
  moment1: Tensor;
  moment2: Tensor;
  schedule: Tensor;
  length: number;
}

/** fastai's get_transforms for small photos: a random horizontal flip and a shift of up to 2 pixels. */
export const FASHION_AUGMENT: AugmentSettings = { flip: true, maxShift: 2 };

/**
 * Whether training runs on the fused linear epochs (one dispatch a chunk): the lesson-2 shape
 * of model (one layer, no bias, one output), MSE, plain SGD, every step the whole training set.
 */
export function fusesLinearEpochs(layers: readonly Layer[], data: DeviceData, optimizer: OptimizerName, batchRows: number): boolean {
  const [only] = layers;
  return (
    layers.length === 1 && only!.kind === 'linear' && !only!.bias && only!.outputs === 1 && data.loss === 'mse' && optimizer === 'sgd' &&
    batchRows === data.trainRows && data.featureCount <= FUSED_LINEAR_FEATURES && data.packed
  );
}

export class StepRecorder {
  /** Model m's step t loss at m·scheduleStride + t. */
  readonly losses: Tensor;
  /** u32 per model. */
  readonly nonFinite: Tensor;
  /** Model m's validation loss of slot e at m·validationSlots + e. */
  readonly validLoss: Tensor;
  /** 1 per misclassified validation row, one aligned block per validation slot: model m's rows from m·validRows. */
  readonly wrong: Tensor | null;
  readonly wrongStride: number;
  readonly scheduleStride: number;
  /**
   * With recordParameters, the weights after each epoch, trajectoryStride() apart: fused (one
   * step an epoch, K = 1), step t's; otherwise validation slot e's, model m's parameterCount
   * further on.
   */
  readonly trajectory: Tensor | null;
  private readonly validTargets: Tensor;
  /** Without a gather (every step the whole set, in order): the training targets, once per model. */
  private readonly trainTargets: Tensor;
  /** Each model has its own copy of the tables (stacked), rather than all sharing one. */
  private readonly ownData: boolean;
  private readonly optimizerBatches = new Map<number, OptimizerBatch>();
  /** With layerLrScales: the optimizer's calls, one per stretch of parameters that trains (frozen ones have none). */
  private readonly groupUpdates: GroupUpdate[] | null;
  private readonly owned: OwnedTensors;
  private readonly order: Tensor | null;
  private readonly batch: { x: Tensor; y: Tensor } | null;
  private readonly schedule: Tensor;
  private readonly activations: Tensor[];
  private readonly validActivations: Tensor[];
  private readonly gradLogits: Tensor;
  private readonly rowLoss: Tensor;
  private readonly validGrad: Tensor;
  private readonly validRowLoss: Tensor;
  private readonly backwardBuffers: BackwardBuffers;
  private readonly wrongSlots: Tensor[];
  /** The lesson-2 model trained full-batch with SGD: one fused dispatch for any number of epochs. */
  private readonly fused: boolean;

  constructor(
    private readonly backend: Backend,
    private readonly data: DeviceData,
    private readonly model: Sequential,
    private readonly settings: StepSettings,
  ) {
    this.owned = new OwnedTensors(backend);
    const b = settings.batchRows;
    const K = model.models;
    this.fused = K === 1 && fusesLinearEpochs(model.layers, data, settings.optimizer, b);
    const steps = settings.schedule.length / 2;
    this.scheduleStride = settings.scheduleStride ?? steps;
    const make = (length: number, label: string, dtype: 'f32' | 'u32' = 'f32') => this.own(backend.tensor(length, label, dtype));
    this.losses = make(steps, 'step losses');
    this.nonFinite = make(K, 'non-finite flags', 'u32');
    backend.write(this.nonFinite, new Uint32Array(K));
    this.schedule = make(steps * 2, 'schedule');
    backend.write(this.schedule, settings.schedule);
    if (settings.stepsPerOrder > 0) {
      this.order = make(settings.stepsPerOrder * K * b, 'batch order', 'u32');
      this.batch = { x: make(K * b * data.featureCount, 'batch x'), y: make(K * b, 'batch y', data.trainY.dtype) };
    } else {
      this.order = null;
      this.batch = null;
    }
    this.activations = model.activations(b, 'train').map((t) => this.own(t));
    this.validActivations = model.activations(data.validRows, 'valid').map((t) => this.own(t));
    this.gradLogits = make(K * b * data.outputs, 'logit gradients');
    this.rowLoss = make(K * b, 'row losses');
    this.validGrad = make(K * data.validRows * data.outputs, 'valid logit gradients (unused)');
    this.validRowLoss = make(K * data.validRows, 'valid row losses');
    // Stacked data (a copy per model) has every model's targets already; shared data is repeated once.
    this.ownData = (data.stacked ?? 1) === K && K > 1;
    this.validTargets = K === 1 || this.ownData ? data.validY : this.repeatedTargets(data.validY, data.validRows, K, 'valid');
    this.trainTargets = K === 1 || this.batch || this.ownData ? data.trainY : this.repeatedTargets(data.trainY, b, K, 'train');
    this.backwardBuffers = model.backwardBuffers(b);
    this.backwardBuffers.outputs.forEach((t) => this.own(t));
    this.validLoss = make(K * settings.validationSlots, 'valid losses');
    // The fused kernel always stores the path (steps × features floats: small).
    this.trajectory = settings.recordParameters || this.fused ? make((this.fused ? steps : settings.validationSlots) * this.trajectoryStride(), 'trajectory') : null;
    this.groupUpdates = settings.layerLrScales ? this.groupUpdatesOf(settings.layerLrScales) : null;
    this.wrongStride = Math.ceil((K * data.validRows) / 64) * 64;
    if (data.classCount > 0) {
      this.wrong = make(settings.validationSlots * this.wrongStride, 'valid errors');
      this.wrongSlots = Array.from({ length: settings.validationSlots }, (_, slot) =>
        backend.slice(this.wrong!, slot * this.wrongStride, K * data.validRows, `valid errors ${slot}`),
      );
    } else {
      this.wrong = null;
      this.wrongSlots = [];
    }
  }

  /** Elements between one epoch's weights and the next in `trajectory` (the fused kernel keeps only the features). */
  trajectoryStride(): number {
    return this.fused ? this.data.featureCount : this.model.models * this.model.parameterCount;
  }

  /** The row order of the next `stepsPerOrder` steps: batch s is rows [s·K·b, (s+1)·K·b), model m's the m-th b of them. */
  writeOrder(indices: Uint32Array): void {
    if (this.order) this.backend.write(this.order, indices);
  }

  /** Targets every model reads, once per model, so K models' rows line up with K copies (one gather, once). */
  private repeatedTargets(source: Tensor, rows: number, models: number, label: string): Tensor {
    const { backend } = this;
    const order = this.own(backend.tensor(models * rows, `${label} target order`, 'u32'));
    backend.write(order, Uint32Array.from({ length: models * rows }, (_, i) => i % rows));
    const targets = this.own(backend.tensor(models * rows, `${label} targets, per model`, source.dtype));
    backend.gatherRows(source, order, targets, models * rows, 1, 1);
    return targets;
  }

  /**
   * recordEpochs, taking a turn once `msPerTurn` have passed since the last: on the CPU
   * backend recording is computing (on the page's thread, or the worker's), and an epoch of a
   * large model is far longer than a frame. An abort seen at a turn ends the recording there,
   * mid-epoch: Stop answers within a step or so, not at the end of the epoch (what was
   * recorded is dropped).
   */
  async recordEpochsInTurns(epochs: number, stepsPerEpoch: number, active: number, msPerTurn: number, signal?: AbortSignal): Promise<void> {
    let last = performance.now();
    for (const _ of this.epochSteps(epochs, stepsPerEpoch, active)) {
      if (performance.now() - last < msPerTurn) continue;
      await yieldToPage();
      last = performance.now();
      if (signal?.aborted) return;
    }
  }

  /** Block `block`'s output in the last validation pass: every validation row's, one after another (filter-readout.ts reads a photo's). */
  validationOutput(block: number): Tensor {
    return this.validActivations[block]!;
  }

  /** `count` training steps of the first `active` models, without validation (the LR finder's; a piece of a long epoch). */
  recordSteps(count: number, active = this.model.models): void {
    if (this.fused) this.recordFused(count, false);
    else for (let s = 0; s < count; s++) this.recordStep(active);
  }

  /** The last `count` steps of an epoch recorded in pieces, then its validation into slot 0. */
  finishEpoch(count: number, active = this.model.models): void {
    this.recordSteps(count, active);
    this.recordValidation(0, active);
  }

  /**
   * `epochs` epochs of `stepsPerEpoch` steps, epoch e's validation into slot e, for the first
   * `active` models: with the models ordered longest run first, those whose runs have ended
   * cost nothing.
   */
  recordEpochs(epochs: number, stepsPerEpoch: number, active = this.model.models): void {
    if (this.fused) {
      // One step an epoch, and the kernel finds the slot from the step counter: chunks start at multiples of the slots.
      this.recordFused(epochs, true);
      return;
    }
    // Straight through: every step recorded, no pause taken.
    for (const _ of this.epochSteps(epochs, stepsPerEpoch, active)) continue;
  }

  /** Records the epochs' steps and validations, pausing (a yield) after each step. */
  private *epochSteps(epochs: number, stepsPerEpoch: number, active: number): Generator<void> {
    for (let e = 0; e < epochs; e++) {
      for (let s = 0; s < stepsPerEpoch; s++) {
        this.recordStep(active);
        yield;
      }
      this.recordValidation(e, active);
    }
  }

  private recordFused(epochs: number, validate: boolean): void {
    const { data, model } = this;
    const steps = this.settings.schedule.length / 2;
    const slot = { trainX: data.trainX, trainY: data.trainY, validX: data.validX, validY: data.validY, rows: data.trainRows, validRows: data.validRows, steps };
    const tensors = {
      models: [slot],
      schedule: this.schedule,
      weights: model.weights,
      velocity: model.moment1,
      losses: this.losses,
      validLoss: this.validLoss,
      trajectory: this.trajectory!,
      nonFinite: this.nonFinite,
    };
    const shape = { features: data.featureCount, epochs, validate, validSlots: this.settings.validationSlots, scheduleStride: steps };
    this.backend.linearSgdEpochs(tensors, shape);
  }

  private recordStep(K: number): void {
    const { backend, data, model } = this;
    const rows = this.settings.batchRows;
    const features = data.featureCount;
    let x = data.trainX;
    let y = this.trainTargets;
    if (this.batch && this.order) {
      const { augment } = this.settings;
      if (augment && data.image) {
        const shape = { batch: K * rows, ...data.image };
        backend.augmentImages(data.trainX, this.order, this.batch.x, shape, this.settings.stepsPerOrder, augment.settings, { seed: augment.seed, stream: STREAMS.augment, counter: 0 });
      } else backend.gatherRows(data.trainX, this.order, this.batch.x, K * rows, features, this.settings.stepsPerOrder);
      backend.gatherRows(data.trainY, this.order, this.batch.y, K * rows, 1, this.settings.stepsPerOrder);
      ({ x, y } = this.batch);
    }
    // Gathered or stacked, each model has its own rows; otherwise every model reads the whole set.
    const xStride = this.batch || this.ownData ? rows * features : 0;
    model.forward(x, rows, this.activations, xStride, K, undefined, true);
    const logits = this.activations[this.activations.length - 1]!;
    const tensors = { logits, targets: y, grad: this.gradLogits, rowLoss: this.rowLoss, nonFinite: this.nonFinite };
    backend.loss(data.loss, tensors, K * rows, data.outputs, 1 / rows, rows);
    backend.sum(this.rowLoss, rows, this.losses, 0, 1 / rows, true, { count: K, out: this.scheduleStride });
    model.backward(x, rows, xStride, this.activations, this.gradLogits, this.backwardBuffers, K);
    const { penalty } = this.settings;
    if (penalty) backend.penalize(model.weights, model.penalizedMask(), model.grads, K * model.parameterCount, penalty.kind, penalty.rate);
    const optimizerTensors = {
      weights: model.weights,
      grads: model.grads,
      moment1: model.moment1,
      moment2: model.moment2,
      schedule: this.schedule,
      nonFinite: this.nonFinite,
    };
    const batch = this.optimizerBatch(K);
    if (this.groupUpdates) {
      for (const u of this.groupUpdates) {
        const tensors = { ...u, nonFinite: this.nonFinite };
        const only = { ...batch, perModel: u.length };
        if (this.settings.optimizer === 'adam') backend.adamw(tensors, u.length, ADAM, only);
        else backend.sgd(tensors, u.length, SGD_WEIGHT_DECAY, only);
      }
    } else if (this.settings.optimizer === 'adam') backend.adamw(optimizerTensors, K * model.parameterCount, ADAM, batch);
    else backend.sgd(optimizerTensors, K * model.parameterCount, SGD_WEIGHT_DECAY, batch);
    backend.advanceStep();
  }

  /**
   * The optimizer's calls for layer groups: neighbouring layers of one scale share a call (a
   * slice of each flat buffer, its offsets aligned as Sequential lays them out) and a copy of
   * the schedule with its learning rates times the scale, one-cycle being linear in max_lr.
   */
  private groupUpdatesOf(scales: readonly number[]): GroupUpdate[] {
    const { backend, model } = this;
    if (model.models !== 1) throw new Error(`Layer groups train one model at a time, not ${model.models}.`);
    const stretches: { scale: number; offset: number; length: number }[] = [];
    for (const { layer, offset, length } of model.parameterRanges()) {
      const scale = scales[layer] ?? 1;
      const last = stretches[stretches.length - 1];
      if (last && last.scale === scale && last.offset + last.length === offset) last.length += length;
      else stretches.push({ scale, offset, length });
    }
    const schedules = new Map<number, Tensor>();
    const scheduleOf = (scale: number): Tensor => {
      let tensor = schedules.get(scale);
      if (!tensor) {
        const pairs = Float32Array.from(this.settings.schedule, (v, i) => (i % 2 === 0 ? v * scale : v));
        tensor = this.own(backend.tensor(pairs.length, `schedule ×${scale}`));
        backend.write(tensor, pairs);
        schedules.set(scale, tensor);
      }
      return tensor;
    };
    return stretches
      .filter((s) => s.scale > 0)
      .map(({ scale, offset, length }) => ({
        weights: backend.slice(model.weights, offset, length, `weights ×${scale}`),
        grads: backend.slice(model.grads, offset, length, `gradients ×${scale}`),
        moment1: backend.slice(model.moment1, offset, length, `first moments ×${scale}`),
        moment2: backend.slice(model.moment2, offset, length, `second moments ×${scale}`),
        schedule: scale === 1 ? this.schedule : scheduleOf(scale),
        length,
      }));
  }

  /** The first K models' schedules and lengths, made once per K rather than once per step. */
  private optimizerBatch(K: number): OptimizerBatch {
    let batch = this.optimizerBatches.get(K);
    if (!batch) {
      const steps = (this.settings.modelSteps ?? [this.scheduleStride]).slice(0, K);
      batch = { perModel: this.model.parameterCount, scheduleStride: this.scheduleStride, steps };
      this.optimizerBatches.set(K, batch);
    }
    return batch;
  }

  /** Validation loss into validLoss[slot] (model m's at m·slots + slot) and, for classification, errors into slot's block of `wrong`. */
  private recordValidation(slot: number, K: number): void {
    const { backend, data, model } = this;
    const rows = data.validRows;
    model.forward(data.validX, rows, this.validActivations, this.ownData ? rows * data.featureCount : 0, K);
    const logits = this.validActivations[this.validActivations.length - 1]!;
    const tensors = { logits, targets: this.validTargets, grad: this.validGrad, rowLoss: this.validRowLoss, nonFinite: this.nonFinite };
    backend.loss(data.loss, tensors, K * rows, data.outputs, 1 / rows, rows);
    backend.sum(this.validRowLoss, rows, this.validLoss, slot, 1 / rows, false, { count: K, out: this.settings.validationSlots });
    if (this.wrongSlots.length > 0) backend.countErrors(logits, this.validTargets, this.wrongSlots[slot]!, K * rows, data.outputs);
    if (this.trajectory) {
      const length = K * model.parameterCount;
      backend.copy(model.weights, this.trajectory, { from: 0, to: slot * length, length });
    }
  }

  /** The validation logits of the last pass (for views: predicted digits, say). */
  get validLogits(): Tensor {
    return this.validActivations[this.validActivations.length - 1]!;
  }

  dispose(): void {
    this.owned.releaseAll();
  }

  private own(tensor: Tensor): Tensor {
    return this.owned.add(tensor);
  }
}
