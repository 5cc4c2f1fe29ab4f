import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../config';
import type { EpochStats } from '../types';
import { RunHistories } from './run-histories';

const stats = (epoch: number, validLoss = 1): EpochStats => ({ epoch: epoch + 1, trainLoss: 1, validLoss, errorRate: null, lr: 0.1, elapsedMs: 0 });
const chunk = (firstEpoch: number, epochs: number) => ({ firstEpoch, epochs, values: Promise.resolve([]) });

describe('run histories, shared by every loop', () => {
  it('takes each run up to its own last epoch, then calls it done', () => {
    const runs = new RunHistories([{ ...defaultConfig('digits'), epochs: 3 }, { ...defaultConfig('digits'), epochs: 1 }]);
    expect(runs.take(0, chunk(0, 2), (_, epoch) => stats(epoch), false)).toHaveLength(2);
    expect(runs.take(1, chunk(0, 2), (_, epoch) => stats(epoch), false)).toHaveLength(1);
    expect(runs.training()).toBe(true);
    runs.take(0, chunk(2, 2), (_, epoch) => stats(epoch), false);
    expect(runs.training()).toBe(false);
    expect(runs.outcomes(false).map((o) => [o.stopReason, o.history.length])).toEqual([['done', 3], ['done', 1]]);
  });

  it('ends a run as diverged at its first non-finite epoch, or after the chunk when the device raised its flag', () => {
    const runs = new RunHistories([{ ...defaultConfig('digits'), epochs: 5 }, { ...defaultConfig('digits'), epochs: 5 }]);
    expect(runs.take(0, chunk(0, 3), (e, epoch) => (e === 1 ? null : stats(epoch)), false)).toHaveLength(1);
    expect(runs.take(1, chunk(0, 3), (_, epoch) => stats(epoch), true)).toHaveLength(3);
    expect(runs.take(1, chunk(3, 2), (_, epoch) => stats(epoch), false)).toHaveLength(0);
    expect(runs.outcomes(false).map((o) => [o.stopReason, o.history.length])).toEqual([['diverged', 1], ['diverged', 3]]);
  });

  it('calls a run still training when the pump stopped it stopped', () => {
    const runs = new RunHistories([{ ...defaultConfig('digits'), epochs: 5 }]);
    runs.take(0, chunk(0, 2), (_, epoch) => stats(epoch), false);
    expect(runs.outcomes(true)[0]!.stopReason).toBe('stopped');
  });
});
