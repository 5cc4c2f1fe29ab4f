import { expect, it } from 'vitest';
import { formatLoss, formatLr } from './format';

it.each([
  [0.003, '3e-3'],
  [3e-3, '3e-3'],
  [0.1, '0.1'],
  [0.0376, '0.038'],
  [1e-5, '1e-5'],
  [10, '10'],
  [2.5e-7, '2.5e-7'],
])('writes the learning rate %d as %s', (lr, text) => {
  expect(formatLr(lr)).toBe(text);
});

it('writes losses with three significant digits and a dash for non-finite ones', () => {
  expect(formatLoss(0.083333)).toBe('0.0833');
  expect(formatLoss(NaN)).toBe('—');
});

it('writes decimal commas in Portuguese, points in English', () => {
  expect(formatLoss(0.0838, 'pt-BR')).toBe('0,0838');
  expect(formatLr(0.1, 'pt-BR')).toBe('0,1');
  expect(formatLr(2.5e-7, 'pt-BR')).toBe('2,5e-7');
  expect(formatLr(3e-3, 'pt-BR')).toBe('3e-3');
  expect(formatLoss(0.0838, 'en')).toBe('0.0838');
});
