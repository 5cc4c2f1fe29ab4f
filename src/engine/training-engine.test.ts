import { describe, expect, it } from 'vitest';
import { DeviceLostError, isDeviceLost, type Backend } from '../backend';
import { loadBuiltin } from '../train/data/builtin-sets';
import { cpuBackend } from './backends';
import { TrainingEngine } from './training-engine';

/** A CPU backend that loses its device at its first readback, as a GPU reset would: from then on it is `lost` and every call throws that. */
function losingBackend(backend: Backend): Backend {
  let lost: DeviceLostError | null = null;
  return new Proxy(backend, {
    get(target, key) {
      if (key === 'lost') return lost;
      const value: unknown = Reflect.get(target, key, target);
      if (typeof value !== 'function' || key === 'dispose') return typeof value === 'function' ? value.bind(target) : value;
      return (...args: unknown[]) => {
        if (key === 'readRanges') lost ??= new DeviceLostError('destroyed', 'the device was destroyed');
        if (lost) throw lost;
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

describe('a lost device', () => {
  it('is replaced under a run, which trains again once from the start and says why', async () => {
    let renewed = 0;
    const renew = () => (renewed++, cpuBackend());
    const engine = new TrainingEngine(losingBackend(await cpuBackend()), null, loadBuiltin, renew);
    const resets: string[] = [];
    const result = await engine.train({ scenario: 'cancer', epochs: 3 }, { whatIf: false, onDeviceReset: (message) => resets.push(message) });
    expect(resets).toEqual(['The GPU was reset while training (The GPU device was lost (destroyed): the device was destroyed); training again on a new device.']);
    expect(renewed).toBe(1);
    expect(result.history.map((h) => h.epoch)).toEqual([1, 2, 3]);
  });

  it('is replaced under a photo run, which trains again from its pretrained start; the frozen stage it leaves carries on', async () => {
    const engine = new TrainingEngine(losingBackend(await cpuBackend()), null, loadBuiltin, cpuBackend);
    const photos = { scenario: 'fashion', model: 'cnn-tiny', trainSize: 128, epochs: 1, batchSize: 16 } as const;
    const resets: string[] = [];
    const frozen = await engine.train(photos, { whatIf: false, onDeviceReset: (message) => resets.push(message) });
    expect(resets).toHaveLength(1);
    expect(frozen).toMatchObject({ stopReason: 'done', start: 'pretrained' });
    expect(frozen.history).toHaveLength(1);
    const again = await new TrainingEngine(await cpuBackend(), null, loadBuiltin, cpuBackend).train(photos, { whatIf: false });
    // The retry is the run from its start: the same numbers as a run that never lost its device.
    expect(frozen.history[0]!.validLoss).toBe(again.history[0]!.validLoss);
    expect((await engine.train({ ...photos, stage: 'unfrozen' }, { whatIf: false })).start).toBe('frozen-stage');
  }, 120_000);

  it('fails a call that cannot start again with a DeviceLostError, known by its name across a worker too, and the next call has a new device', async () => {
    const engine = new TrainingEngine(losingBackend(await cpuBackend()), null, loadBuiltin, cpuBackend);
    const error: unknown = await engine.lrFind({ scenario: 'line' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeviceLostError);
    expect((error as DeviceLostError).reason).toBe('destroyed');
    expect((error as Error).message).toBe('The GPU device was lost (destroyed): the device was destroyed. Start a new run to use a new device.');
    // What worker/client.ts makes of it: a plain Error with the name, which structured cloning would drop.
    expect(isDeviceLost(Object.assign(new Error((error as Error).message), { name: (error as Error).name }))).toBe(true);
    expect(isDeviceLost(new Error('The GPU device was lost'))).toBe(false);
    expect((await engine.lrFind({ scenario: 'line' })).lrs.length).toBeGreaterThan(0);
  });
});
