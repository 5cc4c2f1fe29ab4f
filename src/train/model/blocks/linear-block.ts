/**
 * A linear layer and the activation after it, as one matrix product with its epilogue, for
 * K models at once (the model as the grid's z). Its backward turns ∂L/∂y into ∂L/∂z with its
 * own activation's slope, then writes ∂L/∂W, ∂L/∂b and ∂L/∂x.
 *
 * @example
 * // given: const backend: Backend
 * const block = new LinearBlock(backend, { inputs: 64, outputs: 128, bias: true, activation: 'relu' }, 1, 1);   // W1, b1
 */
import type { Backend, Tensor } from '../../../backend';
import type { Stage } from '../layers';
import type { Block, ParameterSlot, PassShape } from './block';

export class LinearBlock implements Block {
  readonly outputs: number;
  readonly slots: ParameterSlot[];
  private weight: Tensor | null = null;
  private bias: Tensor | null = null;
  private weightGrad: Tensor | null = null;
  private biasGrad: Tensor | null = null;
  private parameterStride = 0;
  /** ∂L/∂z when an activation sits between z and y: one buffer per row count, made on first use. */
  private readonly preActivation = new Map<number, Tensor>();

  constructor(
    private readonly backend: Backend,
    readonly stage: Stage,
    private readonly models: number,
    index: number,
  ) {
    this.outputs = stage.outputs;
    const fanIn = { uniformFanIn: stage.inputs };
    this.slots = [{ length: stage.inputs * stage.outputs, start: fanIn, penalized: true, label: `W${index}` }];
    if (stage.bias) this.slots.push({ length: stage.outputs, start: fanIn, penalized: false, label: `b${index}` });
  }

  bind(parameters: Tensor[], gradients: Tensor[], parameterStride: number): void {
    [this.weight, this.bias = null] = parameters as [Tensor, Tensor?];
    [this.weightGrad, this.biasGrad = null] = gradients as [Tensor, Tensor?];
    this.parameterStride = parameterStride;
  }

  forward(input: Tensor, output: Tensor, pass: PassShape): void {
    const { inputs, outputs } = this.stage;
    const P = this.parameterStride;
    this.backend.matmul(input, this.weight!, output, {
      m: pass.rows,
      n: outputs,
      k: inputs,
      bias: this.bias ?? undefined,
      activation: pass.output ?? this.stage.activation,
      batch: { count: pass.active, a: pass.inputStride, b: P, out: pass.rows * outputs, bias: P },
    });
  }

  backward(input: Tensor, output: Tensor, gradOutput: Tensor, gradInput: Tensor | null, pass: PassShape): void {
    const { inputs, outputs, activation } = this.stage;
    const { rows, active } = pass;
    const P = this.parameterStride;
    let grad = gradOutput;
    if (activation !== 'linear') {
      grad = this.preActivationBuffer(rows);
      this.backend.activationBackward(gradOutput, output, grad, active * rows * outputs, activation);
    }
    const gradStride = rows * outputs;
    this.backend.matmul(input, grad, this.weightGrad!, {
      m: inputs,
      n: outputs,
      k: rows,
      transA: true,
      batch: { count: active, a: pass.inputStride, b: gradStride, out: P },
    });
    if (this.biasGrad) this.backend.sumRows(grad, rows, outputs, this.biasGrad, 1, { count: active, out: P });
    if (gradInput) {
      this.backend.matmul(grad, this.weight!, gradInput, {
        m: rows,
        n: inputs,
        k: outputs,
        transB: true,
        batch: { count: active, a: gradStride, b: P, out: rows * inputs },
      });
    }
  }

  private preActivationBuffer(rows: number): Tensor {
    let buffer = this.preActivation.get(rows);
    if (!buffer) {
      buffer = this.backend.tensor(this.models * rows * this.outputs, `${this.slots[0]!.label} pre-activation gradient`);
      this.preActivation.set(rows, buffer);
    }
    return buffer;
  }

  dispose(): void {
    for (const buffer of this.preActivation.values()) this.backend.release(buffer);
    this.preActivation.clear();
  }
}
