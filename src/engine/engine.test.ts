import { describe, expect, it } from 'vitest';
import { createEngine } from './create-engine';
import { describeEngine } from './engine-spec';
import { describeFashion } from './fashion-spec';
import { describeNumericalFaults } from './fault-spec';
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
