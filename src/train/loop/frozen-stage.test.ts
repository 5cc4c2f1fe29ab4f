import { describe, expect, it } from 'vitest';
import { CpuBackend } from '../../cpu/cpu-backend';
import { trainFrozenSteps } from '../../testing/frozen-stage';

const same = (a: Float32Array, b: Float32Array) => a.length === b.length && a.every((v, i) => Object.is(v, b[i]));

describe('the frozen stage on the CPU twin', () => {
  it('keeps the body conv weights bit for bit while the head and the body batch norms train', async () => {
    const { layers, before, after } = await trainFrozenSteps(new CpuBackend(), 'frozen', 4);
    const kinds = layers.map((l) => l.kind);
    kinds.forEach((kind, i) => {
      if (kind === 'conv2d') expect(same(before[i]!, after[i]!), `layer ${i} (conv2d) changed`).toBe(true);
      if (kind === 'batchnorm' || kind === 'linear') expect(same(before[i]!, after[i]!), `layer ${i} (${kind}) stayed`).toBe(false);
    });
    expect(kinds.filter((k) => k === 'conv2d')).toHaveLength(2);
  });

  it('spreads a max-lr slice over the groups: the first block barely moves, the head moves at hi', async () => {
    const { layers, before, after } = await trainFrozenSteps(new CpuBackend(), 'unfrozen', 4, { maxLr: 1e-3, bodyLr: 1e-9 });
    const moved = (i: number) => after[i]!.reduce((worst, v, j) => Math.max(worst, Math.abs(v - before[i]![j]!)), 0);
    const kinds = layers.map((l) => l.kind);
    expect(moved(kinds.indexOf('conv2d'))).toBeGreaterThan(0);
    expect(moved(kinds.indexOf('conv2d'))).toBeLessThan(1e-7);
    expect(moved(kinds.lastIndexOf('linear'))).toBeGreaterThan(1e-5);
  });

  it("reads one max-lr number while fine-tuning as fastai's slice(hi): the body at a tenth of the head's rate", async () => {
    const largest = (after: Float32Array, before: Float32Array) => after.reduce((worst, v, j) => Math.max(worst, Math.abs(v - before[j]!)), 0);
    // Adam moves each weight by about its rate a step, so the first conv's movement follows its group's rate.
    const sliceHi = await trainFrozenSteps(new CpuBackend(), 'unfrozen', 2, { maxLr: 1e-3 });
    const oneRate = await trainFrozenSteps(new CpuBackend(), 'unfrozen', 2, { maxLr: 1e-3, bodyLr: 1e-3 });
    const conv = sliceHi.layers.findIndex((l) => l.kind === 'conv2d');
    const ratio = largest(sliceHi.after[conv]!, sliceHi.before[conv]!) / largest(oneRate.after[conv]!, oneRate.before[conv]!);
    expect(ratio).toBeGreaterThan(0.07);
    expect(ratio).toBeLessThan(0.14);
    const head = sliceHi.layers.length - 1;
    expect(largest(sliceHi.after[head]!, sliceHi.before[head]!) / largest(oneRate.after[head]!, oneRate.before[head]!)).toBeGreaterThan(0.7);
  });

  it('trains every layer when unfrozen', async () => {
    const { layers, before, after } = await trainFrozenSteps(new CpuBackend(), 'unfrozen', 4);
    layers.forEach((l, i) => {
      if (before[i]!.length > 0) expect(same(before[i]!, after[i]!), `layer ${i} (${l.kind}) stayed`).toBe(false);
    });
  });
});
