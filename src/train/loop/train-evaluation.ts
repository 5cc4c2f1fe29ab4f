/**
 * The loss on the whole training set with a run's final weights, as fastai's `validate` on
 * the training set gives it: every training row once, in one forward pass, no weight penalty
 * (the penalty only ever enters the gradients here: step-recorder.ts) and no update between
 * rows. The epoch's train loss the chart shows is something else: the mean of its mini-batch
 * losses, each taken before its own step, while the weights were still moving. Comparing
 * the two, and the validation loss, tells why train loss can end above valid loss
 * (train-gap.ts).
 *
 * @example
 * import type { DeviceData } from '../data/device-data';
 * import type { Sequential } from '../model/sequential';
 * // given: const backend: Backend, model: Sequential, data: DeviceData
 * const evaluation = await evaluateTrainingSet(backend, model, data); // { loss: 0.081, validMixLoss: undefined }
 */
import type { Backend, Tensor } from '../../backend';
import type { DeviceData } from '../data/device-data';
import type { Sequential } from '../model/sequential';

export interface TrainEvaluation {
  /** Mean loss over the training table as it is trained on (oversampled copies count as rows). */
  loss: number;
  /**
   * Classification: each class's mean training loss weighted by that class's share of the
   * validation set, which is never resampled: the training loss with the validation set's
   * mix of classes, so a mix changed by imbalance or oversampling no longer counts.
   */
  validMixLoss?: number;
}

/** Rows a photo model evaluates at once: a multiple of 64, so each piece's slices start aligned (SLICE_ALIGNMENT). */
export const IMAGE_PIECE_ROWS = 256;

/** The first model of `model` (the run itself) over the first copy of the training rows. */
export async function evaluateTrainingSet(backend: Backend, model: Sequential, data: DeviceData): Promise<TrainEvaluation> {
  const rows = data.trainRows;
  const made: Tensor[] = [];
  const make = (length: number, label: string, dtype: 'f32' | 'u32' = 'f32') => {
    const tensor = backend.tensor(length, label, dtype);
    made.push(tensor);
    return tensor;
  };
  try {
    // A photo model's activations over every training row would outgrow a buffer: it goes a piece at a time.
    const piece = model.stages.length > 0 ? rows : Math.min(rows, IMAGE_PIECE_ROWS);
    const activations = model.activations(piece, 'train evaluation', 1);
    made.push(...activations);
    const logits = activations[activations.length - 1]!;
    const rowLoss = make(rows, 'train evaluation row losses');
    const grad = make(piece * data.outputs, 'train evaluation gradients (unused)');
    const nonFinite = make(1, 'train evaluation flag (unused)', 'u32');
    backend.write(nonFinite, new Uint32Array(1));
    for (let start = 0; start < rows; start += piece) {
      const count = Math.min(piece, rows - start);
      const at = (tensor: Tensor, width: number, label: string) => (start === 0 ? tensor : backend.slice(tensor, start * width, count * width, label));
      model.forward(at(data.trainX, data.featureCount, 'train evaluation rows'), count, activations, 0, 1);
      const targets = at(data.trainY, 1, 'train evaluation targets');
      backend.loss(data.loss, { logits, targets, grad, rowLoss: at(rowLoss, 1, 'train evaluation piece losses'), nonFinite }, count, data.outputs, 1 / rows, count);
    }
    const [losses] = await backend.readRanges([{ tensor: rowLoss }]);
    const labels = data.classCount > 0 ? (await backend.readWords(data.trainY)).subarray(0, rows) : null;
    return summarize(losses!, labels, data.validLabels?.subarray(0, data.validRows) ?? null, data.classCount);
  } finally {
    for (const tensor of made) backend.release(tensor);
  }
}

/** The mean row loss and, given labels, the validation-mix mean (float64 sums). */
export function summarize(rowLosses: Float32Array, trainLabels: Uint32Array | null, validLabels: Float32Array | null, classCount: number): TrainEvaluation {
  let total = 0;
  for (const x of rowLosses) total += x;
  const loss = total / rowLosses.length;
  if (!trainLabels || !validLabels || classCount < 2) return { loss };
  const sums = new Array<number>(classCount).fill(0);
  const counts = new Array<number>(classCount).fill(0);
  trainLabels.forEach((c, i) => {
    sums[c]! += rowLosses[i]!;
    counts[c]!++;
  });
  const shares = new Array<number>(classCount).fill(0);
  for (const c of validLabels) shares[c]!++;
  // Classes the training rows lack carry no training loss: the others' shares are renormalised.
  let weight = 0;
  let mixed = 0;
  shares.forEach((share, c) => {
    if (counts[c]! === 0) return;
    weight += share;
    mixed += (share * sums[c]!) / counts[c]!;
  });
  return weight > 0 ? { loss, validMixLoss: mixed / weight } : { loss };
}

/**
 * line's training MSE at its final (a, b), from the loss-surface pass at one grid point: the
 * fused epochs keep their weights in a batch tensor, not in a model, and this needs none.
 */
export async function evaluateLine(backend: Backend, data: DeviceData, params: readonly number[]): Promise<TrainEvaluation> {
  const [a, b] = params as [number, number];
  const out = backend.tensor(1, 'line train evaluation');
  try {
    backend.lossSurface(data.trainX, data.trainY, data.trainRows, out, { aMin: a, aMax: a, bMin: b, bMax: b, cols: 1, rows: 1 });
    const [loss] = await backend.read(out);
    return { loss: loss! };
  } finally {
    backend.release(out);
  }
}
