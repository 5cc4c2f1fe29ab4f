/**
 * Checks of augment.wgsl (Backend.augmentImages) on NCHW batches of awkward sizes: batch 1, 3
 * and 65; channels 1 and 3; sides 5, 28 and 31, and non-square; shifts of 0, 2, and more than
 * the image is wide; flips on and off; a step past the first epoch and counters that wrap
 * 2³². The reference moves each source pixel forward to where the flip and shift take it
 * (the kernel pulls each output pixel from its source instead), from the Philox words
 * themselves. It is a pure data movement, so every backend must match it exactly. Every
 * output starts poisoned with one spare element past its end, which must stay so.
 * A last check reads the draws back out of the pixels of many images: the flip rate ½ and
 * every shift equally often.
 *
 * @example
 * import { TestRandom } from './check-kit';
 * // given: const backend: Backend
 * for (const check of augmentChecks()) console.log(check.name, await check.run(backend, new TestRandom(1)));
 */
import type { AugmentSettings, Backend, ImageShape, RandomPosition } from '../backend';
import { philox4x32 } from '../cpu/rng';
import { poisoned, upload, type KernelCheck, type TestRandom } from './check-kit';
import { compare, type Comparison } from './compare';

/** Exact: the least relative error above 0 fails. */
const EXACT = Number.MIN_VALUE;

interface AugmentCase {
  shape: ImageShape;
  settings: AugmentSettings;
  stepsPerEpoch: number;
  step: number;
  counter: number;
}

const CASES: AugmentCase[] = [
  { shape: { batch: 1, channels: 1, height: 5, width: 5 }, settings: { flip: true, maxShift: 2 }, stepsPerEpoch: 1, step: 0, counter: 0 },
  { shape: { batch: 3, channels: 3, height: 28, width: 28 }, settings: { flip: true, maxShift: 2 }, stepsPerEpoch: 3, step: 4, counter: 17 },
  { shape: { batch: 65, channels: 1, height: 28, width: 28 }, settings: { flip: true, maxShift: 2 }, stepsPerEpoch: 2, step: 3, counter: 0 },
  { shape: { batch: 3, channels: 3, height: 31, width: 31 }, settings: { flip: false, maxShift: 2 }, stepsPerEpoch: 2, step: 1, counter: 5 },
  { shape: { batch: 65, channels: 3, height: 5, width: 5 }, settings: { flip: true, maxShift: 0 }, stepsPerEpoch: 1, step: 2, counter: 0 },
  { shape: { batch: 1, channels: 3, height: 31, width: 28 }, settings: { flip: false, maxShift: 0 }, stepsPerEpoch: 4, step: 6, counter: 0 },
  // Shifts wider than the image: some images come out all zeros.
  { shape: { batch: 65, channels: 1, height: 5, width: 31 }, settings: { flip: true, maxShift: 7 }, stepsPerEpoch: 1, step: 0, counter: 3 },
  // Image counters that pass 2³² within the batch: the draws wrap as u32 arithmetic does.
  { shape: { batch: 3, channels: 1, height: 28, width: 28 }, settings: { flip: true, maxShift: 2 }, stepsPerEpoch: 2, step: 3, counter: 0xffffffff - 10 },
];

/** Image k's flip and shift, read from its Philox block here rather than through cpu/augment.ts. */
function draws(at: RandomPosition, k: number, { flip, maxShift }: AugmentSettings): { flip: boolean; dx: number; dy: number } {
  const [w0, w1, w2] = philox4x32([k >>> 0, 0, 0, 0], [at.seed, at.stream]);
  // Of the 2·maxShift + 1 shifts, the one whose share of [0, 2²⁴) holds the word's top 24 bits.
  const shift = (word: number) => Math.floor(((word >>> 8) / 2 ** 24) * (2 * maxShift + 1)) - maxShift;
  return { flip: flip && w0 >= 2 ** 31, dx: shift(w1), dy: shift(w2) };
}

/** The batch in float64: each source pixel carried forward to its place, everything else 0, then the spare NaN. */
function reference(source: Float32Array, order: Uint32Array, c: AugmentCase, at: RandomPosition): Float64Array {
  const { batch, channels, height, width } = c.shape;
  const out = new Float64Array(batch * channels * height * width + 1);
  out[out.length - 1] = NaN;
  for (let i = 0; i < batch; i++) {
    const row = order[(c.step % c.stepsPerEpoch) * batch + i]!;
    const { flip, dx, dy } = draws(at, at.counter + c.step * batch + i, c.settings);
    for (let ch = 0; ch < channels; ch++) {
      for (let y = 0; y < height; y++) {
        for (let x = 0; x < width; x++) {
          const [ty, tx] = [y + dy, (flip ? width - 1 - x : x) + dx];
          if (ty < 0 || ty >= height || tx < 0 || tx >= width) continue;
          out[((i * channels + ch) * height + ty) * width + tx] = source[((row * channels + ch) * height + y) * width + x]!;
        }
      }
    }
  }
  return out;
}

