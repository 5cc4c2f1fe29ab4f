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

const M0 = 0xd2511f53;
const M1 = 0xcd9e8d57;
const W0 = 0x9e3779b9;
const W1 = 0xbb67ae85;

/** The high 32 bits of a 32×32-bit product, from 16-bit halves exactly as the WGSL does it (the low ones are Math.imul's). */
function mulHi(a: number, b: number): number {
  const aLo = a & 0xffff;
  const aHi = a >>> 16;
  const bLo = b & 0xffff;
  const bHi = b >>> 16;
  const loHi = aLo * bHi;
  const hiLo = aHi * bLo;
  const carry = (((aLo * bLo) >>> 16) + (loHi & 0xffff) + (hiLo & 0xffff)) >>> 16;
  return (aHi * bHi + (loHi >>> 16) + (hiLo >>> 16) + carry) >>> 0;
}

/**
 * One Philox4x32-10 block of counter (c0, c1, c2, c3) and key (k0, k1), into `out`. Plain
 * numbers, no array made a round: shuffles and planar data call it thousands of times on the
 * page's thread, where the tuples it once built cost 20 ms of a digits run's first task.
 */
function philoxBlock(c0: number, c1: number, c2: number, c3: number, k0: number, k1: number, out: Uint32Array | number[]): void {
  for (let round = 0; round < 10; round++) {
    const hi0 = mulHi(M0, c0);
    const lo0 = Math.imul(M0, c0) >>> 0;
    const hi1 = mulHi(M1, c2);
    const lo1 = Math.imul(M1, c2) >>> 0;
    c0 = (hi1 ^ c1 ^ k0) >>> 0;
    c1 = lo1;
    c2 = (hi0 ^ c3 ^ k1) >>> 0;
    c3 = lo0;
    k0 = (k0 + W0) >>> 0;
    k1 = (k1 + W1) >>> 0;
  }
  out[0] = c0;
  out[1] = c1;
  out[2] = c2;
  out[3] = c3;
}

/** The four 32-bit words of one Philox4x32-10 block. */
export function philox4x32(counter: readonly number[], key: readonly number[]): [number, number, number, number] {
  const out: [number, number, number, number] = [0, 0, 0, 0];
  philoxBlock(counter[0]! >>> 0, counter[1]! >>> 0, counter[2]! >>> 0, counter[3]! >>> 0, key[0]! >>> 0, key[1]! >>> 0, out);
  return out;
}

/** Block `blockIndex` of stream (seed, stream), kept: consecutive elements read it four times. */
const lastBlock = { seed: -1, stream: -1, index: -1, words: new Uint32Array(4) };

/** Element `index` of a stream; indices are 32-bit and wrap, as u32 arithmetic in WGSL does. */
export function randomWord(seed: number, stream: number, index: number): number {
  const j = index >>> 0;
  const block = j >>> 2;
  seed >>>= 0;
  stream >>>= 0;
  if (lastBlock.index !== block || lastBlock.seed !== seed || lastBlock.stream !== stream) {
    philoxBlock(block, 0, 0, 0, seed, stream, lastBlock.words);
    lastBlock.seed = seed;
    lastBlock.stream = stream;
    lastBlock.index = block;
  }
  return lastBlock.words[j & 3]!;
}

/** 24 random bits scaled into [0, 1): exactly representable in float32. */
export function unitFloat(word: number): number {
  return (word >>> 8) * (1 / 16777216);
}

/** lo + (hi − lo)·u rounded as float32 arithmetic rounds it, step by step. */
export function uniformFloat(seed: number, stream: number, index: number, lo: number, hi: number): number {
  const f = Math.fround;
  const u = unitFloat(randomWord(seed, stream, index));
  return f(f(lo) + f(f(f(hi) - f(lo)) * u));
}

/**
 * A sequential reader over one stream, for set-up work done on the host (shuffles, splits).
 *
 * @example
 * const rng = new RandomStream({ seed: 0, stream: 3, counter: 0 });
 * rng.shuffle([0, 1, 2, 3]);
 */
export class RandomStream {
  private index: number;
  private readonly block = new Uint32Array(4);
  private blockIndex = -1;
  private readonly seed: number;
  private readonly stream: number;

  constructor(at: RandomPosition) {
    this.seed = at.seed >>> 0;
    this.stream = at.stream >>> 0;
    this.index = at.counter >>> 0;
  }

  nextWord(): number {
    const blockIndex = (this.index >>> 0) >>> 2;
    if (blockIndex !== this.blockIndex) {
      philoxBlock(blockIndex, 0, 0, 0, this.seed, this.stream, this.block);
      this.blockIndex = blockIndex;
    }
    const word = this.block[this.index & 3]!;
    this.index = (this.index + 1) >>> 0;
    return word;
  }

  /** Uniform in [0, 1). */
  nextUnit(): number {
    return unitFloat(this.nextWord());
  }

  /** An integer in [0, bound), unbiased: words in the last partial copy of [0, bound) are rejected. */
  nextBelow(bound: number): number {
    const limit = 0x100000000 - (0x100000000 % bound);
    for (;;) {
      const word = this.nextWord();
      if (word < limit) return word % bound;
    }
  }

  /** Fisher–Yates, in place. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.nextBelow(i + 1);
      const item = items[i]!;
      items[i] = items[j]!;
      items[j] = item;
    }
    return items;
  }
}
