/**
 * A model as a list of layers (layers.ts), recorded on a Backend: it walks the list as
 * blocks (blocks/), each linear layer with the activation after it in one matrix-product
 * kernel, each image layer on its own kernels. All trained parameters live in one flat buffer
 * (each weight and bias a slice aligned for binding), and so do their gradients and the
 * optimizer's moments: one optimizer dispatch updates every layer.
 *
 * A perceptron may hold K independent models of the one architecture (what-if runs): model
 * m's parameters follow model m − 1's, each operation runs all K at once with the model as
 * the grid's z, and model m's rows of every activation follow model m − 1's. A model with
 * image layers holds one.
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
import type { Block, PassShape } from './blocks/block';
import { activationBlock, imageBlock } from './blocks/image-blocks';
import { LinearBlock } from './blocks/linear-block';
import { fusedStages, isPerceptron, layerOutput, valuesPerRow, type Layer, type Stage } from './layers';

/** A slot's place in one model's stretch of the flat buffer. */
interface SlotPlace {
  block: number;
  slot: number;
  offset: number;
}

const align = (n: number) => Math.ceil(n / SLICE_ALIGNMENT) * SLICE_ALIGNMENT;

/** Gradient buffers for backward: ∂L/∂(block b's output) for every block but the last; the caller releases them. */
export interface BackwardBuffers {
  outputs: Tensor[];
}

export class Sequential {
  /** A perceptron's list as the kernels run it: each linear layer with its activation (empty for an image model). */
  readonly stages: readonly Stage[];
  readonly blocks: readonly Block[];
  readonly weights: Tensor;
  readonly grads: Tensor;
  readonly moment1: Tensor;
  readonly moment2: Tensor;
  /** One model's flat length, alignment padding included (padding has zero gradient, so it stays put). */
  readonly parameterCount: number;
  /** All the models' parameters: models × parameterCount. */
  readonly totalParameters: number;
  private readonly places: SlotPlace[] = [];
  /** Each block's first layer in `layers`. */
  private readonly blockLayers: readonly number[];
  private readonly owned: OwnedTensors;
  private penalized: Tensor | null = null;

  constructor(
    private readonly backend: Backend,
    readonly layers: readonly Layer[],
    readonly models = 1,
  ) {
    const perceptron = isPerceptron(layers);
    if (!perceptron && models > 1) throw new Error(`A model with image layers trains one copy at a time, not ${models}.`);
    this.stages = perceptron ? fusedStages(layers) : [];
    // A perceptron's stage l is its l-th linear layer.
    const linears = layers.flatMap((l, i) => (l.kind === 'linear' ? [i] : []));
    const built = perceptron ? this.stages.map((stage, l) => ({ block: new LinearBlock(backend, stage, models, l + 1) as Block, layer: linears[l]! })) : imageModelBlocks(backend, layers);
    this.blocks = built.map((b) => b.block);
    this.blockLayers = built.map((b) => b.layer);
    this.owned = new OwnedTensors(backend);
    let offset = 0;
    this.blocks.forEach((block, b) =>
      block.slots.forEach((slot, s) => {
        this.places.push({ block: b, slot: s, offset });
        offset += align(slot.length);
      }),
    );
    this.parameterCount = offset;
    this.totalParameters = offset * models;
    this.weights = this.own(backend.tensor(this.totalParameters, 'weights'));
    this.grads = this.own(backend.tensor(this.totalParameters, 'gradients'));
    this.moment1 = this.own(backend.tensor(this.totalParameters, 'first moments'));
    this.moment2 = this.own(backend.tensor(this.totalParameters, 'second moments'));
    for (const t of [this.grads, this.moment1, this.moment2]) this.zero(t);
    // Each slice spans every model's copy of its slot, parameterCount apart.
    const across = (length: number) => (models - 1) * offset + length;
    this.blocks.forEach((block, b) => {
      const places = this.places.filter((p) => p.block === b);
      const parameters = places.map((p) => backend.slice(this.weights, p.offset, across(block.slots[p.slot]!.length), block.slots[p.slot]!.label));
      const gradients = places.map((p) => backend.slice(this.grads, p.offset, across(block.slots[p.slot]!.length), `d${block.slots[p.slot]!.label}`));
      block.bind(parameters, gradients, offset);
    });
  }

  get outputs(): number {
    return this.blocks[this.blocks.length - 1]!.outputs;
  }

  /**
   * Where each layer with parameters keeps them in one model's stretch of the flat buffers
   * (alignment padding included), by its index in `layers`: the layers with parameters
   * (linear, conv2d, batchnorm) and the blocks with slots come in the same order.
   */
  parameterRanges(): { layer: number; offset: number; length: number }[] {
    const layers = this.layers.flatMap((l, i) => (l.kind === 'linear' || l.kind === 'conv2d' || l.kind === 'batchnorm' ? [i] : []));
    const starts = this.blocks.flatMap((_, b) => {
      const first = this.places.find((p) => p.block === b);
      return first ? [first.offset] : [];
    });
    return starts.map((offset, k) => ({ layer: layers[k]!, offset, length: (starts[k + 1] ?? this.parameterCount) - offset }));
  }

