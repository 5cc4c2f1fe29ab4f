import { describe, expect, it } from 'vitest';
import type { AugmentSettings, ImageShape } from '../backend';
import { augmentDraw, augmentImages } from './augment';
import { CpuBackend } from './cpu-backend';
import { randomWord } from './rng';

const settings: AugmentSettings = { flip: true, maxShift: 2 };
/** Image pixels 1, 2, 3, … so every output pixel says where it came from. */
const counting = (length: number) => Float32Array.from({ length }, (_, k) => k + 1);

describe('augmentation draws', () => {
  it('take image k’s words from the stream’s elements 4k, 4k + 1 and 4k + 2', () => {
    const k = 1234;
    const [w0, w1, w2] = [0, 1, 2].map((j) => randomWord(7, 10, 4 * k + j)) as [number, number, number];
    const shift = (word: number) => Math.floor(((word >>> 8) / 2 ** 24) * 5) - 2;
    expect(augmentDraw(7, 10, k, settings)).toEqual({ flip: w0 >= 2 ** 31, dx: shift(w1), dy: shift(w2) });
  });

  it('never flip or shift when told not to', () => {
    for (let k = 0; k < 200; k++) expect(augmentDraw(3, 10, k, { flip: false, maxShift: 0 })).toEqual({ flip: false, dx: 0, dy: 0 });
  });

  it('stay within ±maxShift and reach both ends', () => {
    const shifts = new Set<number>();
    for (let k = 0; k < 2000; k++) {
      const { dx, dy } = augmentDraw(1, 10, k, { flip: true, maxShift: 3 });
      shifts.add(dx).add(dy);
    }
    expect([...shifts].sort((a, b) => a - b)).toEqual([-3, -2, -1, 0, 1, 2, 3]);
  });
});

describe('augmented batches', () => {
  const shape: ImageShape = { batch: 4, channels: 2, height: 6, width: 5 };
  const size = shape.channels * shape.height * shape.width;
  const source = counting(10 * size);
  const order = Uint32Array.of(9, 0, 3, 3, 1, 2, 5, 8);
  const batchAt = (step: number, at = { seed: 5, stream: 10, counter: 0 }) => {
    const out = new Float32Array(shape.batch * size);
    augmentImages(source, order, out, shape, step, 2, settings, at);
    return out;
  };

  it('are the same for the same seed and step, and differ from step to step and seed to seed', () => {
    expect(batchAt(3)).toEqual(batchAt(3));
    expect(batchAt(3)).not.toEqual(batchAt(1)); // the same rows of the order, new draws
    expect(batchAt(3)).not.toEqual(batchAt(3, { seed: 6, stream: 10, counter: 0 }));
  });

  it('gather the images the order gives, moved whole: a flip and a shift keep each row of pixels in sequence', () => {
    const out = batchAt(1);
    for (let i = 0; i < shape.batch; i++) {
      const { flip, dx, dy } = augmentDraw(5, 10, 1 * shape.batch + i, settings);
      const row = order[shape.batch + i]!;
      // A pixel that stays inside: row 3, column 2 of channel 1, from (3 − dy, 2 − dx) of the source, mirrored when flipped.
      const [sy, sx] = [3 - dy, flip ? shape.width - 1 - (2 - dx) : 2 - dx];
      expect(out[((i * 2 + 1) * 6 + 3) * 5 + 2]).toBe(source[((row * 2 + 1) * 6 + sy) * 5 + sx]);
    }
  });

  it('are what the CPU backend gives at its step', async () => {
    const backend = new CpuBackend();
    const [st, ot, out] = [backend.tensor(source.length, 'images'), backend.tensor(order.length, 'order', 'u32'), backend.tensor(shape.batch * size, 'batch')];
    backend.write(st, source);
    backend.write(ot, order);
    backend.setStep(3);
    backend.augmentImages(st, ot, out, shape, 2, settings, { seed: 5, stream: 10, counter: 0 });
    expect(await backend.read(out)).toEqual(batchAt(3));
  });

  it('refuse a shift that is not a whole number of pixels from 0 to 127', () => {
    const backend = new CpuBackend();
    const t = backend.tensor(1, 't');
    for (const maxShift of [-1, 1.5, 128, NaN]) {
      expect(() => backend.augmentImages(t, t, t, shape, 1, { flip: true, maxShift }, { seed: 0, stream: 10, counter: 0 })).toThrow(/give a whole number from 0 to 127/);
    }
  });
});
