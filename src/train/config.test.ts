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
    // Every field with empty, negative, zero, fractional, NaN, infinite, huge, non-numeric and wrong-case values.
    [{ epochs: '' }, 'epochs', 1],
    [{ epochs: -5 }, 'epochs', 1],
    [{ epochs: 'ten' }, 'epochs', 100],
    [{ epochs: Infinity }, 'epochs', 100],
    [{ epochs: 1e12 }, 'epochs', 1000],
    [{ maxLr: -0.1 }, 'maxLr', 1e-6],
    [{ maxLr: 'fast' }, 'maxLr', 0.1],
    [{ maxLr: -Infinity }, 'maxLr', 0.1],
    [{ maxLr: 1e300 }, 'maxLr', 10],
    [{ batchSize: 0 }, 'batchSize', 1],
    [{ batchSize: 2.5 }, 'batchSize', 3],
    [{ batchSize: 'big' }, 'batchSize', Number.MAX_SAFE_INTEGER],
    [{ batchSize: Number.NaN }, 'batchSize', Number.MAX_SAFE_INTEGER],
    [{ trainSize: 0 }, 'trainSize', 2],
    [{ trainSize: -10 }, 'trainSize', 2],
    [{ trainSize: 7.5 }, 'trainSize', 8],
    [{ trainSize: 'all' }, 'trainSize', 100],
    [{ imbalance: 0 }, 'imbalance', 1],
    [{ imbalance: -2 }, 'imbalance', 1],
    [{ imbalance: 1e9 }, 'imbalance', 1000],
    [{ imbalance: 'half' }, 'imbalance', 1],
    [{ seed: -1 }, 'seed', 0],
    [{ seed: 1.5 }, 'seed', 2],
    [{ seed: 2 ** 40 }, 'seed', 0xffffffff],
    [{ seed: 'abc' }, 'seed', 0],
    [{ seeds: 0 }, 'seeds', 1],
    [{ seeds: 40 }, 'seeds', 16],
    [{ seeds: 2.5 }, 'seeds', 3],
    [{ seeds: 'many' }, 'seeds', 1],
    [{ optimizer: 'SGD' }, 'optimizer', 'sgd'],
    [{ optimizer: '' }, 'optimizer', 'sgd'],
    [{ schedule: 'One-Cycle' }, 'schedule', 'one-cycle'],
    [{ scenario: 'Digits' }, 'scenario', 'line'],
    [{ scenario: '' }, 'scenario', 'line'],
    [{ hidden: 'x,y' }, 'hidden', []],
    [{ hidden: '0' }, 'hidden', []],
    [{ hidden: '100000' }, 'hidden', []],
    [{ hidden: '-4' }, 'hidden', []],
    [{ hidden: '12.5' }, 'hidden', []],
    [{ scenario: 'digits', hidden: '4096,4096,4096' }, 'hidden', [128]],
  ] as [Record<string, unknown>, string, unknown][])('replaces %j with the nearest valid %s and says why', (input, field, value) => {
    const { config, warnings } = resolveConfig(input);
    expect(config[field as keyof typeof config]).toEqual(value);
    expect(warnings.map((w) => w.field)).toContain(field);
    expect(warnings[0]!.message.length).toBeGreaterThan(20);
  });

  it('refuses hidden layers too large to train, naming their size, before anything is allocated', () => {
    const { config, warnings } = resolveConfig({ scenario: 'digits', hidden: '4096,4096,4096' as unknown as number[], batchSize: 1024 });
    expect(config.hidden).toEqual([128]);
    expect(warnings[0]!.message).toBe('hidden "4096,4096,4096" needs 33.6 M weights between its layers; the playground trains up to 4.0 M; using "128".');
    expect(resolveConfig({ scenario: 'digits', hidden: '2000,2000' as unknown as number[] }).warnings).toEqual([]);
  });

  it('takes null (an attribute removed from the element) as the default, silently', () => {
    const removed = { epochs: null, maxLr: null, batchSize: null, trainSize: null, hidden: null, optimizer: null, seeds: null } as unknown as Record<string, unknown>;
    const { config, warnings } = resolveConfig({ scenario: 'digits', ...removed });
    expect(config).toEqual(defaultConfig('digits'));
    expect(warnings).toEqual([]);
  });

  it('reads layer widths from text and accepts valid values silently', () => {
    const { config, warnings } = resolveConfig({ scenario: 'digits', hidden: '64, 32' as unknown as number[], maxLr: 0.01, epochs: 8 });
    expect(config.hidden).toEqual([64, 32]);
    expect(warnings).toEqual([]);
  });

  it('warns that custom needs data', () => {
    expect(resolveConfig({ scenario: 'custom' }).warnings[0]!.field).toBe('data');
  });

  it('reads max-lr "lo,hi" as fastai\'s slice: hi is maxLr, lo the first group\'s bodyLr', () => {
    const { config, warnings } = resolveConfig({ scenario: 'fashion', maxLr: '1e-6,1e-4' as unknown as number });
    expect(warnings).toEqual([]);
    expect(config.maxLr).toBe(1e-4);
    expect(config.bodyLr).toBe(1e-6);
    expect(resolveConfig({ scenario: 'fashion', maxLr: [1e-5, 1e-3] }).config).toMatchObject({ maxLr: 1e-3, bodyLr: 1e-5 });
    // lo = hi is still the learner's slice: one rate for every group, not slice(hi).
    expect(resolveConfig({ scenario: 'fashion', maxLr: '1e-4,1e-4' as unknown as number }).config.bodyLr).toBe(1e-4);
    expect(resolveConfig({ scenario: 'fashion', maxLr: 0.01 }).config.bodyLr).toBeUndefined();
  });

  it('replaces a slice it cannot use by the default, saying why', () => {
    const cases: [string, RegExp][] = [
      ['1e-4,1e-6', /lo \(1e-4\) must not exceed hi \(1e-6\); try "1e-6,1e-4"/],
      ['0,1e-4', /above 0/],
      ['1e-6,fast', /a number or a slice "lo,hi"/],
    ];
    for (const [maxLr, message] of cases) {
      const { config, warnings } = resolveConfig({ scenario: 'fashion', maxLr: maxLr as unknown as number });
      expect(config.maxLr).toBe(defaultConfig('fashion').maxLr);
      expect(config.bodyLr).toBeUndefined();
      expect(warnings).toHaveLength(1);
      expect(warnings[0]!.message).toMatch(message);
    }
    // hi clamped to max-lr's range; lo kept under it.
    const clamped = resolveConfig({ scenario: 'fashion', maxLr: '1e-3,50' as unknown as number });
    expect(clamped.config).toMatchObject({ maxLr: 10, bodyLr: 1e-3 });
    expect(clamped.warnings.map((w) => w.field)).toEqual(['maxLr']);
  });
});
