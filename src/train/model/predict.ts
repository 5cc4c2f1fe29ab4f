/**
 * A trained classifier's answer for one input: its layers rebuilt on a backend from the
 * saved weights, one forward pass in evaluation mode (batch norms on their running
 * statistics, as fastai's `learn.predict`), and the logits turned into probabilities on the
 * host in float64, the way the validation readout reads them (validation-readout.ts).
 *
 * @example
 * // a digits run, and a photo's 64 pixels in [0, 1]
 * // given: const backend: Backend, result: RunResult, row: number[]
 * const { className, probabilities } = await predictRow(backend, result.model!, row);
 */
import type { Backend } from '../../backend';
import type { Prediction, TrainedModel } from '../types';
import { valuesPerRow } from './layers';
import { modelWeightCount } from './model-file';
import { Sequential } from './sequential';

/** How many values one input row of the model holds: its first layer's inputs. */
export function inputWidth(model: TrainedModel): number {
  const first = model.layers[0]!;
  if (first.kind === 'activation') throw new Error('A model cannot start with an activation.');
  return first.kind === 'linear' ? first.inputs : valuesPerRow(first.input);
}

export async function predictRow(backend: Backend, model: TrainedModel, input: ArrayLike<number>): Promise<Prediction> {
  if (model.classNames.length === 0) throw new Error('This model is a regression: it gives a value, not classes to predict.');
  const width = inputWidth(model);
  if (input.length !== width) throw new RangeError(`This model takes ${width} values an input, not ${input.length}.`);
  if (model.weights.length !== modelWeightCount(model.layers)) throw new Error(`This model's layers hold ${modelWeightCount(model.layers)} weights, not ${model.weights.length}.`);
  const network = new Sequential(backend, model.layers, 1);
  const x = backend.tensor(width, 'predict input');
  const activations = network.activations(1, 'predict');
  try {
    network.loadState(model.weights);
    backend.write(x, Float32Array.from(input));
    network.forward(x, 1, activations, 0, 1);
    const [logits] = await backend.readRanges([{ tensor: activations[activations.length - 1]! }]);
    return prediction(logits!, model.classNames);
  } finally {
    for (const tensor of activations) backend.release(tensor);
    backend.release(x);
    network.dispose();
  }
}

/** Probabilities from one row of logits: one logit is a sigmoid's (class 1's probability), more a softmax's. */
export function prediction(logits: Float32Array, classNames: readonly string[]): Prediction {
  let probabilities: number[];
  if (logits.length === 1) {
    const p = 1 / (1 + Math.exp(-logits[0]!));
    probabilities = [1 - p, p];
  } else {
    const top = Math.max(...logits);
    const exps = Array.from(logits, (z) => Math.exp(z - top));
    const sum = exps.reduce((a, b) => a + b, 0);
    probabilities = exps.map((e) => e / sum);
  }
  // As the validation readout picks: the first of equal largest logits; a binary logit of exactly 0 is class 0.
  let classIndex = logits.length === 1 ? (logits[0]! > 0 ? 1 : 0) : 0;
  for (let c = 1; c < logits.length; c++) if (logits[c]! > logits[classIndex]!) classIndex = c;
  return { classIndex, className: classNames[classIndex] ?? String(classIndex), probabilities };
}
