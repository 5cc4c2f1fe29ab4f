/**
 * A block is one step of the walk Sequential takes down a layer list: a linear layer with the
 * activation after it (one matrix-product kernel), or one image layer. Each says what it
 * hands on, which parameters it trains (laid out by Sequential in one flat buffer), and
 * records its forward and backward on the backend.
 *
 * @example
 * // given: const block: Block, backend: Backend, x: Tensor, y: Tensor, gy: Tensor, gx: Tensor
 * block.forward(x, y, { rows: 64, inputStride: 0, active: 1, training: true });
 * block.backward(x, y, gy, gx, { rows: 64, inputStride: 0, active: 1, training: true });
 */
import type { Activation, Tensor } from '../../../backend';

/** How a trained parameter starts: PyTorch's kaiming_uniform_(a=√5) (uniform in ±1/√fanIn), or a constant. */
export type ParameterStart = { readonly uniformFanIn: number } | { readonly constant: number };

export interface ParameterSlot {
  readonly length: number;
  readonly start: ParameterStart;
  /** A weight penalty applies to it (weights, not biases or a batch norm's scale and shift). */
  readonly penalized: boolean;
  readonly label: string;
}

/** Where one pass runs: `rows` rows of each of the first `active` models, model m's input m·inputStride in (0: shared). */
export interface PassShape {
  rows: number;
  inputStride: number;
  active: number;
  /** Batch norms use and update the batch's statistics; in evaluation, their running ones. */
  training: boolean;
  /** Replaces the last block's activation (a sigmoid for a binary model's probabilities). */
  output?: Activation;
}

export interface Block {
  /** Values a row of its output holds (per model). */
  readonly outputs: number;
  /** Its trained parameters, in the order Sequential lays them out. */
  readonly slots: readonly ParameterSlot[];
  /** The slices of every model's copy of each slot (parameterCount apart), once laid out. */
  bind(parameters: Tensor[], gradients: Tensor[], parameterStride: number): void;
  forward(input: Tensor, output: Tensor, pass: PassShape): void;
  /** From ∂L/∂output: its parameters' gradients (written, not added) and, when asked, ∂L/∂input. */
  backward(input: Tensor, output: Tensor, gradOutput: Tensor, gradInput: Tensor | null, pass: PassShape): void;
  /** Buffers of its own (a batch norm's running statistics): reset to their start. */
  reset?(): void;
  /** Those buffers, which a saved model keeps beside the parameters (a batch norm's running mean, then variance). */
  readonly state?: readonly Tensor[];
  dispose?(): void;
}
