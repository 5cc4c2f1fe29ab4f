/**
 * A model as a list of layers (layers.ts), recorded on a Backend: it walks the list as
 * stages, each linear layer with the activation after it in one matrix-product kernel. All
 * parameters live in one flat buffer (each weight and bias a slice aligned for binding), and
 * so do their gradients and the optimizer's moments: one optimizer dispatch updates every layer.
 *
 * It may hold K independent models of the one architecture (what-if runs): model m's
 * parameters follow model m − 1's, each operation runs all K at once with the model as the
 * grid's z, and model m's rows of every activation follow model m − 1's.
 *
 * Lesson 2's line is the one-layer case without bias: y = x @ (a, b) with x's second column
 * all ones, exactly the notebook (builders.ts).
 *
 * @example
 * import { mlpLayers } from './layers';
 * // given: const backend: Backend, x: Tensor, rows: number, seed: number
 * const model = new Sequential(backend, mlpLayers(64, [128], 10));
 * model.initialize(seed);
 * const activations = model.activations(rows, 'batch');
 * model.forward(x, rows, activations, 0); // logits: activations[1], rows × 10
 */
import { SLICE_ALIGNMENT, type Activation, type Backend, type Tensor, type TensorRange } from '../../backend';
import { OwnedTensors } from './owned-tensors';
import { STREAMS } from '../streams';
import { fusedStages, type Layer, type Stage } from './layers';

interface LayerSlices {
  weight: Tensor;
  weightGrad: Tensor;
  bias: Tensor | null;
  biasGrad: Tensor | null;
  /** Offsets in the flat buffer, for initialisation with the seeded generator. */
  weightOffset: number;
  biasOffset: number;
}

const align = (n: number) => Math.ceil(n / SLICE_ALIGNMENT) * SLICE_ALIGNMENT;

export class Sequential {
  /** The list as the kernels run it: each linear layer with its activation. */
  readonly stages: readonly Stage[];
  readonly weights: Tensor;
  readonly grads: Tensor;
  readonly moment1: Tensor;
  readonly moment2: Tensor;
  /** One model's flat length, alignment padding included (padding has zero gradient, so it stays put). */
  readonly parameterCount: number;
  /** All the models' parameters: models × parameterCount. */
  readonly totalParameters: number;
  private readonly slices: LayerSlices[] = [];
  private readonly owned: OwnedTensors;
  private penalized: Tensor | null = null;

  constructor(
    private readonly backend: Backend,
    readonly layers: readonly Layer[],
    readonly models = 1,
  ) {
    this.stages = fusedStages(layers);
    this.owned = new OwnedTensors(backend);
    let offset = 0;
    const offsets = this.stages.map((layer) => {
      const weightOffset = offset;
      offset += align(layer.inputs * layer.outputs);
      const biasOffset = offset;
      if (layer.bias) offset += align(layer.outputs);
      return { weightOffset, biasOffset };
    });
    this.parameterCount = offset;
    this.totalParameters = offset * models;
    this.weights = this.own(backend.tensor(this.totalParameters, 'weights'));
    this.grads = this.own(backend.tensor(this.totalParameters, 'gradients'));
    this.moment1 = this.own(backend.tensor(this.totalParameters, 'first moments'));
    this.moment2 = this.own(backend.tensor(this.totalParameters, 'second moments'));
    for (const t of [this.grads, this.moment1, this.moment2]) this.zero(t);
    // Each slice spans every model's copy of its weight or bias, parameterCount apart.
    const across = (size: number) => (models - 1) * offset + size;
    this.stages.forEach((layer, l) => {
      const { weightOffset, biasOffset } = offsets[l]!;
      const size = layer.inputs * layer.outputs;
      this.slices.push({
        weight: backend.slice(this.weights, weightOffset, across(size), `W${l + 1}`),
        weightGrad: backend.slice(this.grads, weightOffset, across(size), `dW${l + 1}`),
        bias: layer.bias ? backend.slice(this.weights, biasOffset, across(layer.outputs), `b${l + 1}`) : null,
        biasGrad: layer.bias ? backend.slice(this.grads, biasOffset, across(layer.outputs), `db${l + 1}`) : null,
        weightOffset,
        biasOffset,
      });
    });
  }

  get outputs(): number {
    return this.stages[this.stages.length - 1]!.outputs;
  }

  /**
   * PyTorch's nn.Linear initialisation (kaiming_uniform_ with a = √5): weights and biases
   * uniform in ±1/√fan_in, drawn on the device from the seeded generator; model m from
   * seeds[m], so it starts where it would alone.
   */
  initialize(seeds: number | number[]): void {
    this.zero(this.weights);
    const each = typeof seeds === 'number' ? [seeds] : seeds;
    each.forEach((seed, m) => {
      const base = m * this.parameterCount;
      this.stages.forEach((layer, l) => {
        const bound = 1 / Math.sqrt(layer.inputs);
        const s = this.slices[l]!;
        const at = (counter: number) => ({ seed, stream: STREAMS.weights, counter });
        this.backend.uniform({ tensor: this.weights, offset: base + s.weightOffset, stride: 1, count: layer.inputs * layer.outputs }, -bound, bound, at(s.weightOffset));
        if (s.bias) this.backend.uniform({ tensor: this.weights, offset: base + s.biasOffset, stride: 1, count: layer.outputs }, -bound, bound, at(s.biasOffset));
      });
    });
  }

