import { beforeAll, describe, expect, it } from 'vitest';
import { registerKernelChecks } from '../checks/run-checks';
import { CpuBackend } from './cpu-backend';

describe('the CPU backend, its products in WebAssembly SIMD', () => {
  let backend: CpuBackend;
  beforeAll(async () => {
    backend = await CpuBackend.create();
  });
  it('has its WebAssembly product (Node has SIMD: a fallback here would check the twin twice)', () => {
    expect(backend.description).toBe('CPU (WebAssembly SIMD)');
  });
  registerKernelChecks(() => backend, { variant: 'WebAssembly SIMD' });
});

describe('the TypeScript twin', () => {
  const backend = new CpuBackend();
  registerKernelChecks(() => backend);
});
