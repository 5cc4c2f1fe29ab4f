import { describe, expect, it } from 'vitest';
import { diagnose } from './diagnosis';
import { resolveConfig } from '../config';
import type { EpochStats, WhatIf } from '../types';
import { verdict, whatIfChange, whatIfLabel } from './what-if';
import { whatIfReuse } from './what-if-reuse';

describe('what-ifs that reuse a constant-rate run', () => {
  it('reuse its first epochs where nothing in a step depends on the run\'s length, and continue it only where no state carries', () => {
    const config = resolveConfig({ scenario: 'line', schedule: 'constant' }).config;
    const main = { history: Array.from({ length: 100 }, (_, i) => ({ epoch: i + 1, trainLoss: 1, validLoss: 1, errorRate: null, lr: 0.1, elapsedMs: i })), stopReason: 'done' as const, params: [3, 2.5] };
    expect(whatIfReuse(config, { epochs: 300 }, main)).toEqual({ kind: 'continue', epochs: 200, startWeights: [3, 2.5] });
    expect(whatIfReuse(config, { epochs: 62 }, main)).toMatchObject({ kind: 'prefix', outcome: { stopReason: 'done' } });
    expect(whatIfReuse(config, { maxLr: 0.01 }, main).kind).toBe('none');
    expect(whatIfReuse({ ...config, schedule: 'one-cycle' }, { epochs: 300 }, main).kind).toBe('none');
    expect(whatIfReuse({ ...config, optimizer: 'adam' }, { epochs: 300 }, main).kind).toBe('none');
    expect(whatIfReuse({ ...config, optimizer: 'adam' }, { epochs: 62 }, main).kind).toBe('prefix');
    expect(whatIfReuse({ ...config, batchSize: 10 }, { epochs: 300 }, main).kind).toBe('none');
    expect(whatIfReuse({ ...config, schedule: 'one-cycle' }, { epochs: 62 }, main).kind).toBe('none');
    expect(whatIfReuse(config, { epochs: 300 }, { ...main, stopReason: 'diverged' }).kind).toBe('none');
  });
});

describe('the provisional message', () => {
  const config = resolveConfig({ scenario: 'digits', epochs: 10 }).config;
  const epochs = (pairs: [number, number][]): EpochStats[] =>
    pairs.map(([trainLoss, validLoss], i) => ({ epoch: i + 1, trainLoss, validLoss, errorRate: null, lr: 1e-3, elapsedMs: i }));

  it('states only signs the numbers beside it show', () => {
    const above = diagnose(epochs([[2, 1.5], [1, 0.8], [0.5, 0.4]]), { config, stopReason: 'done' });
    expect(above.message).toContain('training loss 0.5 is still above the validation loss 0.4');
    // The old rule said "train above valid" here, where the screen read train 0.219, valid 0.274.
    const improving = diagnose(epochs([[2, 2], [1, 1.2], [0.6, 0.7], [0.4, 0.5], [0.3, 0.45], [0.219, 0.274]]), { config, stopReason: 'done' });
    expect(improving.message).not.toContain('above');
    expect(improving.message).toContain('still falling, from 0.5 to 0.274');
    const overfit = diagnose(epochs([[1, 1], [0.5, 0.4], [0.3, 0.5], [0.2, 0.6]]), { config, stopReason: 'running' });
    expect(overfit.code).toBe('too-many-epochs');
    expect(overfit.message).toMatch(/^So far: .*lowest at epoch 2 \(0\.4\), then rose to 0\.6/);
    expect(overfit.final).toBe(false);
  });

  it('names over-fitting on a small training set too many epochs, and adds that more data may help', () => {
    const early = epochs([[1, 1], [0.5, 0.4], [0.3, 0.5], [0.2, 0.6], [0.1, 0.7], [0.05, 0.8], [0.03, 0.9], [0.02, 1], [0.01, 1.1], [0.005, 1.2]]);
    const small = diagnose(early, { config, stopReason: 'running', smallTrainingSet: true });
    expect(small.code).toBe('too-many-epochs');
    expect(small.message).toMatch(/^So far: too many epochs, it seems: .*lowest early, at epoch 2 \(0\.4\).* more data may help too\.$/);
    const pt = diagnose(early, { config, stopReason: 'running', smallTrainingSet: true }, 'pt-BR');
    expect(pt.message).toMatch(/parecem épocas demais: .*mais dados também podem ajudar\.$/);
  });
});

