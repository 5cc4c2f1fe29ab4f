import { describe, expect, it } from 'vitest';
import type { Dataset } from '../types';
import { checkPhotoSet, photoSplit, PhotoSetError } from './photo-set';

/** A set of `counts[c]` blank 28 × 28 photos of each class c. */
function photos(counts: number[], names = counts.map((_, c) => `class ${c}`)): Dataset {
  const labels = Float32Array.from(counts.flatMap((n, c) => Array<number>(n).fill(c)));
  return { features: new Float32Array(labels.length * 784), rows: labels.length, featureCount: 784, labels, task: 'classification', classCount: counts.length, classNames: names, imageShape: { channels: 1, height: 28, width: 28 } } as Dataset;
}

describe('a set of the learner’s photos', () => {
  it.each([
    ['a table, not photos', { ...photos([5, 5]), imageShape: undefined }, /needs photos made 28 × 28/],
    ['one class', photos([9], ['teddy']), /at least 2 classes; you have 1 \(teddy\)/],
    ['eleven classes', photos(Array<number>(11).fill(5)), /Up to 10 classes/],
    ['a class with no photos and one with four', photos([5, 0, 4], ['grizzly', 'black', 'teddy']), /at least 5 photos .*: “black” has 0, “teddy” has 4\./],
  ])('refuses %s', (_, data, message) => {
    expect(() => checkPhotoSet(data as Dataset)).toThrow(PhotoSetError);
    expect(() => checkPhotoSet(data as Dataset)).toThrow(message);
  });

  it('takes two to ten classes of five photos or more', () => {
    expect(() => checkPhotoSet(photos([5, 5]))).not.toThrow();
    expect(() => checkPhotoSet(photos(Array<number>(10).fill(7)))).not.toThrow();
  });

  it('keeps a fifth of each class (at least one) aside, drawn from the seed, every photo once', () => {
    const { labels } = photos([20, 5, 7]);
    const split = photoSplit(labels, 3, 4);
    const aside = [0, 1, 2].map((c) => split.valid.filter((r) => labels[r] === c).length);
    expect(aside).toEqual([4, 1, 1]);
    expect([...split.train, ...split.valid].sort((a, b) => a - b)).toEqual(Array.from({ length: 32 }, (_, i) => i));
    expect(photoSplit(labels, 3, 4)).toEqual(split);
    expect(photoSplit(labels, 3, 5).valid).not.toEqual(split.valid);
  });
});
