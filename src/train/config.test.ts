import { describe, expect, it } from 'vitest';
import { defaultConfig, resolveConfig } from './config';

describe('run configuration', () => {
  it('uses the notebook for line and fastai defaults elsewhere', () => {
    expect(defaultConfig('line')).toMatchObject({ epochs: 100, maxLr: 0.1, optimizer: 'sgd', hidden: [], trainSize: 100 });
    expect(defaultConfig('digits')).toMatchObject({ epochs: 20, maxLr: 3e-3, optimizer: 'adam', batchSize: 64, hidden: [128] });
    expect(defaultConfig('cancer').schedule).toBe('one-cycle');
  });

  it.each([
    [{ epochs: 0 }, 'epochs', 1],
    [{ epochs: 5000 }, 'epochs', 1000],
    [{ epochs: 2.6 }, 'epochs', 3],
    [{ maxLr: 50 }, 'maxLr', 10],
    [{ maxLr: 0 }, 'maxLr', 1e-6],
    [{ maxLr: Number.NaN }, 'maxLr', 0.1],
    [{ batchSize: -3 }, 'batchSize', 1],
    [{ trainSize: 1 }, 'trainSize', 2],
    [{ imbalance: 0.5 }, 'imbalance', 1],
    [{ optimizer: 'rmsprop' }, 'optimizer', 'sgd'],
    [{ schedule: 'cosine' }, 'schedule', 'one-cycle'],
    [{ hidden: '64,x' }, 'hidden', []],
    [{ scenario: 'mnist' }, 'scenario', 'line'],
  ] as [Record<string, unknown>, string, unknown][])('replaces %j with the nearest valid %s and says why', (input, field, value) => {
    const { config, warnings } = resolveConfig(input);
    expect(config[field as keyof typeof config]).toEqual(value);
    expect(warnings.map((w) => w.field)).toContain(field);
    expect(warnings[0]!.message.length).toBeGreaterThan(20);
  });

  it('reads layer widths from text and accepts valid values silently', () => {
    const { config, warnings } = resolveConfig({ scenario: 'digits', hidden: '64, 32' as unknown as number[], maxLr: 0.01, epochs: 8 });
    expect(config.hidden).toEqual([64, 32]);
    expect(warnings).toEqual([]);
  });

  it('warns that custom needs data', () => {
    expect(resolveConfig({ scenario: 'custom' }).warnings[0]!.field).toBe('data');
  });
});
