import { beforeAll, describe, expect, it } from 'vitest';
import { ulpDistance } from '../checks/compare';
import { CHI_SQUARE_99_P001, chiSquare, moments } from '../checks/uniformity';
import { randomWord, uniformFloat } from '../cpu/rng';
import { createTestBackend } from '../testing/node-webgpu';
import type { GpuBackend } from './gpu-backend';

describe('Philox4x32-10 in WGSL', () => {
  let backend: GpuBackend;
  beforeAll(async () => {
    backend = await createTestBackend();
  });

  const positions = [
    { seed: 0, stream: 0, counter: 0 },
    { seed: 42, stream: 0, counter: 0 },
    { seed: 42, stream: 3, counter: 1 },
    { seed: 0xffffffff, stream: 7, counter: 4097 },
    { seed: 123456, stream: 1, counter: 0xfffff000 },
  ];

  it.each(positions)('makes the 32-bit words TypeScript makes, bit for bit (seed $seed, stream $stream, counter $counter)', async (at) => {
    const count = 4099;
    const out = backend.tensor(count, 'words', 'u32');
    backend.randomWords({ tensor: out, offset: 0, stride: 1, count }, at);
    const gpu = await backend.readWords(out);
    backend.release(out);
    const cpu = Uint32Array.from({ length: count }, (_, i) => randomWord(at.seed, at.stream, at.counter + i));
    expect(Array.from(gpu)).toEqual(Array.from(cpu));
  });

  it.each(positions)('makes floats within 1 ulp of TypeScript (seed $seed, counter $counter)', async (at) => {
    const count = 10_000;
    const out = backend.tensor(count, 'uniform');
    backend.uniform({ tensor: out, offset: 0, stride: 1, count }, -3, 5, at);
    const gpu = await backend.read(out);
    backend.release(out);
    let worst = 0;
    for (let i = 0; i < count; i++) worst = Math.max(worst, ulpDistance(gpu[i]!, uniformFloat(at.seed, at.stream, at.counter + i, -3, 5)));
    expect(worst).toBeLessThanOrEqual(1);
  });

  it('fills a uniform buffer that passes a 100-bin chi-square with U(a, b) moments', async () => {
    const n = 200_000;
    const [lo, hi] = [-1, 1];
    const out = backend.tensor(n, 'uniform');
    backend.uniform({ tensor: out, offset: 0, stride: 1, count: n }, lo, hi, { seed: 2024, stream: 0, counter: 0 });
    const samples = await backend.read(out);
    backend.release(out);
    expect(chiSquare(samples, lo, hi)).toBeLessThan(CHI_SQUARE_99_P001);
    const { mean, variance } = moments(samples);
    expect(Math.abs(mean)).toBeLessThan(5 * Math.sqrt(1 / 3 / n));
    expect(Math.abs(variance / (1 / 3) - 1)).toBeLessThan(0.02);
  });

  it('differs between seeds and between offsets', async () => {
    const read = async (seed: number, counter: number) => {
      const out = backend.tensor(256, 'words', 'u32');
      backend.randomWords({ tensor: out, offset: 0, stride: 1, count: 256 }, { seed, stream: 0, counter });
      const words = Array.from(await backend.readWords(out));
      backend.release(out);
      return words;
    };
    const base = await read(5, 0);
    expect(await read(6, 0)).not.toEqual(base);
    expect(await read(5, 256)).not.toEqual(base);
  });
});
