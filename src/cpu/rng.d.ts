/**
 * Philox4x32-10 in TypeScript, word for word the generator in shaders/random.wgsl: element j
 * of the stream keyed by (seed, stream) is word j % 4 of philox(counter (j/4, 0, 0, 0)), with
 * j a 32-bit index that wraps (2³² elements a stream).
 * One generator on both backends is what lets a seed mean the same data, weights and
 * shuffles on WebGPU and on the CPU.
 *
 * @example
 * randomWord(42, 0, 7);          // the 8th 32-bit word of seed 42, stream 0
 * uniformFloat(42, 0, 7, -1, 1); // the same element as a float in [-1, 1)
 */
import type { RandomPosition } from '../backend';
/** The four 32-bit words of one Philox4x32-10 block. */
export declare function philox4x32(counter: readonly number[], key: readonly number[]): [number, number, number, number];
/** Element `index` of a stream; indices are 32-bit and wrap, as u32 arithmetic in WGSL does. */
export declare function randomWord(seed: number, stream: number, index: number): number;
/** 24 random bits scaled into [0, 1): exactly representable in float32. */
export declare function unitFloat(word: number): number;
/** lo + (hi − lo)·u rounded as float32 arithmetic rounds it, step by step. */
export declare function uniformFloat(seed: number, stream: number, index: number, lo: number, hi: number): number;
/**
 * A sequential reader over one stream, for set-up work done on the host (shuffles, splits).
 *
 * @example
 * const rng = new RandomStream({ seed: 0, stream: 3, counter: 0 });
 * rng.shuffle([0, 1, 2, 3]);
 */
export declare class RandomStream {
    private index;
    private block;
    private blockIndex;
    private readonly seed;
    private readonly stream;
    constructor(at: RandomPosition);
    nextWord(): number;
    /** Uniform in [0, 1). */
    nextUnit(): number;
    /** An integer in [0, bound), unbiased: words in the last partial copy of [0, bound) are rejected. */
    nextBelow(bound: number): number;
    /** Fisher–Yates, in place. */
    shuffle<T>(items: T[]): T[];
}
