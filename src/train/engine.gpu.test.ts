import { describe, expect, it } from 'vitest';
import { nodeGpu } from '../testing/node-webgpu';
import { DIAGNOSIS_TABLE } from './diagnosis-table';
import { createEngine } from './engine';
import { describeEngine } from './engine-spec';

const webgpu = () => createEngine({ backend: 'webgpu', gpu: nodeGpu() });

describe('the engine on WebGPU', () => {
  it('runs on WebGPU, not on a silent CPU fallback', async () => {
    const engine = await webgpu();
    expect(engine.backend).toBe('webgpu');
    expect(engine.fallbackReason).toBeNull();
  });
  describeEngine(webgpu);
});

describe('the diagnosis table on WebGPU', async () => {
  const engine = await webgpu();
  it.each(DIAGNOSIS_TABLE)('$name is diagnosed $expected', async ({ config, expected }) => {
    const result = await engine.train(config);
    expect(result.backend).toBe('webgpu');
    expect(result.diagnosis.code).toBe(expected);
  });
});

describe('the same seed on both backends', () => {
  it.each([
    { scenario: 'line' as const, schedule: 'constant' as const },
    { scenario: 'cancer' as const, epochs: 5 },
  ])('gives the same run to float32 rounding ($scenario)', async (config) => {
    const [gpu, cpu] = await Promise.all([webgpu(), createEngine({ backend: 'cpu' })]);
    const a = await gpu.train(config);
    const b = await cpu.train(config);
    expect(a.history).toHaveLength(b.history.length);
    a.history.forEach((h, i) => {
      expect(Math.abs(h.validLoss - b.history[i]!.validLoss) / b.history[i]!.validLoss).toBeLessThan(1e-4);
      expect(h.errorRate).toBe(b.history[i]!.errorRate);
    });
    a.params?.forEach((p, i) => expect(Math.abs(p - b.params![i]!)).toBeLessThan(1e-4));
  });
});
