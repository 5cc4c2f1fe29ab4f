/**
 * The layer vocabulary. A model is data: a list of layers with their shapes, which a backend
 * trains by walking it (sequential.ts). The line, the MLPs and the planar nets are all such
 * lists (builders.ts); a new kind of layer is a new member of `Layer` here, its shape rule in
 * `layerOutputs`, and its forward and backward where sequential.ts walks the list.
 *
 * @example
 * const layers: Layer[] = mlpLayers(64, [128], 10);
 * // [linear 64→128, relu, linear 128→10]
 * const stages = fusedStages(layers);           // [{ 64→128, relu }, { 128→10, linear }]
 * const weights = parameterCount(layers);       // 64·128 + 128 + 128·10 + 10
 */
import type { Activation } from '../../backend';

/** A photo's size: channels × height × width, its pixels stored channel-first (NCHW, PyTorch's order). */
export interface ImageSize {
  channels: number;
  height: number;
  width: number;
}

/** y = x·W (+ b), W inputs × outputs, row-major: PyTorch's nn.Linear with W transposed. */
export interface LinearLayer {
  readonly kind: 'linear';
  readonly inputs: number;
  readonly outputs: number;
  readonly bias: boolean;
}

/** An elementwise nonlinearity on the previous layer's output. */
export interface ActivationLayer {
  readonly kind: 'activation';
  readonly fn: Exclude<Activation, 'linear'>;
}

/** nn.Conv2d(channelsIn, channels, kernel, padding=kernel // 2): stride 1, the picture keeps its size. */
export interface Conv2dLayer {
  readonly kind: 'conv2d';
  /** Its input: channelsIn × height × width. */
  readonly input: ImageSize;
  /** Output channels. */
  readonly channels: number;
  readonly kernel: 1 | 3 | 5;
  readonly bias: boolean;
}

/** nn.BatchNorm2d(channels): batch statistics while training, running ones in evaluation; momentum 0.1, ε 1e-5. */
export interface BatchNormLayer {
  readonly kind: 'batchnorm';
  readonly input: ImageSize;
}

/** nn.MaxPool2d(2): each 2 × 2 window's largest value; an odd last row or column dropped. */
export interface MaxPoolLayer {
  readonly kind: 'maxpool';
  readonly input: ImageSize;
}

/** nn.AdaptiveAvgPool2d(1) then flatten: each channel's mean, `channels` values a photo. */
export interface GlobalAvgPoolLayer {
  readonly kind: 'global-avg-pool';
  readonly input: ImageSize;
}

/** nn.Flatten: an image's values as one row, in the order they are stored (NCHW): nothing to compute. */
export interface FlattenLayer {
  readonly kind: 'flatten';
  readonly input: ImageSize;
}

export type ImageLayer = Conv2dLayer | BatchNormLayer | MaxPoolLayer | GlobalAvgPoolLayer | FlattenLayer;
export type Layer = LinearLayer | ActivationLayer | ImageLayer;

/** What a layer hands on, per row (per photo): a width, or an image. */
export function layerOutput(layer: ImageLayer): ImageSize | number {
  const { input } = layer;
  switch (layer.kind) {
    case 'conv2d':
      return { ...input, channels: layer.channels };
    case 'batchnorm':
      return input;
    case 'maxpool':
      return { channels: input.channels, height: Math.floor(input.height / 2), width: Math.floor(input.width / 2) };
    case 'global-avg-pool':
      return input.channels;
    case 'flatten':
      return valuesPerRow(input);
  }
}

/** Values in one row of an output: a width, or channels × height × width. */
export function valuesPerRow(size: ImageSize | number): number {
  return typeof size === 'number' ? size : size.channels * size.height * size.width;
}

/**
 * A model as its builder gives it: the layers, and what a model of this kind does beyond
 * them. Lesson 2's line starts from the notebook's fixed weights, not from a seeded draw, and
 * records its (a, b) every epoch for the views that replay its path.
 */
