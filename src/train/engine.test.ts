import { describe, expect, it } from 'vitest';
import { DIAGNOSIS_TABLE } from './diagnosis-table';
import { createEngine } from './engine';
import { describeEngine } from './engine-spec';

describe('the engine on the CPU backend', () => {
  describeEngine(() => createEngine({ backend: 'cpu' }));
});

describe('the diagnosis table on the CPU backend', async () => {
  const engine = await createEngine({ backend: 'cpu' });
  it.each(DIAGNOSIS_TABLE)('$name is diagnosed $expected', async ({ config, expected }) => {
    const result = await engine.train(config);
    expect(result.diagnosis.code).toBe(expected);
  });
});
