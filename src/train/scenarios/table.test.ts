import { describe, expect, it } from 'vitest';
import { defaultConfig, resolveConfig } from '../config';
import type { RunConfig, Scenario } from '../types';
import { builtinSet, PLANAR_SCENARIOS, SCENARIOS, scenarioOf, takesPhotos } from './table';

const ALL = Number.MAX_SAFE_INTEGER;
// model, augment, pretrained and stage came later, with the photos: every scenario resolves them, only fashion reads them.
const COMMON = { schedule: 'one-cycle', imbalance: 1, oversample: false, seed: 0, seeds: 1, noise: 0, activation: 'relu', regularization: 'none', regRate: 0, features: ['x1', 'x2'], model: 'cnn-small', augment: 'on', pretrained: 'on', stage: 'frozen' } as const;
const TABLE_DEFAULTS = { epochs: 20, maxLr: 0.003, optimizer: 'adam', batchSize: 64, trainSize: ALL, hidden: [128] } as const;
const PLANAR_DEFAULTS = { epochs: 100, maxLr: 0.03, optimizer: 'adam', batchSize: 16, trainSize: ALL, hidden: [8, 8, 8] } as const;

/** resolveConfig({ scenario }) as it was before the table, read from the code of 2026-12-04. */
const BEFORE: Record<Scenario, Omit<RunConfig, 'scenario'>> = {
  line: { ...COMMON, features: ['x1', 'x2'], epochs: 100, maxLr: 0.1, optimizer: 'sgd', batchSize: ALL, trainSize: 100, hidden: [] },
  digits: { ...COMMON, features: ['x1', 'x2'], ...TABLE_DEFAULTS, hidden: [128] },
  cancer: { ...COMMON, features: ['x1', 'x2'], ...TABLE_DEFAULTS, hidden: [128] },
  custom: { ...COMMON, features: ['x1', 'x2'], ...TABLE_DEFAULTS, hidden: [128] },
  circle: { ...COMMON, features: ['x1', 'x2'], ...PLANAR_DEFAULTS, hidden: [8, 8, 8] },
  xor: { ...COMMON, features: ['x1', 'x2'], ...PLANAR_DEFAULTS, hidden: [8, 8, 8] },
  gauss: { ...COMMON, features: ['x1', 'x2'], ...PLANAR_DEFAULTS, hidden: [8, 8, 8] },
  spiral: { ...COMMON, features: ['x1', 'x2'], ...PLANAR_DEFAULTS, hidden: [8, 8, 8] },
  // New with the table: lesson 2's photos, fit_one_cycle(4) at fastai's rate.
  fashion: { ...COMMON, features: ['x1', 'x2'], epochs: 4, maxLr: 0.003, optimizer: 'adam', batchSize: 64, trainSize: ALL, hidden: [] },
  photos: { ...COMMON, features: ['x1', 'x2'], epochs: 12, maxLr: 0.01, optimizer: 'adam', batchSize: 16, trainSize: ALL, hidden: [] },
};

describe('the scenario table', () => {
  it('has one record for every scenario, in the order the scenario control lists them', () => {
    expect(SCENARIOS).toEqual(['line', 'digits', 'cancer', 'custom', 'circle', 'xor', 'gauss', 'spiral', 'fashion', 'photos']);
    for (const id of SCENARIOS) expect(scenarioOf(id).id).toBe(id);
    expect(PLANAR_SCENARIOS).toEqual(['circle', 'xor', 'gauss', 'spiral']);
  });

  it.each(SCENARIOS)('resolves %s to the defaults it had before the table, and warns only where custom has no data', (scenario) => {
    const { config, warnings } = resolveConfig({ scenario });
    expect(config).toStrictEqual({ scenario, ...BEFORE[scenario] });
    expect(warnings.map((w) => w.field)).toEqual(scenarioOf(scenario).data.source === 'custom' ? ['data'] : []);
  });

  it('hands out defaults that are the caller\'s to change, not the table\'s', () => {
    const first = defaultConfig('digits');
    first.hidden.push(7);
    first.features.push('x1sq');
    expect(defaultConfig('digits').hidden).toEqual([128]);
    expect(defaultConfig('cancer').hidden).toEqual([128]);
    expect(defaultConfig('digits').features).toEqual(['x1', 'x2']);
  });

  it('says which scenarios are planar, which ship their data, and which the loss surface and parameter view serve', () => {
    expect(SCENARIOS.filter((s) => scenarioOf(s).planar)).toEqual(PLANAR_SCENARIOS);
    for (const s of SCENARIOS) expect(scenarioOf(s).planar).toBe(scenarioOf(s).data.source === 'planar');
    expect(SCENARIOS.map(builtinSet)).toEqual([null, 'digits', 'cancer', null, null, null, null, null, 'fashion', null]);
    expect([undefined, 'mnist', 42].map(builtinSet)).toEqual([null, null, null]);
    expect(SCENARIOS.filter((s) => scenarioOf(s).views.includes('parameters'))).toEqual(['line']);
    expect(SCENARIOS.filter((s) => scenarioOf(s).model === 'line')).toEqual(['line']);
    expect(SCENARIOS.filter((s) => scenarioOf(s).chartsErrorRate)).toEqual(['digits', 'cancer', 'fashion', 'photos']);
    expect(SCENARIOS.filter((s) => takesPhotos(s))).toEqual(['photos']);
    // The element asks with its attribute as written, before it is resolved.
    expect(['bears', ''].map(takesPhotos)).toEqual([false, false]);
    expect(SCENARIOS.map((s) => scenarioOf(s).preview)).toEqual(['line', 'digits', 'table', 'table', 'planar', 'planar', 'planar', 'planar', 'digits', 'digits']);
  });
});
