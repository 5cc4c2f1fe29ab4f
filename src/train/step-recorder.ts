/**
 * Records training steps and validation passes onto a Backend, with nothing to do on the host
 * between steps: the mini-batch rows come from an order buffer indexed by the step counter,
 * the learning rate from the schedule buffer, and each step's loss lands in its own slot of
 * `losses`. A whole epoch is recorded at once and read back once.
 *
 * @example
 * const steps = new StepRecorder(backend, data, model, settings);
 * steps.recordEpochs(2, stepsPerEpoch); // then read losses and validLoss[0..2)
 */
import { FUSED_LINEAR_FEATURES, type AdamSettings, type Backend, type Tensor } from '../backend';
import type { DeviceData } from './device-data';
import type { LayerShape, Mlp } from './model';
import { OwnedTensors } from './owned-tensors';
import type { OptimizerName } from './types';

/** fastai v1's AdamW: β2 0.99, ε 1e-8, decoupled weight decay 0.01. */
export const ADAM: AdamSettings = { beta2: 0.99, eps: 1e-8, weightDecay: 0.01 };
/** SGD stays the notebook's plain update: no weight decay. */
export const SGD_WEIGHT_DECAY = 0;

export interface StepSettings {
  optimizer: OptimizerName;
  /** (lr, momentum) pairs, one per step. */
  schedule: Float32Array;
  batchRows: number;
  /** Steps covered by one order buffer (its length is this × batchRows); 0 = use the training set as it is. */
  stepsPerOrder: number;
  /** Validation slots: passes recorded before one readback. */
  validationSlots: number;
}

/**
 * Whether training runs on the fused linear epochs (one dispatch a chunk): the lesson-2 shape
 * of model (one layer, no bias, one output), MSE, plain SGD, every step the whole training set.
 */
export function fusesLinearEpochs(layers: readonly LayerShape[], data: DeviceData, optimizer: OptimizerName, batchRows: number): boolean {
  const [only] = layers;
  return (
    layers.length === 1 && !only!.bias && only!.outputs === 1 && data.loss === 'mse' && optimizer === 'sgd' &&
    batchRows === data.trainRows && data.featureCount <= FUSED_LINEAR_FEATURES && data.packed
  );
}

export class StepRecorder {
  readonly losses: Tensor;
  readonly nonFinite: Tensor;
  readonly validLoss: Tensor;
  /** 1 per misclassified validation row, one aligned block per validation slot. */
  readonly wrong: Tensor | null;
  readonly wrongStride: number;
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
  private readonly backwardBuffers: { hidden: Tensor[]; scratch: Tensor };
  private readonly wrongSlots: Tensor[];
  /** The lesson-2 model trained full-batch with SGD: one fused dispatch for any number of epochs. */
  private readonly fused: boolean;

  constructor(
    private readonly backend: Backend,
    private readonly data: DeviceData,
    private readonly model: Mlp,
    private readonly settings: StepSettings,
  ) {
    this.owned = new OwnedTensors(backend);
    const b = settings.batchRows;
    this.fused = fusesLinearEpochs(model.layers, data, settings.optimizer, b);
    const steps = settings.schedule.length / 2;
    const make = (length: number, label: string, dtype: 'f32' | 'u32' = 'f32') => this.own(backend.tensor(length, label, dtype));
    this.losses = make(steps, 'step losses');
    this.nonFinite = make(1, 'non-finite flag', 'u32');
    backend.write(this.nonFinite, new Uint32Array(1));
    this.schedule = make(steps * 2, 'schedule');
    backend.write(this.schedule, settings.schedule);
    if (settings.stepsPerOrder > 0) {
      this.order = make(settings.stepsPerOrder * b, 'batch order', 'u32');
      this.batch = { x: make(b * data.featureCount, 'batch x'), y: make(b, 'batch y', data.trainY.dtype) };
    } else {
      this.order = null;
      this.batch = null;
    }
    this.activations = model.activations(b, 'train').map((t) => this.own(t));
    this.validActivations = model.activations(data.validRows, 'valid').map((t) => this.own(t));
    this.gradLogits = make(b * data.outputs, 'logit gradients');
    this.rowLoss = make(b, 'row losses');
    this.validGrad = make(data.validRows * data.outputs, 'valid logit gradients (unused)');
    this.validRowLoss = make(data.validRows, 'valid row losses');
    this.backwardBuffers = model.backwardBuffers(b);
    this.backwardBuffers.hidden.forEach((t) => this.own(t));
    this.own(this.backwardBuffers.scratch);
    this.validLoss = make(settings.validationSlots, 'valid losses');
    this.wrongStride = Math.ceil(data.validRows / 64) * 64;
    if (data.classCount > 0) {
      this.wrong = make(settings.validationSlots * this.wrongStride, 'valid errors');
      this.wrongSlots = Array.from({ length: settings.validationSlots }, (_, slot) =>
        backend.slice(this.wrong!, slot * this.wrongStride, data.validRows, `valid errors ${slot}`),
      );
    } else {
      this.wrong = null;
      this.wrongSlots = [];
    }
  }

