import { describe, expect, it } from 'vitest';
import type { Backend } from '../../backend';
import { acquireDevice } from '../../gpu/device';
import { GpuBackend } from '../../gpu/gpu-backend';
import { nodeGpu } from '../../testing/node-webgpu';
import { resolveConfig } from '../config';
import { loadDigits } from '../data/builtin';
import { prepareData } from '../data/prepare';
import { releaseData, uploadData } from '../data/device-data';
import { modelSpec } from '../model/builders';
import type { Layer } from '../model/layers';
import { throughputOf } from './throughput';
import { trainModels } from './trainer';
import type { EpochStats } from '../types';

/** The same backend, its rate for digits' network pinned at `flopsPerSecond` (chunk sizes that do not depend on timing), counting its readbacks. */
function claiming(backend: GpuBackend, flopsPerSecond: number, layers: readonly Layer[]): { backend: Backend; reads: () => number } {
  let reads = 0;
  const proxy = new Proxy(backend, {
    get(target, key) {
      if (key === 'readRanges') reads++;
      const value = Reflect.get(target, key, target) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  throughputOf(proxy, layers).pin(flopsPerSecond);
  return { backend: proxy, reads: () => reads };
}

describe('long epochs on the GPU', () => {
  it('are recorded in pieces, each waited for before the next, and train exactly as in one piece', async () => {
    const { device, description } = await acquireDevice(nodeGpu());
    const real = new GpuBackend(device, description);
    const config = resolveConfig({ scenario: 'digits', epochs: 2, seed: 4 }).config;
    const data = await uploadData(real, prepareData(await loadDigits(), config, { standardize: false }));
    const strip = (history: EpochStats[]) => history.map(({ elapsedMs: _, ...rest }) => rest);
    const layers = modelSpec(config, data).layers;
    const fast = claiming(real, 1e12, layers);
    const [whole] = await trainModels(fast.backend, data, [config]);
    // A digits step (batch 64, 64-128-10) is 3.6 M flops: at 150 M/s, 24 ms, so two steps a piece of 50 ms, 11 pieces an epoch.
    const slow = claiming(real, 1.5e8, layers);
    const [pieces] = await trainModels(slow.backend, data, [config]);
    expect(strip(pieces!.history)).toEqual(strip(whole!.history));
    expect(pieces!.stopReason).toBe('done');
    expect(slow.reads() - fast.reads()).toBeGreaterThanOrEqual(2 * 10);
    releaseData(real, data);
    real.dispose();
  });

  it('stop between pieces: a Stop in the middle of an epoch ends the run at the next piece', async () => {
    const { device, description } = await acquireDevice(nodeGpu());
    const real = new GpuBackend(device, description);
    const config = resolveConfig({ scenario: 'digits', epochs: 3, seed: 4 }).config;
    const data = await uploadData(real, prepareData(await loadDigits(), config, { standardize: false }));
    const layers = modelSpec(config, data).layers;
    const slow = claiming(real, 1.5e8, layers);
    const abort = new AbortController();
    // Epoch 1 is 11 reads (10 pieces, then the epoch's own); Stop comes with epoch 2's third piece.
    const stopAt = 11 + 3;
    const watched = new Proxy(slow.backend, {
      get(target, key) {
        if (key === 'readRanges' && slow.reads() + 1 === stopAt) queueMicrotask(() => abort.abort());
        return Reflect.get(target, key, target) as unknown;
      },
    });
    throughputOf(watched, layers).pin(1.5e8);
    const [outcome] = await trainModels(watched, data, [config], { signal: abort.signal });
    expect(outcome!.stopReason).toBe('stopped');
    expect(outcome!.history).toHaveLength(1);
    // No piece recorded after the one in flight when Stop came, and no readout of the validation after Stop.
    expect(slow.reads()).toBe(stopAt);
    releaseData(real, data);
    real.dispose();
  });
});