  /** Sets every weight of a one-layer model without bias, in each model: line's starting (a, b) = (−1, 1). */
  setWeights(values: readonly number[]): void {
    // Every model's copy: model m's first weight sits m·parameterCount in.
    for (let m = 0; m < this.models; m++) this.backend.write(this.weights, Float32Array.from(values), m * this.parameterCount + this.slices[0]!.weightOffset);
  }

  /** Activation buffers, one per layer, for `rows` rows of each of the first `models` models; the caller releases them. */
  activations(rows: number, label: string, models = this.models): Tensor[] {
    return this.stages.map((layer, l) => this.backend.tensor(models * rows * layer.outputs, `${label} layer ${l + 1}`));
  }

  /**
   * `rows` rows through the first `active` models (the others' runs have ended): model m's
   * input rows sit m·xStride into x (0: every model reads the same). `output` replaces the
   * last layer's activation: a sigmoid turns a binary logit into a probability.
   */
  forward(x: Tensor, rows: number, activations: Tensor[], xStride: number, active = this.models, output?: Activation): void {
    const last = this.stages.length - 1;
    const P = this.parameterCount;
    this.stages.forEach((layer, l) => {
      const input = l === 0 ? x : activations[l - 1]!;
      this.backend.matmul(input, this.slices[l]!.weight, activations[l]!, {
        m: rows,
        n: layer.outputs,
        k: layer.inputs,
        bias: this.slices[l]!.bias ?? undefined,
        activation: l === last && output ? output : layer.activation,
        batch: { count: active, a: l === 0 ? xStride : rows * layer.inputs, b: P, out: rows * layer.outputs, bias: P },
      });
    });
  }

  /** Gradient buffers for backward, one per hidden layer and one scratch for g·Wᵀ; the caller releases them. */
  backwardBuffers(rows: number): { hidden: Tensor[]; scratch: Tensor } {
    const widest = Math.max(...this.stages.map((layer) => layer.inputs));
    return {
      hidden: this.stages.slice(0, -1).map((layer, l) => this.backend.tensor(this.models * rows * layer.outputs, `grad layer ${l + 1}`)),
      scratch: this.backend.tensor(this.models * rows * widest, 'grad scratch'),
    };
  }

  /** Fills the first `active` models' `grads` from the loss gradient wrt the logits (already scaled for the mean); x as in forward. */
  backward(
    x: Tensor,
    rows: number,
    xStride: number,
    activations: Tensor[],
    gradLogits: Tensor,
    buffers: { hidden: Tensor[]; scratch: Tensor },
    active = this.models,
  ): void {
    const [P, models] = [this.parameterCount, active];
    let grad = gradLogits;
    for (let l = this.stages.length - 1; l >= 0; l--) {
      const layer = this.stages[l]!;
      const s = this.slices[l]!;
      const input = l === 0 ? x : activations[l - 1]!;
      const gradStride = rows * layer.outputs;
      this.backend.matmul(input, grad, s.weightGrad, {
        m: layer.inputs,
        n: layer.outputs,
        k: rows,
        transA: true,
        batch: { count: models, a: l === 0 ? xStride : rows * layer.inputs, b: gradStride, out: P },
      });
      if (s.biasGrad) this.backend.sumRows(grad, rows, layer.outputs, s.biasGrad, 1, { count: models, out: P });
      if (l > 0) {
        this.backend.matmul(grad, s.weight, buffers.scratch, {
          m: rows,
          n: layer.inputs,
          k: layer.outputs,
          transB: true,
          batch: { count: models, a: gradStride, b: P, out: rows * layer.inputs },
        });
        this.backend.activationBackward(buffers.scratch, activations[l - 1]!, buffers.hidden[l - 1]!, models * rows * layer.inputs, this.stages[l - 1]!.activation);
        grad = buffers.hidden[l - 1]!;
      }
    }
  }

  /** Model m's weight matrices (inputs × outputs each, row-major), as ranges to read. */
  weightRanges(m = 0): TensorRange[] {
    return this.stages.map((layer, l) => ({ tensor: this.weights, offset: m * this.parameterCount + this.slices[l]!.weightOffset, length: layer.inputs * layer.outputs }));
  }

  /** 1 at every model's weights, 0 at biases and padding: what a weight penalty applies to. Made on first use. */
  penalizedMask(): Tensor {
    if (!this.penalized) {
      const mask = this.own(this.backend.tensor(this.totalParameters, 'penalised weights'));
      this.zero(mask);
      for (let m = 0; m < this.models; m++) {
        this.stages.forEach((layer, l) => {
          const offset = m * this.parameterCount + this.slices[l]!.weightOffset;
          this.backend.fill({ tensor: mask, offset, stride: 1, count: layer.inputs * layer.outputs }, 1);
        });
      }
      this.penalized = mask;
    }
    return this.penalized;
  }

  dispose(): void {
    this.owned.releaseAll();
  }

  private own(tensor: Tensor): Tensor {
    return this.owned.add(tensor);
  }

  private zero(tensor: Tensor): void {
    this.backend.fill({ tensor, offset: 0, stride: 1, count: tensor.length }, 0);
  }
}