  /** The row order of the next `stepsPerOrder` steps: batch s is rows [s·b, (s+1)·b). */
  writeOrder(indices: Uint32Array): void {
    if (this.order) this.backend.write(this.order, indices);
  }

  /** `count` training steps without validation (the LR finder's). */
  recordSteps(count: number): void {
    if (this.fused) this.recordFused(count, false);
    else for (let s = 0; s < count; s++) this.recordStep();
  }

  /** `epochs` epochs of `stepsPerEpoch` steps, epoch e's validation into slot e. */
  recordEpochs(epochs: number, stepsPerEpoch: number): void {
    if (this.fused) {
      // One step an epoch, and the kernel finds the slot from the step counter: chunks start at multiples of the slots.
      this.recordFused(epochs, true);
      return;
    }
    for (let e = 0; e < epochs; e++) {
      for (let s = 0; s < stepsPerEpoch; s++) this.recordStep();
      this.recordValidation(e);
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
      nonFinite: this.nonFinite,
    };
    const shape = { features: data.featureCount, epochs, validate, validSlots: this.settings.validationSlots, scheduleStride: steps };
    this.backend.linearSgdEpochs(tensors, shape);
  }

  private recordStep(): void {
    const { backend, data, model } = this;
    const rows = this.settings.batchRows;
    let x = data.trainX;
    let y = data.trainY;
    if (this.batch && this.order) {
      backend.gatherRows(data.trainX, this.order, this.batch.x, rows, data.featureCount, this.settings.stepsPerOrder);
      backend.gatherRows(data.trainY, this.order, this.batch.y, rows, 1, this.settings.stepsPerOrder);
      ({ x, y } = this.batch);
    }
    model.forward(x, rows, this.activations);
    const logits = this.activations[this.activations.length - 1]!;
    const tensors = { logits, targets: y, grad: this.gradLogits, rowLoss: this.rowLoss, nonFinite: this.nonFinite };
    backend.loss(data.loss, tensors, rows, data.outputs, 1 / rows);
    backend.sum(this.rowLoss, rows, this.losses, 0, 1 / rows, true);
    model.backward(x, rows, this.activations, this.gradLogits, this.backwardBuffers);
    const optimizerTensors = {
      weights: model.weights,
      grads: model.grads,
      moment1: model.moment1,
      moment2: model.moment2,
      schedule: this.schedule,
      nonFinite: this.nonFinite,
    };
    if (this.settings.optimizer === 'adam') backend.adamw(optimizerTensors, model.parameterCount, ADAM);
    else backend.sgd(optimizerTensors, model.parameterCount, SGD_WEIGHT_DECAY);
    backend.advanceStep();
  }

  /** Validation loss into validLoss[slot] and, for classification, errors into slot's block of `wrong`. */
  private recordValidation(slot: number): void {
    const { backend, data, model } = this;
    const rows = data.validRows;
    model.forward(data.validX, rows, this.validActivations);
    const logits = this.validActivations[this.validActivations.length - 1]!;
    const tensors = { logits, targets: data.validY, grad: this.validGrad, rowLoss: this.validRowLoss, nonFinite: this.nonFinite };
    backend.loss(data.loss, tensors, rows, data.outputs, 1 / rows);
    backend.sum(this.validRowLoss, rows, this.validLoss, slot, 1 / rows);
    if (this.wrongSlots.length > 0) backend.countErrors(logits, data.validY, this.wrongSlots[slot]!, rows, data.outputs);
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
