import { describe, expect, it } from 'vitest';
import { PIECE_LENGTH } from '../../cpu/in-pieces';
import { defaultConfig } from '../config';
import type { RunConfig } from '../types';
import { FASHION_CLASSES, idxDataset, loadFashion, prepareImages, type ImageDataset } from './fashion';

/** Rows per class of a label column. */
function perClass(labels: Float32Array, classes = 10): number[] {
  const counts = new Array<number>(classes).fill(0);
  for (const label of labels) counts[label]!++;
  return counts;
}

/** Whether two float arrays hold the same values: a loop, as toEqual takes seconds over millions of elements. */
function same(a: Float32Array, b: Float32Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

// Any table scenario's settings: what matters here is train-size, imbalance, oversample and the seed.
const config = (change: Partial<RunConfig> = {}): RunConfig => ({ ...defaultConfig('digits'), ...change });

describe('the shipped Fashion-MNIST subset, read from disk', async () => {
  const fashion = await loadFashion();
  const valid = fashion.valid!;

  it('has 5,000 training images, 500 a class, and 1,000 test images, 100 a class', () => {
    expect(fashion).toMatchObject({ rows: 5000, featureCount: 784, classCount: 10, task: 'classification' });
    expect(valid).toMatchObject({ rows: 1000, featureCount: 784, classCount: 10 });
    expect([fashion.features.length, valid.features.length]).toEqual([5000 * 784, 1000 * 784]);
    expect(perClass(fashion.labels)).toEqual(new Array(10).fill(500));
    expect(perClass(valid.labels)).toEqual(new Array(10).fill(100));
  });

  it('names the ten classes and gives the images as 1 × 28 × 28', () => {
    expect(fashion.classNames).toEqual(['T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle boot']);
    expect(valid.classNames).toEqual(fashion.classNames);
    expect(fashion.imageShape).toEqual({ channels: 1, height: 28, width: 28 });
  });

  it('scales pixels to [0, 1], with both ends reached', () => {
    for (const set of [fashion, valid]) {
      let [lo, hi] = [Infinity, -Infinity];
      for (const v of set.features) [lo, hi] = [Math.min(lo, v), Math.max(hi, v)];
      expect([lo, hi]).toEqual([0, 1]);
    }
  });

  it('keeps the files’ order: the first training image is an ankle boot with 73 at row 3, column 16', () => {
    expect(fashion.labels.slice(0, 10)).toEqual(Float32Array.of(9, 0, 0, 3, 0, 2, 7, 2, 5, 5));
    expect(fashion.features[3 * 28 + 16]).toBe(Math.fround(73 / 255));
    expect(fashion.features[3 * 28 + 12]).toBe(Math.fround(1 / 255));
    expect(fashion.features[14 * 28 + 14]).toBe(Math.fround(217 / 255));
    // The second image (a T-shirt) starts 784 values on.
    expect(fashion.features[784 + 14 * 28 + 14]).toBe(Math.fround(204 / 255));
    expect(valid.labels.slice(0, 10)).toEqual(Float32Array.of(9, 2, 1, 1, 6, 1, 4, 6, 5, 7));
    expect(valid.features[14 * 28 + 14]).toBe(Math.fround(110 / 255));
  });

  it('is fetched once: a second load is the same data', async () => {
    expect(await loadFashion()).toBe(fashion);
  });

  describe('prepared for a run', () => {
    it('trains on every training image and validates on every test image, in the test file’s order', async () => {
      const prepared = await prepareImages(fashion, config());
      expect([prepared.train.rows, prepared.valid.rows]).toEqual([5000, 1000]);
      expect(prepared).toMatchObject({ featureCount: 784, classCount: 10, trainFraction: 1, availableTrainRows: 5000, imageShape: fashion.imageShape });
      expect(prepared.valid.labels).toEqual(valid.labels);
      expect(same(prepared.valid.features, valid.features)).toBe(true);
      expect(perClass(prepared.train.labels)).toEqual(new Array(10).fill(500));
    });

    it('shuffles the training images by the seed, the same way every time', async () => {
      const [a, b, c] = await Promise.all([1, 1, 2].map((seed) => prepareImages(fashion, config({ seed, trainSize: 300 }))));
      expect(a!.train.labels).toEqual(b!.train.labels);
      expect(same(a!.train.features, b!.train.features)).toBe(true);
      expect(c!.train.labels).not.toEqual(a!.train.labels);
      expect(same(c!.valid.features, a!.valid.features)).toBe(true);
    });

    it('cuts the training images to train-size, and says what fraction it used', async () => {
      const prepared = await prepareImages(fashion, config({ trainSize: 1000 }));
      expect([prepared.train.rows, prepared.valid.rows]).toEqual([1000, 1000]);
      expect(prepared.trainFraction).toBe(0.2);
      // A seeded shuffle of 5,000: every class is there.
      expect(perClass(prepared.train.labels).every((n) => n > 50)).toBe(true);
    });

    it('thins the minority class by imbalance in training only, and oversampling restores the balance', async () => {
      const thinned = await prepareImages(fashion, config({ imbalance: 10 }));
      const counts = perClass(thinned.train.labels);
      // Every class has 500, so the first is the minority: 500 / 10 of it are left.
      expect(counts).toEqual([50, ...new Array(9).fill(500)]);
      expect(perClass(thinned.valid.labels)).toEqual(new Array(10).fill(100));
      const balanced = await prepareImages(fashion, config({ imbalance: 10, oversample: true }));
      expect(perClass(balanced.train.labels)).toEqual(new Array(10).fill(500));
      expect(balanced.valid.rows).toBe(1000);
    });
  });
});

describe('image data sets', () => {
  const set = { count: 3, height: 2, width: 2, pixels: Uint8Array.of(0, 255, 51, 102, 1, 2, 3, 4, 5, 6, 7, 8), labels: Uint8Array.of(0, 1, 1) };

  it('scale an IDX set’s pixels to [0, 1]', async () => {
    const data = await idxDataset(set, ['a', 'b']);
    expect(data).toMatchObject({ rows: 3, featureCount: 4, classCount: 2, imageShape: { channels: 1, height: 2, width: 2 } });
    expect(Array.from(data.features.slice(0, 4))).toEqual([0, 1, 0.2, 0.4].map(Math.fround));
  });

  it('scale a set of several pieces’ pixels (PIECE_LENGTH) as one', async () => {
    const [height, width] = [1024, 700];
    const pixels = Uint8Array.from({ length: 3 * height * width }, (_, i) => (i * 7) % 256);
    const data = await idxDataset({ count: 3, height, width, pixels, labels: Uint8Array.of(0, 1, 0) }, ['a', 'b']);
    expect(pixels.length).toBeGreaterThan(2 * PIECE_LENGTH);
    expect(data.features.length).toBe(pixels.length);
    expect(data.features.every((v, i) => v === Math.fround(pixels[i]! / 255))).toBe(true);
  });

  it('refuse a label past the classes', async () => {
    await expect(idxDataset(set, ['a'], 'The test set')).rejects.toThrow("The test set's image 1 has label 1, but there are only 1 classes (0–0).");
  });

  it('without a validation set of their own are split 80/20 by the seed', async () => {
    const images: ImageDataset = { ...(await idxDataset({ ...set, count: 10, pixels: new Uint8Array(40), labels: new Uint8Array(10) }, FASHION_CLASSES)) };
    const prepared = await prepareImages(images, config());
    expect([prepared.train.rows, prepared.valid.rows]).toEqual([8, 2]);
    expect(prepared.imageShape).toEqual({ channels: 1, height: 2, width: 2 });
  });

  it('refuse a validation set of another size', async () => {
    const train = await idxDataset(set, ['a', 'b']);
    const valid = await idxDataset({ ...set, count: 1, height: 3, width: 1, pixels: new Uint8Array(3), labels: new Uint8Array(1) }, ['a', 'b']);
    await expect(prepareImages({ ...train, valid }, config())).rejects.toThrow('Images of 1 × 2 × 2 need 4 features a row; the training set has 4, the validation set 3.');
  });
});
