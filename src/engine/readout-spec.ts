/**
 * What a classification run's readout must agree with, for the engine specs of every backend:
 * one predicted class per validation row, a confusion matrix whose columns count them and whose
 * off-diagonal share is the last epoch's error rate, top losses sorted largest first whose
 * predicted classes are the rows' own and whose worst is no smaller than the mean (the validation loss).
 *
 * @example
 * // given: const result: RunResult
 * // (a classification run that trained: cancer, 114 validation rows)
 * expectReadout(result, 114);
 */
import { expect } from 'vitest';
import { TOP_LOSSES, type RunResult } from '../train/types';

export function expectReadout(result: RunResult, validRows: number): void {
  const { predictions, confusion, topLosses } = result;
  const last = result.history.at(-1)!;
  expect(predictions).toHaveLength(validRows);
  const counted = confusion!.flat().reduce((a, b) => a + b, 0);
  expect(counted).toBe(validRows);
  const missed = counted - confusion!.reduce((sum, row, c) => sum + row[c]!, 0);
  expect(missed / validRows).toBeCloseTo(last.errorRate!, 10);
  // Each column counts the rows given that class.
  confusion![0]!.forEach((_, predicted) => expect(confusion!.reduce((sum, row) => sum + row[predicted]!, 0)).toBe(predictions!.filter((p) => p === predicted).length));
  expect(topLosses).toHaveLength(Math.min(TOP_LOSSES, validRows));
  for (const [i, top] of topLosses!.entries()) {
    expect(top.predicted).toBe(predictions![top.index]);
    expect(top.probability).toBeCloseTo(Math.exp(-top.loss), 6);
    if (i > 0) expect(top.loss).toBeLessThanOrEqual(topLosses![i - 1]!.loss);
  }
  // The largest row loss is at least the mean of them all, up to float32 rounding.
  expect(topLosses![0]!.loss).toBeGreaterThanOrEqual(last.validLoss * (1 - 1e-5));
}
