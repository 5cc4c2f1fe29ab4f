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

export type Layer = LinearLayer | ActivationLayer;

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

/** The linear layers of the list, in order. */
export function linearLayers(layers: readonly Layer[]): LinearLayer[] {
  return layers.filter((layer): layer is LinearLayer => layer.kind === 'linear');
}

/** Weights and biases of one model, without the alignment padding a backend adds. */
export function parameterCount(layers: readonly Layer[]): number {
  return linearLayers(layers).reduce((sum, l) => sum + l.inputs * l.outputs + (l.bias ? l.outputs : 0), 0);
}
