import { describe, expect, it } from 'vitest';
import { diagnose } from './diagnosis';
import { defaultConfig } from '../config';
import type { EpochStats } from '../types';

const epoch = (n: number, trainLoss: number, validLoss: number, errorRate: number, first?: number): EpochStats => ({
  epoch: n, trainLoss, validLoss, errorRate, lr: 0, elapsedMs: 0, ...(first !== undefined ? { stepLosses: [first, trainLoss] } : {}),
});

describe('the provisional diagnosis of a loss that jumped and settled at chance', () => {
  // cnn-small, max_lr 0.5, trainSize 1000, seed 0 on the CPU twin (2026-12-05): one class for every photo.
  const stuck = [epoch(1, 6.0, 3.681, 0.799, 2.303), epoch(2, 2.905, 2.391, 0.9), epoch(3, 2.344, 2.318, 0.9), epoch(4, 2.305, 2.316, 0.9)];
  const config = { ...defaultConfig('fashion'), maxLr: 0.5 };

  it('names the learning rate too high, not too few epochs', () => {
    const d = diagnose(stuck, { config, stopReason: 'done' }, 'en');
    expect(d.code).toBe('lr-too-high');
    expect(d.message).toBe('From the curves alone: the learning rate looks too high: the training loss jumped to 6 and came back only to 2.31, about where it started: the steps threw the model off and it stopped learning.');
    expect(diagnose(stuck, { config, stopReason: 'done' }, 'pt-BR').message).toContain('saltou para 6 e só voltou a 2,31');
  });

  it('names it too when the loss rose from above chance and stayed worse than guessing (a fresh head on the pretrained body at max_lr 5)', () => {
    // cnn-tiny, frozen pretrained body, max_lr 5, 256 photos, seed 1 on the CPU twin (2026-12-05).
    const tenClasses = { classErrorRates: new Array(10).fill(0.87) };
    const climbed = [{ ...epoch(1, 3.483, 3.34, 0.889, 3.159), ...tenClasses }, { ...epoch(2, 3.027, 2.902, 0.865), ...tenClasses }];
    expect(diagnose(climbed, { config: { ...config, maxLr: 5 }, stopReason: 'done' }).code).toBe('lr-too-high');
    // The same body at max_lr 1e-5: 3.16 → 2.72 → 2.71, a crawl down, not a climb.
    const crawled = [{ ...epoch(1, 2.72, 2.826, 0.898, 3.159), ...tenClasses }, { ...epoch(2, 2.708, 2.832, 0.903), ...tenClasses }];
    expect(diagnose(crawled, { config: { ...config, maxLr: 1e-5 }, stopReason: 'done' }).code).toBe('too-few-epochs');
    // From scratch at 1e-6: a hair above ln 10 after a hair above its start is noise, not a climb.
    const flat = [{ ...epoch(1, 2.305, 2.304, 0.9, 2.303), ...tenClasses }, { ...epoch(2, 2.304, 2.304, 0.9), ...tenClasses }];
    expect(diagnose(flat, { config: { ...config, maxLr: 1e-6 }, stopReason: 'done' }).code).toBe('too-few-epochs');
  });

  it('still reads a run that crawled at chance without a jump as under-fitting', () => {
    const crawl = [epoch(1, 2.367, 2.326, 0.9, 2.41), epoch(2, 2.365, 2.337, 0.93), epoch(3, 2.365, 2.35, 0.88), epoch(4, 2.364, 2.363, 0.89)];
    expect(diagnose(crawl, { config: { ...config, maxLr: 1e-5 }, stopReason: 'done' }).code).toBe('too-few-epochs');
  });
});
