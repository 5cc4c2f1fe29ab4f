import { describe, expect, it } from 'vitest';
import { CpuBackend } from '../../cpu/cpu-backend';
import { cnnLayers } from '../model/cnn';
import { mlpLayers } from '../model/layers';
import { resolveConfig } from '../config';
import { loadDigits } from '../data/builtin';
import { releaseData, uploadData } from '../data/device-data';
import { prepareData } from '../data/prepare';
import { modelSpec } from '../model/builders';
import { batchPlan } from './batches';
import { chunkSizing, LONG_CHUNK_SECONDS, PIECE_SECONDS, pieceSteps } from './chunk-sizing';
import { ChunkClock, MIN_MEASURED_FLOPS, MIN_MEASURED_SECONDS, Throughput, throughputOf } from './throughput';
import { trainModels } from './trainer';

describe('the rate a backend has shown', () => {
  it('is the prior until measured, then the median of the latest measurements', () => {
    const meter = new Throughput(1e9);
    expect([meter.flopsPerSecond, meter.measured]).toEqual([1e9, false]);
    meter.observe(1e8, MIN_MEASURED_SECONDS / 2);
    expect(meter.measured).toBe(false);
    // A line chunk's few kFLOP that took 20 ms: overhead, not a rate.
    meter.observe(MIN_MEASURED_FLOPS / 1000, 0.02);
    expect(meter.measured).toBe(false);
    meter.observe(4e9, 1);
    meter.observe(2e9, 1);
    meter.observe(1e12, 1);
    expect([meter.flopsPerSecond, meter.measured]).toEqual([4e9, true]);
    // Only the latest nine count.
    for (let i = 0; i < 9; i++) meter.observe(1e8, 1);
    expect(meter.flopsPerSecond).toBe(1e8);
  });

  it('is kept per backend and per kind of model (conv layers run at their own rate)', () => {
    const cpu = new CpuBackend();
    const dense = throughputOf(cpu, mlpLayers(64, [128], 10));
    const conv = throughputOf(cpu, cnnLayers('cnn-tiny', { channels: 1, height: 28, width: 28 }, 10));
    expect(conv).not.toBe(dense);
    expect(throughputOf(cpu, mlpLayers(2, [8], 1))).toBe(dense);
    expect(throughputOf(new CpuBackend(), mlpLayers(64, [128], 10))).not.toBe(dense);
  });

  it("times a chunk from its recording, or from the last chunk's arrival when that was later", async () => {
    const meter = new Throughput(1);
    const clock = new ChunkClock(meter);
    const later = (ms: number) => new Promise<number>((done) => setTimeout(() => done(ms), ms));
    const start = performance.now();
    // The first chunk (a run's compiles ride on it) is not counted.
    await clock.time(1, start, later(20));
    expect(meter.measured).toBe(false);
    const next = performance.now();
    await Promise.all([clock.time(40e6, next, later(40)), clock.time(40e6, next, later(80))]);
    // Each took about 40 ms of the device's time: about 1 GFLOP/s, not 0.5 for the second.
    expect(meter.flopsPerSecond).toBeGreaterThan(0.6e9);
    expect(meter.flopsPerSecond).toBeLessThan(1.05e9);
  });
});

describe('a run measures its backend', () => {
  it('leaves the rate its chunks took in the meter the next run is sized and limited by', async () => {
    const cpu = new CpuBackend();
    const config = resolveConfig({ scenario: 'digits', epochs: 2, seed: 1 }).config;
    const data = await uploadData(cpu, prepareData(await loadDigits(), config, { standardize: false }));
    const meter = throughputOf(cpu, modelSpec(config, data).layers);
    expect(meter.measured).toBe(false);
    await trainModels(cpu, data, [config]);
    expect(meter.measured).toBe(true);
    // Whatever this machine's rate, a real one: not the prior, and within any CPU's range.
    expect(meter.flopsPerSecond).not.toBe(cpu.flopsPerSecond);
    expect(meter.flopsPerSecond).toBeGreaterThan(1e6);
    expect(meter.flopsPerSecond).toBeLessThan(1e12);
    releaseData(cpu, data);
  });
});

describe('pieces of a long epoch, sized from the measured rate', () => {
  it('double from one step before any measurement, then aim at PIECE_SECONDS', () => {
    const meter = new Throughput(1e9);
    expect([0, 1, 2, 3].map((piece) => pieceSteps(meter, 1e6, piece, 100))).toEqual([1, 2, 4, 8]);
    expect(pieceSteps(meter, 1e6, 9, 100)).toBe(100);
    meter.observe(1e9, 1);
    expect(pieceSteps(meter, 1e6, 0, 1000)).toBe(PIECE_SECONDS * 1000);
    expect(pieceSteps(meter, 1e9, 0, 1000)).toBe(1);
  });

  it('decides whether an epoch is cut from the rate the backend has shown, not a constant', () => {
    const cpu = new CpuBackend();
    // The GPU's sizing on the CPU twin's arithmetic: what pacing gives is the backend's, so fake a GPU's kind.
    const gpuLike = Object.assign(Object.create(cpu) as CpuBackend, { kind: 'webgpu' });
    const layers = mlpLayers(64, [128], 10);
    const plan = batchPlan(4096, 64);
    const run = { layers, plan, models: 1, longest: 10, fused: false };
    throughputOf(gpuLike, layers).observe(1e13, 1);
    expect(chunkSizing(gpuLike, run).pieced).toBe(false);
    const slow = Object.assign(Object.create(cpu) as CpuBackend, { kind: 'webgpu' });
    throughputOf(slow, layers).observe(1e8, 1);
    const sizing = chunkSizing(slow, run);
    const epochSeconds = (sizing.stepFlops * plan.stepsPerEpoch) / 1e8;
    expect(epochSeconds).toBeGreaterThan(LONG_CHUNK_SECONDS);
    expect(sizing.pieced).toBe(true);
    // Pieces that short are recorded one ahead, as whole epochs are: the device never waits for a readback.
    expect(sizing.chunksInFlight).toBe(2);
    expect((sizing.stepsPerPiece * sizing.stepFlops) / 1e8).toBeLessThanOrEqual(PIECE_SECONDS);
  });
});
