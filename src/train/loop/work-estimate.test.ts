import { describe, expect, it } from 'vitest';
import { CpuBackend } from '../../cpu/cpu-backend';
import { mlpLayers } from '../model/layers';
import { throughputOf } from './throughput';
import { assertFeasible, MAX_RUN_SECONDS, RunTooLongError, stepFlops, WorkTooLargeError } from './work-estimate';

describe('the work a step is, and what a backend is allowed to start', () => {
  it('counts a step as six flops per weight and row (forward, and backward twice over)', () => {
    expect(stepFlops(mlpLayers(64, [128], 10), 64, 1)).toBe(6 * 64 * (64 * 128 + 128 * 10));
    expect(stepFlops(mlpLayers(64, [128], 10), 64, 3)).toBe(3 * 6 * 64 * (64 * 128 + 128 * 10));
  });

  it('refuses a step longer than two seconds with a message that says how long and what to change', () => {
    const cpu = new CpuBackend();
    expect(() => assertFeasible(cpu, mlpLayers(64, [128], 10), 64, 1, 100)).not.toThrow();
    expect(() => assertFeasible(cpu, mlpLayers(64, [2048, 1024], 10), 1024, 1, 1)).toThrow(WorkTooLargeError);
    expect(() => assertFeasible(cpu, mlpLayers(64, [2048, 1024], 10), 1024, 1, 1)).toThrow(/about 13\.8 G floating-point operations a step: about 14 s a step here.*smaller batch/);
  });

  it('refuses a run longer than ten minutes, at the rate the backend has shown', () => {
    const cpu = new CpuBackend();
    const layers = mlpLayers(64, [512], 10);
    const step = stepFlops(layers, 64, 1);
    // At the prior (1 or 4 GFLOP/s), 2,000 steps of 14.6 MFLOP take under 30 s.
    expect(() => assertFeasible(cpu, layers, 64, 1, 2000)).not.toThrow();
    // Measured at 25 MFLOP/s, the same run is about 19 minutes: refused, saying how long and what to change.
    throughputOf(cpu, layers).observe(25e6, 1);
    expect(() => assertFeasible(cpu, layers, 64, 1, 2000)).toThrow(RunTooLongError);
    expect(() => assertFeasible(cpu, layers, 64, 1, 2000)).toThrow(/about 19 minutes of training here, longer than the 10 minutes.*fewer epochs/);
    expect(() => assertFeasible(cpu, layers, 64, 1, Math.floor((MAX_RUN_SECONDS * 25e6) / step))).not.toThrow();
  });

  it('starts what the prior would refuse once the backend has shown it is fast (a real GPU)', () => {
    const cpu = new CpuBackend();
    const layers = mlpLayers(64, [2048, 1024], 10);
    expect(() => assertFeasible(cpu, layers, 1024, 1, 10)).toThrow(WorkTooLargeError);
    throughputOf(cpu, layers).observe(2e12, 0.1);
    expect(() => assertFeasible(cpu, layers, 1024, 1, 10)).not.toThrow();
  });
});