const caseName = ({ shape: s, settings, stepsPerEpoch, step }: AugmentCase) =>
  `${s.batch}×${s.channels}×${s.height}×${s.width}, ${settings.flip ? 'flip' : 'no flip'}, shift ≤ ${settings.maxShift}, step ${step} of ${stepsPerEpoch} an epoch`;

function exactChecks(): KernelCheck[] {
  return CASES.map((c) => ({
    kernel: 'augment_images',
    name: `augment_images ${caseName(c)}`,
    tolerance: EXACT,
    async run(backend, random) {
      const { batch, channels, height, width } = c.shape;
      const sourceImages = batch * c.stepsPerEpoch + 2;
      const source = random.floats(sourceImages * channels * height * width);
      const order = random.labels(batch * c.stepsPerEpoch, sourceImages);
      const at = { seed: random.below(2 ** 31), stream: 10, counter: c.counter };
      const [st, ot, out] = [upload(backend, source, 'images'), upload(backend, order, 'order'), poisoned(backend, batch * channels * height * width + 1, 'batch')];
      backend.setStep(c.step);
      backend.augmentImages(st, ot, out, c.shape, c.stepsPerEpoch, c.settings, at);
      const got = await backend.read(out);
      for (const t of [st, ot, out]) backend.release(t);
      return compare(got, reference(source, order, c, at));
    },
  }));
}

/** Images whose pixels are 1, 2, 3, … row by row: any output pixel inside says where it came from. */
const SIDE = 9;
const STATISTICS_IMAGES = 4096;

/**
 * Many 9×9 images each augmented once, their draws read back from the pixels at the centre
 * and just right of it (always inside, for shifts of at most 2). Judged by the worst count
 * (flipped, and each of the 5 values of dx and of dy) against its expectation, in units of
 * 5 standard deviations: under 1 passes, and a value never drawn is far over.
 */
function statisticsCheck(): KernelCheck {
  const settings: AugmentSettings = { flip: true, maxShift: 2 };
  const shape: ImageShape = { batch: STATISTICS_IMAGES, channels: 1, height: SIDE, width: SIDE };
  return {
    kernel: 'augment_images (in 5σ)',
    name: `augment_images flips half of ${STATISTICS_IMAGES} images and shifts them by each of −2…2 alike`,
    tolerance: 1,
    async run(backend: Backend, random: TestRandom): Promise<Comparison> {
      const plane = SIDE * SIDE;
      const source = Float32Array.from({ length: STATISTICS_IMAGES * plane }, (_, k) => (k % plane) + 1);
      const order = Uint32Array.from({ length: STATISTICS_IMAGES }, (_, i) => i);
      const [st, ot, out] = [upload(backend, source, 'images'), upload(backend, order, 'order'), poisoned(backend, STATISTICS_IMAGES * plane, 'batch')];
      backend.setStep(0);
      backend.augmentImages(st, ot, out, shape, 1, settings, { seed: random.below(2 ** 31), stream: 10, counter: 0 });
      const got = await backend.read(out);
      for (const t of [st, ot, out]) backend.release(t);
      const centre = (SIDE >> 1) * SIDE + (SIDE >> 1);
      const [dxs, dys] = [new Array<number>(5).fill(0), new Array<number>(5).fill(0)];
      let [flips, unreadable] = [0, 0];
      for (let i = 0; i < STATISTICS_IMAGES; i++) {
        // Where the centre pixel and its right neighbour came from: flipped when the neighbour came from further left.
        const [here, right] = [got[i * plane + centre]! - 1, got[i * plane + centre + 1]! - 1];
        const flip = right % SIDE < here % SIDE;
        const dy = (SIDE >> 1) - Math.floor(here / SIDE);
        const dx = flip ? (here % SIDE) - (SIDE >> 1) : (SIDE >> 1) - (here % SIDE);
        if (!Number.isInteger(here) || !Number.isInteger(right) || Math.abs(dx) > 2 || Math.abs(dy) > 2) {
          unreadable++;
          continue;
        }
        if (flip) flips++;
        dxs[dx + 2]!++;
        dys[dy + 2]!++;
      }
      const n = STATISTICS_IMAGES;
      // A binomial count's deviation from n·p in units of 5 standard deviations.
      const deviation = (count: number, p: number) => Math.abs(count - n * p) / (5 * Math.sqrt(n * p * (1 - p)));
      const worst = Math.max(deviation(flips, 0.5), ...dxs.map((count) => deviation(count, 0.2)), ...dys.map((count) => deviation(count, 0.2)));
      return { relativeError: worst, badElements: unreadable };
    },
  };
}

export function augmentChecks(): KernelCheck[] {
  return [...exactChecks(), statisticsCheck()];
}
