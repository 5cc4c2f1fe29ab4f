import { describe, expect, it } from 'vitest';
import { defaultConfig, LIMITS, resolveConfig } from '../config';
import { SCENARIOS } from '../scenarios/table';
import type { RunConfig } from '../types';
import { PER_SCENARIO, SETTINGS, settingOf } from './table';

const ALL = Number.MAX_SAFE_INTEGER;
/** The RunConfig fields in resolveConfig's order, as it listed them before the table. */
const FIELDS_BEFORE = [
  'scenario', 'epochs', 'maxLr', 'optimizer', 'schedule', 'batchSize', 'trainSize', 'hidden', 'imbalance', 'oversample', 'seed', 'seeds',
  'noise', 'activation', 'regularization', 'regRate', 'features',
  // Since: the photos' network, augmentation and pretrained body, and fastai's stage (freeze / unfreeze).
  'model', 'augment', 'pretrained', 'stage',
];
/** Every clamp resolveConfig made before the table, as [min, max, whole numbers]. */
const CLAMPS_BEFORE: Record<string, [number, number, boolean]> = {
  epochs: [1, 1000, true], maxLr: [1e-6, 10, false], batchSize: [1, ALL, true], trainSize: [2, ALL, true], imbalance: [1, 1000, false],
  seed: [0, 0xffffffff, true], seeds: [1, 16, true], noise: [0, 50, false], regRate: [0, 10, false],
};
const WORDS_BEFORE: Record<string, string[]> = {
  scenario: [...SCENARIOS], optimizer: ['sgd', 'adam'], schedule: ['one-cycle', 'constant'], activation: ['relu', 'tanh', 'sigmoid', 'linear'],
  regularization: ['none', 'l1', 'l2'], whatIf: ['on', 'off'], backend: ['auto', 'webgpu', 'cpu'], theme: ['light', 'dark', 'auto'],
  view: ['data', 'parameters'], speed: ['1', '4', 'instant'],
  // Since: the photos'.
  model: ['cnn-tiny', 'cnn-small'], augment: ['on', 'off'], pretrained: ['on', 'off'], stage: ['frozen', 'unfrozen'],
};

describe('the settings table', () => {
  it('has one row per property and per attribute, and one per RunConfig field, in RunConfig order', () => {
    expect(new Set(SETTINGS.map((s) => s.property)).size).toBe(SETTINGS.length);
    expect(new Set(SETTINGS.map((s) => s.attribute)).size).toBe(SETTINGS.length);
    expect(SETTINGS.flatMap((s) => ('field' in s ? [s.field] : []))).toEqual(FIELDS_BEFORE);
    expect(Object.keys(resolveConfig({}).config)).toEqual(FIELDS_BEFORE);
  });

  it('clamps to the ranges and allows the words resolveConfig did before the table', () => {
    for (const s of SETTINGS) {
      if (s.kind.type === 'number' || s.kind.type === 'integer') expect([...s.kind.range, s.kind.type === 'integer'], s.property).toEqual(CLAMPS_BEFORE[s.property]);
      if (s.kind.type === 'enum' && s.property !== 'lang') expect(s.kind.values, s.property).toEqual(WORDS_BEFORE[s.property]);
    }
    expect(LIMITS).toEqual({ epochs: [1, 1000], maxLr: [1e-6, 10], seeds: [1, 16], noise: [0, 50], regRate: [0, 10] });
  });

  it('gives every default the scenario records do not, each a value its own kind allows', () => {
    for (const s of SETTINGS) {
      if (!('field' in s) || s.field === 'scenario') continue;
      if (s.default === PER_SCENARIO) expect(SCENARIOS.map((id) => defaultConfig(id)[s.field]), s.property).not.toContain(undefined);
      else expect(defaultConfig('line')[s.field as keyof RunConfig], s.property).toEqual(s.default);
    }
    for (const s of SETTINGS) {
      if (s.kind.type === 'enum' && s.default !== null && s.default !== PER_SCENARIO) expect(s.kind.values, s.property).toContain(s.default);
      if ((s.kind.type === 'number' || s.kind.type === 'integer') && typeof s.default === 'number') {
        expect(s.default).toBeGreaterThanOrEqual(s.kind.range[0]);
        expect(s.default).toBeLessThanOrEqual(s.kind.range[1]);
      }
    }
    // Every scenario's own defaults lie within the table's ranges: none is replaced.
    for (const id of SCENARIOS) expect(resolveConfig({ ...defaultConfig(id) } as Partial<RunConfig> & Record<string, unknown>).warnings.filter((w) => w.field !== 'data')).toEqual([]);
  });

  it('puts every slider stop and slider end inside its setting range', () => {
    for (const s of SETTINGS) {
      if (!('control' in s) || s.control.type !== 'slider' || !('range' in s.kind)) continue;
      const [min, max] = s.kind.range;
      const ends = s.control.scale === 'log' ? s.control.stops : [min, s.control.max];
      for (const value of ends) expect(value >= min && value <= max, `${s.attribute} ${value}`).toBe(true);
    }
    expect(settingOf('maxLr').control.stops).toContain(3e-3);
  });

  it('shows by control the settings the controls attribute named before the table, and no others', () => {
    const shown = SETTINGS.flatMap((s) => ('control' in s ? [s.attribute] : []));
    expect(shown).toEqual([
      'scenario', 'epochs', 'max-lr', 'optimizer', 'schedule', 'batch-size', 'train-size', 'hidden', 'imbalance', 'oversample', 'seed', 'noise',
      'activation', 'regularization', 'reg-rate', 'features',
    ]);
  });
});
