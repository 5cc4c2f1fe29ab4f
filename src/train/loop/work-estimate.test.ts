import { describe, expect, it } from 'vitest';
import { CpuBackend } from '../../cpu/cpu-backend';
import { mlpLayers } from '../model/layers';
import { assertFeasible, stepFlops, WorkTooLargeError } from './work-estimate';

describe('the work a step is, and what a backend is allowed to start', () => {
  it('counts a step as six flops per weight and row (forward, and backward twice over)', () => {
    expect(stepFlops(mlpLayers(64, [128], 10), 64, 1)).toBe(6 * 64 * (64 * 128 + 128 * 10));
    expect(stepFlops(mlpLayers(64, [128], 10), 64, 3)).toBe(3 * 6 * 64 * (64 * 128 + 128 * 10));
  });

  it('refuses a step longer than two seconds with a message that says how long and what to change', () => {
    const cpu = new CpuBackend();
    expect(() => assertFeasible(cpu, mlpLayers(64, [128], 10), 64, 1)).not.toThrow();
    expect(() => assertFeasible(cpu, mlpLayers(64, [2048, 1024], 10), 1024, 1)).toThrow(WorkTooLargeError);
    expect(() => assertFeasible(cpu, mlpLayers(64, [2048, 1024], 10), 1024, 1)).toThrow(/about 13\.8 G floating-point operations a step: about 14 s a step here.*smaller batch/);
  });
});
