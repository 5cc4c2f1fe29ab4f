import { describe } from 'vitest';
import { registerKernelChecks } from '../checks/run-checks';
import { CpuBackend } from './cpu-backend';

describe('the CPU twin', () => {
  const backend = new CpuBackend();
  registerKernelChecks(() => backend);
});
