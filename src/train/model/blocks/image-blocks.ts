/**
 * The image layers as blocks, one model at a time (K = 1: an image model's what-ifs train
 * one after another): convolution, batch norm, 2 × 2 max-pool, global average pool, and an
 * activation on its own, each on the Backend's kernels of the same name.
 *
 * @example
 * // given: const backend: Backend
 * const conv = imageBlock(backend, { kind: 'conv2d', input: { channels: 1, height: 28, width: 28 }, channels: 16, kernel: 3, bias: true }, 1);
 * // conv.outputs === 16 · 28 · 28
 */
import { type Activation, type Backend, type Conv2dShape, type ImageShape, type Tensor } from '../../../backend';
import { layerOutput, valuesPerRow, type ImageLayer, type ImageSize } from '../layers';
import type { Block, ParameterSlot, PassShape } from './block';

const imageShape = (size: ImageSize, rows: number): ImageShape => ({ batch: rows, ...size });

/** An image layer's block (a flatten has none: the next block reads the same buffer); `index` names its parameters (conv1, bn1…). */
export function imageBlock(backend: Backend, layer: Exclude<ImageLayer, { kind: 'flatten' }>, index: number): Block {
  switch (layer.kind) {
    case 'conv2d':
      return new ConvBlock(backend, layer, index);
    case 'batchnorm':
      return new BatchNormBlock(backend, layer.input, index);
    case 'maxpool':
      return passThrough(valuesPerRow(layerOutput(layer)), {
        forward: (input, output, rows) => backend.maxPool2d(input, output, imageShape(layer.input, rows)),
        backward: (input, _output, gradOutput, gradInput, rows) => backend.maxPool2dBackward(input, gradOutput, gradInput, imageShape(layer.input, rows)),
      });
    case 'global-avg-pool':
      return passThrough(layer.input.channels, {
        forward: (input, output, rows) => backend.globalAvgPool(input, output, imageShape(layer.input, rows)),
        backward: (_input, _output, gradOutput, gradInput, rows) => backend.globalAvgPoolBackward(gradOutput, gradInput, imageShape(layer.input, rows)),
      });
  }
}

/** An activation that follows a layer other than a linear one, over `values` values a row. */
export function activationBlock(backend: Backend, fn: Activation, values: number): Block {
  return passThrough(values, {
    forward: (input, output, rows) => backend.activate(input, output, rows * values, fn),
    backward: (_input, output, gradOutput, gradInput, rows) => backend.activationBackward(gradOutput, output, gradInput, rows * values, fn),
  });
}

interface Pass {
  forward(input: Tensor, output: Tensor, rows: number): void;
  backward(input: Tensor, output: Tensor, gradOutput: Tensor, gradInput: Tensor, rows: number): void;
}

/** A block without parameters: nothing to compute backward unless ∂L/∂input is asked for. */
function passThrough(outputs: number, pass: Pass): Block {
  return {
    outputs,
    slots: [],
    bind: () => undefined,
    forward: (input, output, shape) => pass.forward(input, output, shape.rows),
    backward: (input, output, gradOutput, gradInput, shape) => {
      if (gradInput) pass.backward(input, output, gradOutput, gradInput, shape.rows);
    },
  };
}

class ConvBlock implements Block {
  readonly outputs: number;
  readonly slots: ParameterSlot[];
  private parameters: Tensor[] = [];
  private gradients: Tensor[] = [];

  constructor(
    private readonly backend: Backend,
    private readonly layer: Extract<ImageLayer, { kind: 'conv2d' }>,
    index: number,
  ) {
    const { input, channels, kernel } = layer;
    this.outputs = valuesPerRow(layerOutput(layer));
    const fanIn = { uniformFanIn: input.channels * kernel * kernel };
    this.slots = [{ length: channels * input.channels * kernel * kernel, start: fanIn, penalized: true, label: `conv${index}` }];
    if (layer.bias) this.slots.push({ length: channels, start: fanIn, penalized: false, label: `conv${index} bias` });
  }

  bind(parameters: Tensor[], gradients: Tensor[]): void {
    this.parameters = parameters;
    this.gradients = gradients;
  }

