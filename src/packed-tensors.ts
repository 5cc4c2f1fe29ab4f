/**
 * Several tensors as aligned slices of one, so that a kernel short of binding slots can bind
 * them all as one buffer (the fused linear epochs bind line's four tables this way).
 *
 * @example
 * // given: const backend: Backend, rows: number
 * const { whole, parts: [x, y] } = packTensors(backend, [rows * 2, rows], 'train');
 * backend.release(whole); // the parts go with it
 */
import { SLICE_ALIGNMENT, type Backend, type Tensor } from './backend';

export function packTensors(backend: Backend, lengths: number[], label: string): { whole: Tensor; parts: Tensor[] } {
  const offsets: number[] = [];
  let end = 0;
  for (const length of lengths) {
    offsets.push(end);
    end += Math.ceil(length / SLICE_ALIGNMENT) * SLICE_ALIGNMENT;
  }
  const whole = backend.tensor(Math.max(1, end), label);
  const parts = lengths.map((length, i) => backend.slice(whole, offsets[i]!, length, `${label} ${i}`));
  return { whole, parts };
}
