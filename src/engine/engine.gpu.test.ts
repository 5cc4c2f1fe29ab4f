import { describe, expect, it } from 'vitest';
import { nodeGpu } from '../testing/node-webgpu';
import { GpuBackend } from '../gpu/gpu-backend';
import { acquireDevice } from '../gpu/device';
import { randomSettings } from '../testing/random-settings';
import { rightCodes } from '../testing/diagnosis-judge';
import { createEngine } from './create-engine';
import { describeEngine } from './engine-spec';
import { describeBatchEquality } from '../train/loop/batch-spec';
import { describeNumericalFaults } from './fault-spec';
import { describeFashion } from './fashion-spec';
import { describePlanar } from './planar-spec';
import { describeModels } from './model-spec';
import { describePhotos } from './photos-spec';
import type { PlanarFeature } from '../train/types';
import { scenarioOf } from '../train/scenarios/table';

const webgpu = () => createEngine({ backend: 'webgpu', gpu: nodeGpu() });

describe('the engine on WebGPU', () => {
  it('runs on WebGPU, not on a silent CPU fallback', async () => {
    const engine = await webgpu();
    expect(engine.backend).toBe('webgpu');
    expect(engine.fallbackReason).toBeNull();
  });
  describeEngine(webgpu);
});

describe('the photo classifier on WebGPU', () => {
  describeFashion(webgpu);
});

describe('the planar scenarios on WebGPU', () => {
  describePlanar(webgpu);
});

describe('your own photos on WebGPU', () => {
  describePhotos(webgpu);
});

describe('trained models on WebGPU', () => {
  describeModels(webgpu);
});

describe('numerical faults on WebGPU', () => {
  describeNumericalFaults(webgpu);
});

describe('the diagnosis on WebGPU, judged by following its advice', async () => {
  const engine = await webgpu();

  it('calls the lesson-2 notebook run ok for seeds 0–9', async () => {
    for (let seed = 0; seed < 10; seed++) {
      const result = await engine.train({ scenario: 'line', schedule: 'constant', seed });
      expect(result.backend).toBe('webgpu');
      expect(result.diagnosis.code, `seed ${seed}: ${result.diagnosis.message}`).toBe('ok');
    }
  });

  it('is right on random line settings, judged by what-ifs trained here, and matches the CPU', async () => {
    const settings = randomSettings(64, 2026).filter((s) => scenarioOf(s.scenario!).data.source === 'line').slice(0, 16);
    const cpu = await createEngine({ backend: 'cpu' });
    let right = 0;
    for (const setting of settings) {
      const result = await engine.train(setting);
      if ((await rightCodes(engine, setting)).right.has(result.diagnosis.code)) right++;
      expect((await cpu.train(setting)).diagnosis.code).toBe(result.diagnosis.code);
    }
    expect(right / settings.length).toBeGreaterThanOrEqual(0.95);
  });

  it('records the same path through (a, b) as the CPU twin, epoch by epoch', async () => {
    const cpu = await createEngine({ backend: 'cpu' });
    for (const config of [{ scenario: 'line' as const, maxLr: 0.3 }, { scenario: 'line' as const, optimizer: 'adam' as const, epochs: 20 }]) {
      const [gpuRun, cpuRun] = [await engine.train(config, { whatIf: false }), await cpu.train(config, { whatIf: false })];
      expect(gpuRun.history).toHaveLength(cpuRun.history.length);
      gpuRun.history.forEach((h, e) => h.params!.forEach((p, j) => expect(Math.abs(p - cpuRun.history[e]!.params![j]!)).toBeLessThan(1e-4 * Math.max(1, Math.abs(p)))));
    }
  });

  it('reuses a constant-rate run for its epoch what-ifs, with the epochs trained from scratch to float32 rounding', async () => {
    const result = await engine.train({ scenario: 'line', schedule: 'constant' });
    const byEpochs = result.diagnosis.evidence.filter((w) => Object.keys(w.change).join() === 'epochs');
    expect(byEpochs.length).toBe(2);
    for (const w of byEpochs) {
      const scratch = await engine.train({ scenario: 'line', schedule: 'constant', epochs: w.change.epochs }, { whatIf: false });
      expect(w.history).toHaveLength(scratch.history.length);
      w.history.forEach((h, e) => {
        const s = scratch.history[e]!;
        expect(h.epoch).toBe(s.epoch);
        expect(Math.abs(h.validLoss - s.validLoss) / s.validLoss).toBeLessThan(1e-6);
      });
    }
  });

});

describe('the batched trainer on WebGPU', async () => {
  const { device, description } = await acquireDevice(nodeGpu());
  const backend = new GpuBackend(device, description);
  describeBatchEquality(() => backend, 1e-6);
});

describe('the same seed on both backends', () => {
  it.each([
    { scenario: 'line' as const, schedule: 'constant' as const },
    { scenario: 'cancer' as const, epochs: 5 },
    // Features made on each backend from the same host-drawn points, tanh and an L2 penalty in the kernels.
    { scenario: 'spiral' as const, epochs: 5, noise: 20, activation: 'tanh' as const, regularization: 'l2' as const, regRate: 0.01, features: ['x1', 'x2', 'sin1', 'x1x2'] as PlanarFeature[] },
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
    a.boundary?.probabilities.forEach((p, i) => expect(Math.abs(p - b.boundary!.probabilities[i]!)).toBeLessThan(1e-3));
    expect(a.boundary === undefined).toBe(b.boundary === undefined);
  });
});
