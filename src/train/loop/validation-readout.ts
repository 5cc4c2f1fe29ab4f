/**
 * What a classification run's validation passes say beyond the loss: the error rates, overall
 * and per class, and from the last pass the classes of the rows the views show, fastai's
 * confusion matrix and its top losses.
 *
 * @example
 * const { errorRate, classErrorRates } = errorRates(Float32Array.of(0, 1, 0, 0), Float32Array.of(0, 1, 1, 0), 2);
 * // errorRate 0.25; classErrorRates [0, 0.5]
 * const { confusion, topLosses } = readLogits(Float32Array.of(2, -1, 0, 3), Float32Array.of(0, 0), 2, 2);
 * // confusion [[1, 1], [0, 0]]; topLosses[0]: { index: 1, actual: 0, predicted: 1, loss ≈ 3.05, probability ≈ 0.047 }
 */
import type { Backend } from '../../backend';
import type { DeviceData } from '../data/device-data';
import { TOP_LOSSES, type TopLoss } from '../types';
import type { StepRecorder } from './step-recorder';

/** What the last validation pass of a classification run says row by row. */
export interface ValidationReadout {
  /** The class each validation row is given. */
  predictions: number[];
  /** Counts, rows the actual class, columns the predicted one. */
  confusion: number[][];
  /** The TOP_LOSSES validation rows with the largest loss, largest first. */
  topLosses: TopLoss[];
}

/** Model m's last validation pass read back whole (once, after the run): its predictions, confusion and top losses. */
export async function readValidation(backend: Backend, steps: StepRecorder, data: DeviceData, model: number): Promise<ValidationReadout | null> {
  if (!data.validLabels || data.classCount < 2) return null;
  const rows = data.validRows;
  const [logits] = await backend.readRanges([{ tensor: steps.validLogits, offset: model * rows * data.outputs, length: rows * data.outputs }]);
  const labels = data.stacked ? data.validLabels.subarray(model * rows, (model + 1) * rows) : data.validLabels.subarray(0, rows);
  return readLogits(logits!, labels, data.outputs, data.classCount);
}

/**
 * Each row's predicted class and loss from its logits: one logit a row is binary (its sigmoid
 * the probability of class 1, as binary cross-entropy reads it), more are softmax's; the loss
 * is the row's cross-entropy, −log of the actual class's probability, as fastai's top losses take it.
 */
export function readLogits(logits: Float32Array, labels: Float32Array, outputs: number, classCount: number): ValidationReadout {
  const rows = labels.length;
  const predicted = new Array<number>(rows);
  const losses = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    const actual = labels[r]!;
    if (outputs === 1) {
      const z = logits[r]!;
      predicted[r] = z > 0 ? 1 : 0;
      // −log σ(±z) = softplus(∓z), written to stay finite for large |z|.
      const t = actual === 1 ? -z : z;
      losses[r] = Math.max(t, 0) + Math.log1p(Math.exp(-Math.abs(t)));
    } else {
      const row = logits.subarray(r * outputs, (r + 1) * outputs);
      let best = 0;
      for (let c = 1; c < outputs; c++) if (row[c]! > row[best]!) best = c;
      let sum = 0;
      for (let c = 0; c < outputs; c++) sum += Math.exp(row[c]! - row[best]!);
      predicted[r] = best;
      losses[r] = row[best]! + Math.log(sum) - row[actual]!;
    }
  }
  const confusion = Array.from({ length: classCount }, () => new Array<number>(classCount).fill(0));
  for (let r = 0; r < rows; r++) confusion[labels[r]!]![predicted[r]!]!++;
  // A NaN loss (a diverged run) sorts first: it is the worst there is.
  const order = Array.from({ length: rows }, (_, r) => r).sort((a, b) => (Number.isNaN(losses[a]!) ? -1 : Number.isNaN(losses[b]!) ? 1 : losses[b]! - losses[a]! || a - b));
  const topLosses = order.slice(0, TOP_LOSSES).map((index): TopLoss => ({
    index,
    actual: labels[index]!,
    predicted: predicted[index]!,
    loss: losses[index]!,
    probability: Math.exp(-losses[index]!),
  }));
  return { predictions: predicted, confusion, topLosses };
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