// fashion on 500 photos for 40 epochs, from scratch without augmentation, as measured on the
// CPU: valid lowest (0.605) at epoch 16, 0.720 at 40; 16 epochs end at 0.578, max_lr ÷ 10 at
// 0.571; it was called "more data may help" and then "ok".
describe('the verdict on curves that over-fit', () => {
  const config = resolveConfig({ scenario: 'fashion', epochs: 40, trainSize: 500 }).config;
  const history: EpochStats[] = Array.from({ length: 40 }, (_, i) => ({
    epoch: i + 1,
    trainLoss: 1 / (i + 1),
    // Lowest, 0.605, at epoch 16; 0.720 at 40.
    validLoss: i < 15 ? 1 - (0.395 * i) / 15 : 0.605 + (0.115 * (i - 15)) / 24,
    errorRate: 0.2,
    lr: 1e-3,
    elapsedMs: i,
  }));
  const whatIf = (code: WhatIf['code'], change: WhatIf['change'], finalValidLoss: number) => ({ code, change, finalValidLoss, gain: 0.72 / finalValidLoss, history: [] }) as WhatIf;
  const fewer = whatIf('too-many-epochs', { epochs: 16 }, 0.578);
  const allRows = whatIf('more-data', { trainSize: 5000 }, 0.35);

  it('cites the fewer epochs that got better, even where more rows would gain more', () => {
    const judged = verdict(config, history, 'done', [fewer, allRows, whatIf('lr-too-high', { maxLr: 1e-4 }, 0.571)]);
    expect(judged.code).toBe('too-many-epochs');
    expect(judged.cited).toBe(fewer);
  });

  it('cites another slider where it clears 25 % and gains more than fewer epochs', () => {
    const lower = whatIf('lr-too-high', { maxLr: 1e-4 }, 0.5);
    expect(verdict(config, history, 'done', [fewer, lower]).cited).toBe(lower);
  });

  it('does not call it too many epochs where fewer did not get better', () => {
    expect(verdict(config, history, 'done', [whatIf('too-many-epochs', { epochs: 16 }, 0.7), allRows]).code).toBe('more-data');
  });
});

describe('what-ifs in words', () => {
  it('say one epoch in the singular, in both languages', () => {
    const config = resolveConfig({ scenario: 'line', epochs: 100 }).config;
    const w = { code: 'too-many-epochs', change: { epochs: 1 }, finalValidLoss: 1, gain: 1, history: [] } as WhatIf;
    expect(whatIfLabel(w, config, 'en')).toBe('1 epoch');
    expect(whatIfChange(w, config, 'en')).toBe('1 epoch instead of 100');
    expect(whatIfLabel(w, config, 'pt-BR')).toBe('1 época');
    expect(whatIfLabel({ ...w, change: { epochs: 55 } }, config, 'en')).toBe('55 epochs');
  });
});

describe('the from-scratch comparison in words', () => {
  it('is named as what it is, in both languages', () => {
    const config = resolveConfig({ scenario: 'fashion' }).config;
    const w = { code: 'ok', change: { pretrained: 'off', stage: 'unfrozen' }, finalValidLoss: 1, gain: 1, history: [], source: 'from-scratch' } as WhatIf;
    expect(whatIfLabel(w, config, 'en')).toBe('from scratch');
    expect(whatIfChange(w, config, 'en')).toBe('training from scratch instead of from the pretrained body');
    expect(whatIfLabel(w, config, 'pt-BR')).toBe('do zero');
  });
});
