import { describe, expect, it } from 'vitest';
import { CpuBackend } from '../../cpu/cpu-backend';
import { acquireDevice } from '../../gpu/device';
import { GpuBackend } from '../../gpu/gpu-backend';
import { nodeGpu } from '../../testing/node-webgpu';
import { trainFrozenSteps } from '../../testing/frozen-stage';

const same = (a: Float32Array, b: Float32Array) => a.length === b.length && a.every((v, i) => Object.is(v, b[i]));

describe('the frozen stage on the GPU', () => {
  it('keeps the body conv weights bit for bit, trains the head and batch norms, and agrees with the CPU twin', async () => {
    const { device, description } = await acquireDevice(nodeGpu());
    const gpu = new GpuBackend(device, description);
    const { layers, before, after } = await trainFrozenSteps(gpu, 'frozen', 4);
    const cpu = await trainFrozenSteps(new CpuBackend(), 'frozen', 4);
    layers.forEach((layer, i) => {
      if (layer.kind === 'conv2d') expect(same(before[i]!, after[i]!), `layer ${i} (conv2d) changed`).toBe(true);
      if (layer.kind === 'batchnorm' || layer.kind === 'linear') expect(same(before[i]!, after[i]!), `layer ${i} (${layer.kind}) stayed`).toBe(false);
      const gap = after[i]!.reduce((worst, v, j) => Math.max(worst, Math.abs(v - cpu.after[i]![j]!)), 0);
      expect(gap, `layer ${i} (${layer.kind}): GPU vs CPU`).toBeLessThan(1e-3);
    });
    gpu.dispose();
  });
});
