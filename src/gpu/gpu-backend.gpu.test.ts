import { beforeAll, describe } from 'vitest';
import { registerKernelChecks } from '../checks/run-checks';
import { createTestBackend } from '../testing/node-webgpu';
import type { GpuBackend } from './gpu-backend';

describe('the WebGPU kernels', () => {
  let backend: GpuBackend;
  beforeAll(async () => {
    backend = await createTestBackend();
  });
  registerKernelChecks(() => backend);
});

describe.each(['tiled', 'direct'] as const)('the %s matmul kernel, forced', (strategy) => {
  let backend: GpuBackend;
  beforeAll(async () => {
    backend = await createTestBackend();
  });
  registerKernelChecks(() => backend, {
    kernels: ['matmul', 'matmul (batched)'],
    before: (b) => ((b as GpuBackend).matmulStrategy = strategy),
    variant: `${strategy} matmul only`,
  });
});
