import { describe } from 'vitest';
import { createEngine } from './engine';
import { describeEngine } from './engine-spec';
import { describeNumericalFaults } from './fault-spec';
import { describePlanar } from './planar-spec';

describe('the engine on the CPU backend', () => {
  describeEngine(() => createEngine({ backend: 'cpu' }));
});

describe('the planar scenarios on the CPU backend', () => {
  describePlanar(() => createEngine({ backend: 'cpu' }));
});

describe('numerical faults on the CPU backend', () => {
  describeNumericalFaults(() => createEngine({ backend: 'cpu' }));
});
