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

  it('still reads a run that crawled at chance without a jump as under-fitting', () => {
    const crawl = [epoch(1, 2.367, 2.326, 0.9, 2.41), epoch(2, 2.365, 2.337, 0.93), epoch(3, 2.365, 2.35, 0.88), epoch(4, 2.364, 2.363, 0.89)];
    expect(diagnose(crawl, { config: { ...config, maxLr: 1e-5 }, stopReason: 'done' }).code).toBe('too-few-epochs');
  });
});
