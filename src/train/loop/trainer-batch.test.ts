import { describe } from 'vitest';
import { CpuBackend } from '../../cpu/cpu-backend';
import { describeBatchEquality } from './batch-spec';

describe('the batched trainer on the CPU', () => {
  const backend = new CpuBackend();
  describeBatchEquality(() => backend, 0);
});
