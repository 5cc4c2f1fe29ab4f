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
