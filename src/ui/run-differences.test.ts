import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../train/config';
import type { RunConfig } from '../engine/index';
import { differenceLabel, differences } from './run-differences';

const digits: RunConfig = { ...defaultConfig('digits'), maxLr: 0.01, epochs: 20 };

describe('a kept run named by what differs from the current run', () => {
  it('names one changed setting as fastai writes it, the earlier value first', () => {
    expect(differenceLabel(digits, { ...digits, maxLr: 0.1 }, 'en')).toBe('max_lr 0.01 → 0.1');
    expect(differenceLabel(digits, { ...digits, epochs: 40 }, 'en')).toBe('epochs 20 → 40');
  });

  it('joins several differences with commas, in the settings table order', () => {
    expect(differenceLabel(digits, { ...digits, seed: 2, maxLr: 3e-3, batchSize: 16 }, 'en')).toBe(`max_lr 0.01 → 3e-3, batch_size ${digits.batchSize} → 16, seed ${digits.seed} → 2`);
  });

  it('says when the settings are the same', () => {
    expect(differenceLabel(digits, { ...digits }, 'en')).toBe('same settings, earlier run');
    expect(differenceLabel(digits, { ...digits }, 'pt-BR')).toBe('mesmas configurações, treino anterior');
    expect(differences(digits, { ...digits }, 'en')).toEqual([]);
  });

  it('writes the values in Portuguese with a decimal comma', () => {
    expect(differenceLabel(digits, { ...digits, maxLr: 0.1 }, 'pt-BR')).toBe('max_lr 0,01 → 0,1');
    expect(differenceLabel({ ...digits, noise: 2.5 }, { ...digits, noise: 10 }, 'pt-BR')).toBe('noise 2,5 → 10');
  });

  it('writes lists, booleans, "all" rows and a slice as the attributes do', () => {
    expect(differenceLabel({ ...digits, hidden: [32, 16] }, { ...digits, hidden: [8] }, 'en')).toBe('hidden 32,16 → 8');
    expect(differenceLabel(digits, { ...digits, oversample: !digits.oversample }, 'en')).toBe(`oversample ${digits.oversample ? 'on → off' : 'off → on'}`);
    expect(differenceLabel({ ...digits, batchSize: Number.MAX_SAFE_INTEGER }, { ...digits, batchSize: 64 }, 'pt-BR')).toBe('batch_size todas → 64');
    expect(differenceLabel({ ...digits, maxLr: 1e-4, bodyLr: 1e-6 }, { ...digits, maxLr: 1e-4 }, 'en')).toBe('max_lr 1e-6–1e-4 → 1e-4');
  });

  it('writes two values the short form rounds alike in full, and ignores a CSV\'s rows', () => {
    expect(differenceLabel({ ...digits, maxLr: 0.00312 }, { ...digits, maxLr: 0.00314 }, 'en')).toBe('max_lr 0.00312 → 0.00314');
    const rows = { task: 'regression', features: ['x'], trainX: [[1]], trainY: [1], validX: [[1]], validY: [1] } as unknown as RunConfig['data'];
    expect(differences({ ...digits, data: rows }, digits, 'en')).toEqual([]);
  });
});
