/**
 * The tensors one object made, released together: a model's parameters, a recorder's buffers.
 *
 * @example
 * // given: const backend: Backend, steps: number
 * const owned = new OwnedTensors(backend);
 * const losses = owned.add(backend.tensor(steps, 'losses'));
 * owned.releaseAll();
 */
import type { Backend, Tensor } from '../../backend';

export class OwnedTensors {
  private readonly tensors: Tensor[] = [];

  constructor(private readonly backend: Backend) {}

  add<T extends Tensor>(tensor: T): T {
    this.tensors.push(tensor);
    return tensor;
  }

  releaseAll(): void {
    for (const tensor of this.tensors) this.backend.release(tensor);
    this.tensors.length = 0;
  }
}