  /**
   * PyTorch's initialisation: nn.Linear's and nn.Conv2d's kaiming_uniform_ (a = √5), weights
   * and biases uniform in ±1/√fan_in, drawn on the device from the seeded generator (model m
   * from seeds[m], so it starts where it would alone); a batch norm's scale 1 and shift 0, its
   * running statistics reset.
   */
  initialize(seeds: number | number[]): void {
    this.zero(this.weights);
    const each = typeof seeds === 'number' ? [seeds] : seeds;
    each.forEach((seed, m) => {
      const base = m * this.parameterCount;
      for (const place of this.places) {
        const slot = this.blocks[place.block]!.slots[place.slot]!;
        const view = { tensor: this.weights, offset: base + place.offset, stride: 1, count: slot.length };
        if ('constant' in slot.start) {
          if (slot.start.constant !== 0) this.backend.fill(view, slot.start.constant);
        } else {
          const bound = 1 / Math.sqrt(slot.start.uniformFanIn);
          this.backend.uniform(view, -bound, bound, { seed, stream: STREAMS.weights, counter: place.offset });
        }
      }
    });
    for (const block of this.blocks) block.reset?.();
  }

  /** Sets every weight of a one-layer model without bias, in each model: line's starting (a, b) = (−1, 1). */
  setWeights(values: readonly number[]): void {
    // Every model's copy: model m's first weight sits m·parameterCount in.
    for (let m = 0; m < this.models; m++) this.backend.write(this.weights, Float32Array.from(values), m * this.parameterCount + this.places[0]!.offset);
  }

