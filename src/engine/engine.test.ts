import { describe, expect, it } from 'vitest';
import { createEngine } from './create-engine';
import { describeEngine } from './engine-spec';
import { describeFashion } from './fashion-spec';
import { describeNumericalFaults } from './fault-spec';
import { describeModels } from './model-spec';
import { describePhotos } from './photos-spec';
import { describePlanar } from './planar-spec';

describe('the engine on the CPU backend', () => {
  describeEngine(() => createEngine({ backend: 'cpu' }));
});

describe('the photo classifier on the CPU backend', () => {
  describeFashion(() => createEngine({ backend: 'cpu' }));
});

describe('the planar scenarios on the CPU backend', () => {
  describePlanar(() => createEngine({ backend: 'cpu' }));
});

describe('your own photos on the CPU backend', () => {
  describePhotos(() => createEngine({ backend: 'cpu' }));
});

describe('trained models on the CPU backend', () => {
  describeModels(() => createEngine({ backend: 'cpu' }));
});

describe('numerical faults on the CPU backend', () => {
  describeNumericalFaults(() => createEngine({ backend: 'cpu' }));
});

describe('work too large for the backend', () => {
  it('the engine refuses such a run before training, and trains the next sane one', async () => {
    const engine = await createEngine({ backend: 'cpu' });
    await expect(engine.train({ scenario: 'digits', hidden: [2048, 1024], batchSize: 1024, epochs: 1 })).rejects.toThrow(/floating-point operations a step/);
    const sane = await engine.train({ scenario: 'digits', epochs: 1 }, { whatIf: false });
    expect(sane.stopReason).toBe('done');
  });
});

describe("fastai's two stages on one learner", () => {
  // cnn-tiny on 256 photos, one epoch a stage: enough to tell where each run started.
  const learner = { scenario: 'fashion', model: 'cnn-tiny', trainSize: 256, epochs: 1, batchSize: 16, maxLr: 1e-2 } as const;

  it('an unfrozen run goes on from the frozen run just made, every time from it, and only for the same learner', async () => {
    const engine = await createEngine({ backend: 'cpu', worker: false });
    const train = (change: object) => engine.train({ ...learner, ...change }, { whatIf: false });
    const before = await train({ stage: 'unfrozen' });
    expect(before.start).toBe('pretrained');
    const frozen = await train({ stage: 'frozen' });
    expect(frozen.start).toBe('pretrained');
    const unfrozen = await train({ stage: 'unfrozen', maxLr: 1e-3, bodyLr: 1e-5 });
    expect(unfrozen.start).toBe('frozen-stage');
    const again = await train({ stage: 'unfrozen', maxLr: 1e-3, bodyLr: 1e-5 });
    expect(again.start).toBe('frozen-stage');
    expect(again.history[0]!.validLoss).toBe(unfrozen.history[0]!.validLoss);
    const fresh = await train({ stage: 'unfrozen', maxLr: 1e-3, bodyLr: 1e-5, seed: 1 });
    expect(fresh.start).toBe('pretrained');
    const scratch = await train({ stage: 'unfrozen', pretrained: 'off' });
    expect(scratch.start).toBe('scratch');
    // Going on from the frozen run's weights, not the pretrained body's with a fresh head.
    const plain = await (await createEngine({ backend: 'cpu', worker: false })).train({ ...learner, stage: 'unfrozen', maxLr: 1e-3, bodyLr: 1e-5 }, { whatIf: false });
    expect(plain.start).toBe('pretrained');
    expect(unfrozen.history[0]!.validLoss).not.toBe(plain.history[0]!.validLoss);
    expect(unfrozen.history[0]!.validLoss).toBeLessThan(plain.history[0]!.validLoss);
    engine.dispose();
  }, 120_000);
});
