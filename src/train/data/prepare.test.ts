import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../config';
import { loadCancer, loadDigits } from './builtin';
import { featureStats, prepareData } from './prepare';

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
