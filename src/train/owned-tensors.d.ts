/**
 * The tensors one object made, released together: a model's parameters, a recorder's buffers.
 *
 * @example
 * const owned = new OwnedTensors(backend);
 * const losses = owned.add(backend.tensor(steps, 'losses'));
 * owned.releaseAll();
 */
import type { Backend, Tensor } from '../backend';
export declare class OwnedTensors {
    private readonly backend;
    private readonly tensors;
    constructor(backend: Backend);
    add<T extends Tensor>(tensor: T): T;
    releaseAll(): void;
}
