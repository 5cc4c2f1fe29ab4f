import { describe, expect, it } from 'vitest';
import { CHI_SQUARE_99_P001, chiSquare, moments } from '../checks/uniformity';
import { philox4x32, randomWord, RandomStream, uniformFloat } from './rng';

const hex = (words: number[]) => words.map((w) => w.toString(16).padStart(8, '0'));

describe('Philox4x32-10 in TypeScript', () => {
  // Known-answer vectors from Random123's kat_vectors (philox4x32 with 10 rounds).
  it('reproduces the Random123 known-answer vectors', () => {
    expect(hex(philox4x32([0, 0, 0, 0], [0, 0]))).toEqual(['6627e8d5', 'e169c58d', 'bc57ac4c', '9b00dbd8']);
    expect(hex(philox4x32([0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff], [0xffffffff, 0xffffffff]))).toEqual([
      '408f276d', '41c83b0e', 'a20bc7c6', '6d5451fd',
    ]);
    expect(hex(philox4x32([0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344], [0xa4093822, 0x299f31d0]))).toEqual([
      'd16cfe09', '94fdcceb', '5001e420', '24126ea1',
    ]);
  });

  it('gives different streams for different seeds, streams and offsets', () => {
    const words = (seed: number, stream: number, from: number) => Array.from({ length: 64 }, (_, i) => randomWord(seed, stream, from + i));
    const base = words(1, 0, 0);
    expect(words(2, 0, 0)).not.toEqual(base);
    expect(words(1, 1, 0)).not.toEqual(base);
    expect(words(1, 0, 64)).not.toEqual(base);
    expect(new Set(base).size).toBe(64);
  });

  it('reads the same words sequentially as by index, from any starting counter', () => {
    const stream = new RandomStream({ seed: 9, stream: 2, counter: 5 });
    const sequential = Array.from({ length: 11 }, () => stream.nextWord());
    expect(sequential).toEqual(Array.from({ length: 11 }, (_, i) => randomWord(9, 2, 5 + i)));
  });

  it.each([
    [0, -1, 1],
    [42, 0, 1],
    [7, 2.5, 10],
  ])('uniform floats of seed %i in [%d, %d) pass a 100-bin chi-square and match U(a, b) moments', (seed, lo, hi) => {
    const n = 100_000;
    const samples = Float64Array.from({ length: n }, (_, i) => uniformFloat(seed, 0, i, lo, hi));
    expect(Math.min(...samples)).toBeGreaterThanOrEqual(lo);
    expect(Math.max(...samples)).toBeLessThan(hi);
    expect(chiSquare(samples, lo, hi)).toBeLessThan(CHI_SQUARE_99_P001);
    const { mean, variance } = moments(samples);
    const expectedVariance = (hi - lo) ** 2 / 12;
    // Five standard errors of the mean; the variance within 2 %.
    expect(Math.abs(mean - (lo + hi) / 2)).toBeLessThan(5 * Math.sqrt(expectedVariance / n));
    expect(Math.abs(variance / expectedVariance - 1)).toBeLessThan(0.02);
  });

  it('shuffles into a permutation, the same one for the same seed', () => {
    const a = new RandomStream({ seed: 3, stream: 1, counter: 0 }).shuffle(Array.from({ length: 50 }, (_, i) => i));
    const b = new RandomStream({ seed: 3, stream: 1, counter: 0 }).shuffle(Array.from({ length: 50 }, (_, i) => i));
    expect(a).toEqual(b);
    expect([...a].sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(a).not.toEqual(Array.from({ length: 50 }, (_, i) => i));
  });
});
