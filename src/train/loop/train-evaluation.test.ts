import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../config';
import { summarize } from './train-evaluation';
import { gapCause, trainAboveValid } from '../diagnosis/train-gap';
import type { EpochStats } from '../types';

const last = (trainLoss: number, validLoss: number): EpochStats => ({ epoch: 1, trainLoss, validLoss, errorRate: null, lr: 0.1, elapsedMs: 0 });

describe('the training set evaluated with the final weights', () => {
  it('averages the row losses, and reweights each class\'s mean by its share of the validation set', () => {
    const losses = Float32Array.from([0.1, 0.1, 0.1, 0.9]);
    expect(summarize(losses, null, null, 0).loss).toBeCloseTo(0.3, 6);
    // Three rows of class 0 (copies, say), one of class 1; validation half and half.
    const mixed = summarize(losses, Uint32Array.from([0, 0, 0, 1]), Float32Array.from([0, 1]), 2);
    expect(mixed.loss).toBeCloseTo(0.3, 6);
    expect(mixed.validMixLoss).toBeCloseTo(0.5, 6);
    // A class the training rows lack weighs nothing; the others' shares are renormalised.
    expect(summarize(losses, Uint32Array.from([0, 0, 0, 0]), Float32Array.from([0, 1, 1]), 2).validMixLoss).toBeCloseTo(0.3, 6);
  });

  it('names the cause of train loss above valid loss from that measurement', () => {
    const line = resolveConfig({ scenario: 'line' }).config;
    const imbalanced = resolveConfig({ scenario: 'cancer', imbalance: 8 }).config;
    expect(trainAboveValid(last(0.0838, 0.077))).toBe(true);
    expect(trainAboveValid(last(0.08, 0.077))).toBe(false);
    expect(gapCause(line, last(0.0838, 0.077), { loss: 0.076 })).toBe('averaging');
    expect(gapCause(line, last(0.0838, 0.077), { loss: 0.0838 })).toBe('harder-rows');
    expect(gapCause(imbalanced, last(0.2, 0.1), { loss: 0.2, validMixLoss: 0.1 })).toBe('class-mix');
    expect(gapCause(line, last(0.2, 0.1), { loss: 0.2, validMixLoss: 0.1 })).toBe('harder-rows');
    expect(gapCause(line, last(0.0838, 0.077), undefined)).toBeNull();
  });
});
