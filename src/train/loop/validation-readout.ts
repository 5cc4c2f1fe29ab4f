/**
 * What a classification run's validation passes say beyond the loss: the error rates, overall
 * and per class, and the classes the last pass gave the rows the views show.
 *
 * @example
 * const { errorRate, classErrorRates } = errorRates(Float32Array.of(0, 1, 0, 0), Float32Array.of(0, 1, 1, 0), 2);
 * // errorRate 0.25; classErrorRates [0, 0.5]
 */
import type { Backend } from '../../backend';
import type { DeviceData } from '../data/device-data';
import { PREVIEW_ROWS } from '../types';
import type { StepRecorder } from './step-recorder';

/** The class each of the first PREVIEW_ROWS validation rows is given by model m's last validation pass. */
export async function predictedClasses(backend: Backend, steps: StepRecorder, data: DeviceData, model: number): Promise<number[]> {
  const rows = Math.min(PREVIEW_ROWS, data.validRows);
  const offset = model * data.validRows * data.outputs;
  const [logits] = await backend.readRanges([{ tensor: steps.validLogits, offset, length: rows * data.outputs }]);
  return Array.from({ length: rows }, (_, r) => {
    if (data.outputs === 1) return logits![r]! > 0 ? 1 : 0;
    const row = Array.from(logits!.subarray(r * data.outputs, (r + 1) * data.outputs));
    return row.indexOf(Math.max(...row));
  });
}

/** Overall and per-class error rates from one validation pass's 0/1 misses. */
export function errorRates(wrong: Float32Array, labels: Float32Array, classCount: number): { errorRate: number; classErrorRates: number[] } {
  const misses = new Array<number>(classCount).fill(0);
  const totals = new Array<number>(classCount).fill(0);
  let missed = 0;
  for (let i = 0; i < labels.length; i++) {
    const c = labels[i]!;
    totals[c]!++;
    if (wrong[i]! !== 0) {
      misses[c]!++;
      missed++;
    }
  }
  return { errorRate: missed / labels.length, classErrorRates: misses.map((m, c) => (totals[c] ? m / totals[c]! : 0)) };
}
