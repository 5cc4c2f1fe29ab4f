import { describe } from 'vitest';
import { createEngine } from './engine';
import { describeEngine } from './engine-spec';

describe('the engine on the CPU backend', () => {
  describeEngine(() => createEngine({ backend: 'cpu' }));
});
