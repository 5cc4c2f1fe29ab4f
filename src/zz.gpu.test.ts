import { it } from 'vitest';
import { CpuBackend } from './cpu/cpu-backend';
import { createTestBackend } from './testing/node-webgpu';
import { resolveConfig } from './train/config';
import { generateLineData, releaseData } from './train/device-data';
import { trainModel } from './train/trainer';

it('line', async () => {
  const gpu = await createTestBackend();
  for (const backend of [new CpuBackend(), gpu]) {
    for (const extra of [{ schedule: 'constant' }, {}, { maxLr: 1.5 }, {maxLr: 0.001}] as const) {
      const { config } = resolveConfig({ scenario: 'line', ...extra });
      const data = generateLineData(backend, config);
      const t0 = performance.now();
      const out = await trainModel(backend, data, config);
      const ms = performance.now() - t0;
      releaseData(backend, data);
      const h = out.history;
      console.log(backend.kind, JSON.stringify(extra), out.stopReason, out.params, h.length, h[0]?.trainLoss, h.at(-1)?.trainLoss, h.at(-1)?.validLoss, ms.toFixed(1) + 'ms');
    }
  }
});
