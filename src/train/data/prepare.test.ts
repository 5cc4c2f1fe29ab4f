import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../config';
import { loadCancer, loadDigits } from './builtin';
import { PIECE_LENGTH } from '../../cpu/in-pieces';
import type { Dataset } from '../types';
import { featureStats, prepareData, take, takeInPieces } from './prepare';

const cancer = { ...defaultConfig('cancer'), seed: 3 };

describe('the built-in data sets', async () => {
  it('has the 1,797 digits with pixels in [0, 1] and ten classes', async () => {
    const digits = await loadDigits();
    expect(digits).toMatchObject({ rows: 1797, featureCount: 64, classCount: 10, task: 'classification' });
    expect(Math.max(...digits.features)).toBe(1);
  });

  it('has the 569 cancer rows, 212 malignant (class 0) and 357 benign', async () => {
    const data = (await loadCancer());
    expect(data).toMatchObject({ rows: 569, featureCount: 30, classCount: 2 });
    expect(data.labels.filter((l) => l === 0).length).toBe(212);
    expect(data.classNames).toEqual(['malignant', 'benign']);
  });
});

describe('data preparation', async () => {
  it('splits 80/20 with the seed, the same way every time', async () => {
    const digits = await loadDigits();
    const a = prepareData(digits, { ...defaultConfig('digits'), seed: 1 }, { standardize: false });
    const b = prepareData(digits, { ...defaultConfig('digits'), seed: 1 }, { standardize: false });
    const c = prepareData(digits, { ...defaultConfig('digits'), seed: 2 }, { standardize: false });
    expect([a.train.rows, a.valid.rows]).toEqual([1437, 360]);
    expect(b.valid.features).toEqual(a.valid.features);
    expect(c.valid.features).not.toEqual(a.valid.features);
  });

  it('standardises with training statistics only', async () => {
    const { train, valid, featureCount } = prepareData((await loadCancer()), cancer, { standardize: true });
    const trainStats = featureStats(train, featureCount);
    trainStats.mean.forEach((m) => expect(Math.abs(m)).toBeLessThan(1e-5));
    trainStats.std.forEach((s) => expect(s).toBeCloseTo(1, 4));
    const validStats = featureStats(valid, featureCount);
    expect(validStats.mean.some((m) => Math.abs(m) > 1e-3)).toBe(true);
  });

  it('cuts the training set to train-size and leaves validation alone', async () => {
    const prepared = prepareData((await loadCancer()), { ...cancer, trainSize: 40 }, { standardize: true });
    expect(prepared.train.rows).toBe(40);
    expect(prepared.valid.rows).toBe(114);
    expect(prepared.trainFraction).toBeCloseTo(40 / 455, 10);
  });

  it('keeps 1/imbalance of the minority class, and oversampling copies it back to balance', async () => {
    const count = (labels: Float32Array, c: number) => labels.filter((l) => l === c).length;
    const plain = prepareData((await loadCancer()), cancer, { standardize: false });
    const thinned = prepareData((await loadCancer()), { ...cancer, imbalance: 4 }, { standardize: false });
    const balanced = prepareData((await loadCancer()), { ...cancer, imbalance: 4, oversample: true }, { standardize: false });
    expect(count(thinned.train.labels, 0)).toBe(Math.ceil(count(plain.train.labels, 0) / 4));
    expect(count(thinned.train.labels, 1)).toBe(count(plain.train.labels, 1));
    expect(count(balanced.train.labels, 0)).toBe(count(balanced.train.labels, 1));
    expect(balanced.valid.labels).toEqual(plain.valid.labels);
  });
});

describe('rows taken in pieces', () => {
  it('are the rows take copies, labels with them, across pieces of one row', async () => {
    // Rows longer than half a piece (PIECE_LENGTH): each a piece of its own, the last one short of the others.
    const featureCount = PIECE_LENGTH / 2 + 3;
    const rows = 4;
    const data: Dataset = {
      features: Float32Array.from({ length: rows * featureCount }, (_, i) => i % 9973),
      labels: Float32Array.of(0, 1, 2, 3),
      rows,
      featureCount,
      task: 'classification',
      classCount: 4,
    };
    const order = [2, 0, 3, 2, 1];
    const pieces = await takeInPieces(data, order);
    const whole = take(data, order);
    expect(pieces.rows).toBe(5);
    expect(Array.from(pieces.labels)).toEqual([2, 0, 3, 2, 1]);
    expect(pieces.features.length).toBe(5 * featureCount);
    expect(pieces.features.every((v, i) => v === whole.features[i])).toBe(true);
    // Row 4 of the table is row 1 of the data, its last value included.
    expect(pieces.features[5 * featureCount - 1]).toBe((2 * featureCount - 1) % 9973);
  });
});