export interface ModelSpec {
  readonly layers: readonly Layer[];
  /** Weights to start from instead of PyTorch's seeded initialisation (a one-layer model without bias). */
  readonly startWeights?: readonly number[];
  /** Keep the weights after every epoch (StepRecorder.trajectory): line's parameter views. */
  readonly tracksParameters: boolean;
}

/**
 * A linear layer and the activation that follows it, run as one kernel (the matrix product
 * applies it as it writes): how a backend walks the list. `linear` when none follows.
 */
export interface Stage {
  readonly inputs: number;
  readonly outputs: number;
  readonly bias: boolean;
  readonly activation: Activation;
}

/** Hidden linear layers with biases, each followed by the activation (none for 'linear'), then a linear output layer. */
export function mlpLayers(inputs: number, hidden: readonly number[], outputs: number, activation: Activation = 'relu'): Layer[] {
  const widths = [inputs, ...hidden, outputs];
  return widths.slice(1).flatMap((width, l): Layer[] => {
    const linear: LinearLayer = { kind: 'linear', inputs: widths[l]!, outputs: width, bias: true };
    return l < hidden.length && activation !== 'linear' ? [linear, { kind: 'activation', fn: activation }] : [linear];
  });
}

/** The list as stages: each linear layer with the activation after it. Throws on a list no backend can walk. */
export function fusedStages(layers: readonly Layer[]): Stage[] {
  const stages: Stage[] = [];
  for (const layer of layers) {
    if (layer.kind !== 'linear' && layer.kind !== 'activation') throw new Error(`A ${layer.kind} layer is not part of a perceptron's stages.`);
    if (layer.kind === 'linear') {
      const previous = stages.at(-1);
      if (previous && previous.outputs !== layer.inputs) throw new Error(`A linear layer of ${layer.inputs} inputs cannot follow one of ${previous.outputs} outputs.`);
      stages.push({ inputs: layer.inputs, outputs: layer.outputs, bias: layer.bias, activation: 'linear' });
    } else {
      const previous = stages.at(-1);
      if (!previous || previous.activation !== 'linear') throw new Error(`An activation (${layer.fn}) must follow a linear layer.`);
      stages[stages.length - 1] = { ...previous, activation: layer.fn };
    }
  }
  if (stages.length === 0) throw new Error('A model needs at least one linear layer.');
  return stages;
}

/**
 * Multiply-adds of one row through the layers forward: the matrix products and the
 * convolutions, which are nearly all of a step's arithmetic.
 */
export function multiplyAddsPerRow(layers: readonly Layer[]): number {
  return layers.reduce((sum, l) => {
    if (l.kind === 'linear') return sum + l.inputs * l.outputs;
    if (l.kind === 'conv2d') return sum + l.channels * l.input.channels * l.kernel * l.kernel * l.input.height * l.input.width;
    return sum;
  }, 0);
}

/** Whether the list is linear layers and activations alone: a perceptron, whose K copies train in the same dispatches. */
export function isPerceptron(layers: readonly Layer[]): boolean {
  return layers.every((layer) => layer.kind === 'linear' || layer.kind === 'activation');
}

/** The linear layers of the list, in order. */
export function linearLayers(layers: readonly Layer[]): LinearLayer[] {
  return layers.filter((layer): layer is LinearLayer => layer.kind === 'linear');
}

/** Trained weights and biases of one model (a batch norm's scale and shift among them), without a backend's alignment padding. */
export function parameterCount(layers: readonly Layer[]): number {
  return layers.reduce((sum, l) => {
    switch (l.kind) {
      case 'linear':
        return sum + l.inputs * l.outputs + (l.bias ? l.outputs : 0);
      case 'conv2d':
        return sum + l.channels * l.input.channels * l.kernel * l.kernel + (l.bias ? l.channels : 0);
      case 'batchnorm':
        return sum + 2 * l.input.channels;
      default:
        return sum;
    }
  }, 0);
}
