/**
 * Several tensors as aligned slices of one, so that a kernel short of binding slots can bind
 * them all as one buffer (the fused linear epochs bind line's four tables this way).
 *
 * @example
 * const { whole, parts: [x, y] } = packTensors(backend, [rows * 2, rows], 'train');
 * backend.release(whole); // the parts go with it
 */
import { type Backend, type Tensor } from './backend';
export declare function packTensors(backend: Backend, lengths: number[], label: string): {
    whole: Tensor;
    parts: Tensor[];
};