  /**
   * Model 0's trained state in the blocks of the first `layerCount` layers (all, unless given):
   * block by block, each parameter slot's values (no padding), then the block's own buffers (a
   * batch norm's running mean and variance). What a pretrained body ships (backbone.ts) and a
   * later stage starts from.
   *
   * @example
   * import { cnnBodyLength } from './cnn';
   * // cnn-small, trained
   * // given: const model: Sequential
   * const body = await model.readState(cnnBodyLength('cnn-small'));   // conv16, bn16 (+ stats), conv32, bn32 (+ stats)
   */
  async readState(layerCount = this.layers.length): Promise<Float32Array> {
    const parts = await this.backend.readRanges(this.stateRanges(layerCount));
    const values = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const part of parts) {
      values.set(part, at);
      at += part.length;
    }
    return values;
  }

  /** The block that runs layer `layer` (the first layer of its block). */
  blockOf(layer: number): number {
    const block = this.blockLayers.indexOf(layer);
    if (block < 0) throw new Error(`Layer ${layer} is not the first layer of a block.`);
    return block;
  }

  /** How many values readState(layerCount) gives. */
  stateLength(layerCount = this.layers.length): number {
    return this.stateRanges(layerCount).reduce((n, r) => n + r.length, 0);
  }

  /** Sets what readState(layerCount) read, in every model; the other layers keep their weights. Throws on a length that does not fit. */
  loadState(values: Float32Array, layerCount = this.layers.length): void {
    const ranges = this.stateRanges(layerCount);
    const expected = ranges.reduce((n, r) => n + r.length, 0);
    if (values.length !== expected) throw new Error(`A saved state of ${values.length} values does not fit these ${layerCount} layers, which hold ${expected}.`);
    let at = 0;
    for (const range of ranges) {
      const part = values.subarray(at, at + range.length);
      at += range.length;
      // Parameters sit once per model, parameterCount apart; a block's own buffers once.
      const copies = range.tensor === this.weights ? this.models : 1;
      for (let m = 0; m < copies; m++) this.backend.write(range.tensor, part, range.offset + m * this.parameterCount);
    }
  }

  /** Activation buffers, one per block, for `rows` rows of each of the first `models` models; the caller releases them. */
  activations(rows: number, label: string, models = this.models): Tensor[] {
    return this.blocks.map((block, l) => this.backend.tensor(models * rows * block.outputs, `${label} layer ${l + 1}`));
  }

  /**
   * `rows` rows through the first `active` models (the others' runs have ended): model m's
   * input rows sit m·xStride into x (0: every model reads the same). `output` replaces the
   * last layer's activation: a sigmoid turns a binary logit into a probability. `training`:
   * batch norms normalise with the batch's statistics and move their running ones.
   */
  forward(x: Tensor, rows: number, activations: Tensor[], xStride: number, active = this.models, output?: Activation, training = false): void {
    const last = this.blocks.length - 1;
    this.blocks.forEach((block, b) => {
      const pass: PassShape = { rows, active, training, inputStride: this.inputStride(b, rows, xStride), ...(b === last && output ? { output } : {}) };
      block.forward(b === 0 ? x : activations[b - 1]!, activations[b]!, pass);
    });
  }

  /** Gradient buffers for backward; the caller releases them. */
  backwardBuffers(rows: number): BackwardBuffers {
    return { outputs: this.blocks.slice(0, -1).map((block, b) => this.backend.tensor(this.models * rows * block.outputs, `grad layer ${b + 1}`)) };
  }

  /** Fills the first `active` models' `grads` from the loss gradient wrt the logits (already scaled for the mean); x as in forward. */
  backward(x: Tensor, rows: number, xStride: number, activations: Tensor[], gradLogits: Tensor, buffers: BackwardBuffers, active = this.models): void {
    for (let b = this.blocks.length - 1; b >= 0; b--) {
      const gradOutput = b === this.blocks.length - 1 ? gradLogits : buffers.outputs[b]!;
      const pass: PassShape = { rows, active, training: true, inputStride: this.inputStride(b, rows, xStride) };
      this.blocks[b]!.backward(b === 0 ? x : activations[b - 1]!, activations[b]!, gradOutput, b > 0 ? buffers.outputs[b - 1]! : null, pass);
    }
  }

  /** Model m's linear weight matrices (inputs × outputs each, row-major), as ranges to read. */
  weightRanges(m = 0): TensorRange[] {
    return this.stages.map((stage, l) => ({ tensor: this.weights, offset: m * this.parameterCount + this.places.find((p) => p.block === l)!.offset, length: stage.inputs * stage.outputs }));
  }

  /** 1 at every model's penalised weights, 0 at biases, scales, shifts and padding: what a weight penalty applies to. Made on first use. */
  penalizedMask(): Tensor {
    if (!this.penalized) {
      const mask = this.own(this.backend.tensor(this.totalParameters, 'penalised weights'));
      this.zero(mask);
      for (let m = 0; m < this.models; m++) {
        for (const place of this.places) {
          const slot = this.blocks[place.block]!.slots[place.slot]!;
          if (slot.penalized) this.backend.fill({ tensor: mask, offset: m * this.parameterCount + place.offset, stride: 1, count: slot.length }, 1);
        }
      }
      this.penalized = mask;
    }
    return this.penalized;
  }

  dispose(): void {
    for (const block of this.blocks) block.dispose?.();
    this.owned.releaseAll();
  }

  /** Model 0's parameter slots and own buffers in the blocks of the first `layerCount` layers, in readState's order. */
  private stateRanges(layerCount: number): Required<TensorRange>[] {
    return this.blocks.flatMap((block, b) => {
      if (this.blockLayers[b]! >= layerCount) return [];
      const slots = this.places.filter((p) => p.block === b).map((p) => ({ tensor: this.weights, offset: p.offset, length: block.slots[p.slot]!.length }));
      return [...slots, ...(block.state ?? []).map((tensor) => ({ tensor, offset: 0, length: tensor.length }))];
    });
  }

  /** Elements between one model's input rows and the next's: block 0 reads x as given, the others the previous block's output. */
  private inputStride(block: number, rows: number, xStride: number): number {
    return block === 0 ? xStride : rows * this.blocks[block - 1]!.outputs;
  }

  private own(tensor: Tensor): Tensor {
    return this.owned.add(tensor);
  }

  private zero(tensor: Tensor): void {
    this.backend.fill({ tensor, offset: 0, stride: 1, count: tensor.length }, 0);
  }
}

/** An image model's blocks, each with its first layer: each image layer, each linear layer with a following activation fused, any other activation on its own. */
function imageModelBlocks(backend: Backend, layers: readonly Layer[]): { block: Block; layer: number }[] {
  const blocks: { block: Block; layer: number }[] = [];
  let width = 0;
  layers.forEach((layer, i) => {
    const next = layers[i + 1];
    if (layer.kind === 'linear') {
      const activation = next?.kind === 'activation' ? next.fn : 'linear';
      blocks.push({ block: new LinearBlock(backend, { inputs: layer.inputs, outputs: layer.outputs, bias: layer.bias, activation }, 1, blocks.length + 1), layer: i });
      width = layer.outputs;
    } else if (layer.kind === 'activation') {
      if (layers[i - 1]?.kind !== 'linear') blocks.push({ block: activationBlock(backend, layer.fn, width), layer: i });
    } else if (layer.kind === 'flatten') {
      // The next block reads the same buffer as one row a photo.
      width = valuesPerRow(layer.input);
    } else {
      blocks.push({ block: imageBlock(backend, layer, blocks.length + 1), layer: i });
      width = valuesPerRow(layerOutput(layer));
    }
  });
  return blocks;
}
