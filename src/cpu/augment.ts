/**
 * The TypeScript twin of shaders/augment.wgsl: a mini-batch of images gathered through the
 * epoch's order, each flipped and shifted by its own draws. The draws are those the kernel
 * makes, from the same Philox words (rng.ts), so both backends move every pixel alike.
 *
 * @example
 * augmentDraw(0, 10, 5, { flip: true, maxShift: 2 }); // image 5's { flip, dx, dy } for seed 0
 */
import type { AugmentSettings, ImageShape, RandomPosition } from '../backend';
import { philox4x32 } from './rng';

/** One image's transform: flipped left to right or not, then shifted dx columns right and dy rows down. */
export interface AugmentDraw {
  flip: boolean;
  dx: number;
  dy: number;
}

/**
 * Image `image`'s draws: the words of Philox block `image` of the stream (seed, stream), that
 * is its elements 4·image to 4·image + 2. Word 0's top bit flips (probability ½); words 1 and
 * 2 give dx and dy, their top 24 bits scaled to one of the 2·maxShift + 1 whole shifts, exact
 * in 32-bit integers (a bias of at most 2⁻²⁴ per value).
 *
 * @example
 * const { flip, dx, dy } = augmentDraw(42, 10, 0, { flip: true, maxShift: 2 }); // seed 42's first image
 */
export function augmentDraw(seed: number, stream: number, image: number, settings: AugmentSettings): AugmentDraw {
  const [w0, w1, w2] = philox4x32([image >>> 0, 0, 0, 0], [seed >>> 0, stream >>> 0]);
  const m = settings.maxShift;
  const shift = (word: number) => (((word >>> 8) * (2 * m + 1)) >>> 24) - m;
  return { flip: settings.flip && w0 >= 0x80000000, dx: shift(w1), dy: shift(w2) };
}

/**
 * out = the batch of `shape.batch` images at the epoch's step `step`, as Backend.augmentImages
 * gives it: image i is source image order[(step % stepsPerEpoch)·batch + i], drawn with
 * counter at.counter + step·batch + i (mod 2³², as u32 arithmetic in WGSL).
 *
 * @example
 * // given: const images: Float32Array, order: Uint32Array, out: Float32Array, step: number, stepsPerEpoch: number
 * augmentImages(images, order, out, { batch: 64, channels: 1, height: 28, width: 28 }, step, stepsPerEpoch,
 *   { flip: true, maxShift: 2 }, { seed: 0, stream: 10, counter: 0 });
 */
export function augmentImages(
  source: Float32Array,
  order: Uint32Array,
  out: Float32Array,
  shape: ImageShape,
  step: number,
  stepsPerEpoch: number,
  settings: AugmentSettings,
  at: RandomPosition,
): void {
  const { batch, channels, height, width } = shape;
  const plane = height * width;
  const first = (step % stepsPerEpoch) * batch;
  for (let i = 0; i < batch; i++) {
    const counter = (at.counter + Math.imul(step, batch) + i) >>> 0;
    const { flip, dx, dy } = augmentDraw(at.seed, at.stream, counter, settings);
    const row = order[first + i]!;
    for (let c = 0; c < channels; c++) {
      const [from, to] = [(row * channels + c) * plane, (i * channels + c) * plane];
      for (let y = 0; y < height; y++) {
        const sy = y - dy;
        for (let x = 0; x < width; x++) {
          const sx = x - dx;
          const inside = sy >= 0 && sy < height && sx >= 0 && sx < width;
          out[to + y * width + x] = inside ? source[from + sy * width + (flip ? width - 1 - sx : sx)]! : 0;
        }
      }
    }
  }
}
