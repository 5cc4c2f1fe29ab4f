/**
 * What every kernel check is made of: the check's shape, its random inputs, uploads, poisoned
 * outputs, and the read-back comparison. Apart from the table (kernel-checks.ts), so the
 * files of checks it lists import these without importing the table.
 *
 * @example
 * // given: const backend: Backend, random: TestRandom, reference: Float64Array
 * const x = upload(backend, random.floats(65), 'x');
 * const out = poisoned(backend, 65, 'out');
 * return finish(backend, [out], [reference], [x, out]);
 */
import type { Backend, Tensor } from '../backend';
import { RandomStream } from '../cpu/rng';
import { compare, concat, type Comparison } from './compare';

/** ‖out − ref‖ / ‖ref‖ must stay under this. */
export const TOLERANCE = 1e-5;

export interface KernelCheck {
  kernel: string;
  name: string;
  /** Where the WGSL built-ins the kernel calls are specified looser than TOLERANCE (sin: 2⁻¹¹ absolute). */
  tolerance?: number;
  run(backend: Backend, random: TestRandom): Promise<Comparison>;
}

/** Random test inputs from the project's own generator, so a failing seed can be replayed. */
export class TestRandom {
  private readonly stream: RandomStream;
  constructor(readonly seed: number) {
    this.stream = new RandomStream({ seed, stream: 0xc0ffee, counter: 0 });
  }
  floats(count: number, lo = -1, hi = 1): Float32Array {
    return Float32Array.from({ length: count }, () => lo + (hi - lo) * this.stream.nextUnit());
  }
  labels(count: number, classes: number): Uint32Array {
    return Uint32Array.from({ length: count }, () => this.stream.nextBelow(classes));
  }
  below(bound: number): number {
    return this.stream.nextBelow(bound);
  }
}

export function upload(backend: Backend, data: Float32Array | Uint32Array, label: string): Tensor {
  const tensor = backend.tensor(data.length, label, data instanceof Uint32Array ? 'u32' : 'f32');
  backend.write(tensor, data);
  return tensor;
}

export function poisoned(backend: Backend, length: number, label: string): Tensor {
  return upload(backend, new Float32Array(length).fill(NaN), label);
}

/** An optimizer's buffers from these values, with `models` cleared non-finite flags. */
export function uploadOptimizer(
  backend: Backend,
  values: { w: Float32Array; g: Float32Array; m: Float32Array; v: Float32Array; schedule: Float32Array },
  models: number,
) {
  return {
    weights: upload(backend, values.w, 'weights'),
    grads: upload(backend, values.g, 'grads'),
    moment1: upload(backend, values.m, 'moment1'),
    moment2: upload(backend, values.v, 'moment2'),
    schedule: upload(backend, values.schedule, 'schedule'),
    nonFinite: upload(backend, new Uint32Array(models), 'non-finite'),
  };
}

/**
 * Reads every output, releases every tensor made for the check, and compares. A non-finite
 * flag tensor, when given, must have stayed all 0: each raised flag counts as a bad element.
 */
export async function finish(
  backend: Backend,
  outputs: Tensor[],
  refs: ArrayLike<number>[],
  made: Tensor[],
  nonFinite?: Tensor,
): Promise<Comparison> {
  const values = await Promise.all(outputs.map((t) => backend.read(t)));
  const raised = nonFinite ? (await backend.readWords(nonFinite)).filter((flag) => flag !== 0).length : 0;
  for (const t of made) backend.release(t);
  const comparison = compare(concat(values), concat(refs));
  return { ...comparison, badElements: comparison.badElements + raised };
}

/**
 * An output's float64 reference, and for a sum the sum of its terms' magnitudes to measure the
 * error against: float32 can hold a sum's error to a small part of that, not of a result that
 * cancels to nearly 0 (one channel's Σ dy over 25 pixels, say).
 */
export type Reference = ArrayLike<number> | { values: ArrayLike<number>; scale: ArrayLike<number> };

/**
 * As finish, but each output compared on its own and the worst reported: a small output
 * (a bias gradient, a channel's statistics) beside a large one would vanish in a joint norm.
 */
export async function finishEach(backend: Backend, outputs: Tensor[], refs: Reference[], made: Tensor[]): Promise<Comparison> {
  const values = await backend.readRanges(outputs.map((tensor) => ({ tensor })));
  for (const t of made) backend.release(t);
  const comparisons = values.map((v, i) => {
    const ref = refs[i]!;
    return 'scale' in ref ? compare(v, ref.values, ref.scale) : compare(v, ref);
  });
  return {
    relativeError: Math.max(...comparisons.map((c) => c.relativeError)),
    badElements: comparisons.reduce((sum, c) => sum + c.badElements, 0),
  };
}
