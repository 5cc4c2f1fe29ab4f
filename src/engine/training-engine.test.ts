import { describe, expect, it } from 'vitest';
import { DeviceLostError, isDeviceLost, type Backend } from '../backend';
import { loadBuiltin } from '../train/data/builtin-sets';
import { cpuBackend } from './backends';
import { TrainingEngine } from './training-engine';

/**
 * A CPU backend that loses its device at its `atReadback`-th readback (the first by default), as
 * a GPU reset would: from then on it is `lost` and every call throws that. `readbacks()` counts
 * the readbacks asked of it.
 */
function losingBackend(backend: Backend, atReadback = 1): Backend & { readbacks(): number } {
  let lost: DeviceLostError | null = null;
  let readbacks = 0;
  return new Proxy(backend as Backend & { readbacks(): number }, {
    get(target, key) {
      if (key === 'lost') return lost;
      if (key === 'readbacks') return () => readbacks;
      const value: unknown = Reflect.get(target, key, target);
      if (typeof value !== 'function' || key === 'dispose') return typeof value === 'function' ? value.bind(target) : value;
      return (...args: unknown[]) => {
        if (key === 'readRanges' && ++readbacks >= atReadback) lost ??= new DeviceLostError('destroyed', 'the device was destroyed');
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

  it('is replaced under the what-ifs of a photo run, and the run with its what-ifs trains again once: the same result as a run that lost nothing', async () => {
    const photos = { scenario: 'fashion', model: 'cnn-tiny', trainSize: 128, epochs: 2, batchSize: 16 } as const;
    // How many readbacks the run itself takes, on a backend that never loses: the loss comes just after.
    const probe = losingBackend(await cpuBackend(), Infinity);
    await new TrainingEngine(probe, null, loadBuiltin, cpuBackend).train(photos, { whatIf: false });
    const mainReadbacks = probe.readbacks();
    const counting = losingBackend(await cpuBackend(), Infinity);
    const clean = await new TrainingEngine(counting, null, loadBuiltin, cpuBackend).train(photos);
    expect(counting.readbacks()).toBeGreaterThan(mainReadbacks + 1);
    const engine = new TrainingEngine(losingBackend(await cpuBackend(), mainReadbacks + 1), null, loadBuiltin, cpuBackend);
    const resets: string[] = [];
    const ends: number[] = [];
    const result = await engine.train(photos, { onDeviceReset: (message) => resets.push(message), onTrainEnd: (run) => ends.push(run.history.length) });
    expect(resets).toHaveLength(1);
    // The run had ended (and said so) before the loss; it ends again on the new device.
    expect(ends).toEqual([2, 2]);
    expect(result.diagnosis.final).toBe(true);
    expect(result.diagnosis.evidence.length).toBeGreaterThan(0);
    expect(result.history.map((h) => h.validLoss)).toEqual(clean.history.map((h) => h.validLoss));
    expect(result.diagnosis.code).toBe(clean.diagnosis.code);
  }, 240_000);

  it('lost again on the new device: the run ends with the DeviceLostError (start a new run), and the next run trains on a third', async () => {
    const backends = [losingBackend(await cpuBackend()), losingBackend(await cpuBackend())];
    const renew = async () => backends.shift() ?? cpuBackend();
    const engine = new TrainingEngine(await renew(), null, loadBuiltin, renew);
    const resets: string[] = [];
    const error: unknown = await engine.train({ scenario: 'cancer', epochs: 3 }, { whatIf: false, onDeviceReset: (message) => resets.push(message) }).catch((e: unknown) => e);
    expect(resets).toHaveLength(1);
    expect(error).toBeInstanceOf(DeviceLostError);
    expect((error as Error).message).toBe('The GPU device was lost (destroyed): the device was destroyed. Start a new run to use a new device.');
    const next = await engine.train({ scenario: 'cancer', epochs: 3 }, { whatIf: false });
    expect(next.history).toHaveLength(3);
  });

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