  private shape(rows: number): Conv2dShape {
    const { input, channels, kernel } = this.layer;
    return { batch: rows, channelsIn: input.channels, channelsOut: channels, height: input.height, width: input.width, kernel };
  }

  forward(input: Tensor, output: Tensor, pass: PassShape): void {
    this.backend.conv2d(input, this.parameters[0]!, output, this.shape(pass.rows), this.parameters[1]);
  }

  backward(input: Tensor, _output: Tensor, gradOutput: Tensor, gradInput: Tensor | null, pass: PassShape): void {
    const shape = this.shape(pass.rows);
    this.backend.conv2dBackwardWeights(input, gradOutput, this.gradients[0]!, shape, this.gradients[1]);
    if (gradInput) this.backend.conv2dBackwardInput(gradOutput, this.parameters[0]!, gradInput, shape);
  }
}

/**
 * nn.BatchNorm2d: its scale (γ, from 1) and shift (β, from 0) train with the other
 * parameters; its running mean (from 0) and variance (from 1) move by BATCH_NORM_MOMENTUM
 * with every training batch, outside the optimizer.
 */
class BatchNormBlock implements Block {
  readonly outputs: number;
  readonly slots: ParameterSlot[];
  private parameters: Tensor[] = [];
  private gradients: Tensor[] = [];
  private readonly runningMean: Tensor;
  private readonly runningVar: Tensor;
  readonly state: readonly Tensor[];
  private readonly saved: Tensor;
  /** ∂L/∂input when the block is first and nobody asks for it: the kernel writes it anyway. */
  private unusedGradInput: Tensor | null = null;

  constructor(
    private readonly backend: Backend,
    private readonly input: ImageSize,
    index: number,
  ) {
    const { channels } = input;
    this.outputs = valuesPerRow(input);
    this.slots = [
      { length: channels, start: { constant: 1 }, penalized: false, label: `bn${index} scale` },
      { length: channels, start: { constant: 0 }, penalized: false, label: `bn${index} shift` },
    ];
    this.runningMean = backend.tensor(channels, `bn${index} running mean`);
    this.runningVar = backend.tensor(channels, `bn${index} running variance`);
    this.state = [this.runningMean, this.runningVar];
    this.saved = backend.tensor(2 * channels, `bn${index} saved statistics`);
    this.reset();
  }

  /** The running statistics as PyTorch starts them: mean 0, variance 1 (momentum BATCH_NORM_MOMENTUM from there). */
  reset(): void {
    const count = this.input.channels;
    this.backend.fill({ tensor: this.runningMean, offset: 0, stride: 1, count }, 0);
    this.backend.fill({ tensor: this.runningVar, offset: 0, stride: 1, count }, 1);
  }

  bind(parameters: Tensor[], gradients: Tensor[]): void {
    this.parameters = parameters;
    this.gradients = gradients;
  }

  private tensors(input: Tensor, output: Tensor) {
    const [gamma, beta] = this.parameters as [Tensor, Tensor];
    return { input, output, gamma, beta, runningMean: this.runningMean, runningVar: this.runningVar, saved: this.saved };
  }

  forward(input: Tensor, output: Tensor, pass: PassShape): void {
    this.backend.batchNorm(this.tensors(input, output), imageShape(this.input, pass.rows), pass.training);
  }

  backward(input: Tensor, output: Tensor, gradOutput: Tensor, gradInput: Tensor | null, pass: PassShape): void {
    const [gradGamma, gradBeta] = this.gradients as [Tensor, Tensor];
    if (!gradInput) this.unusedGradInput ??= this.backend.tensor(pass.rows * this.outputs, 'unused batch-norm input gradient');
    const gradIn = gradInput ?? this.unusedGradInput!;
    this.backend.batchNormBackward(this.tensors(input, output), { gradOut: gradOutput, gradIn, gradGamma, gradBeta }, imageShape(this.input, pass.rows), pass.training);
  }

  dispose(): void {
    for (const t of [this.runningMean, this.runningVar, this.saved, this.unusedGradInput]) if (t) this.backend.release(t);
  }
}
