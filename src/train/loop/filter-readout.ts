/**
 * ConvNetJS's live look inside a CNN: its first layer's filters and one validation photo's
 * activation maps after each conv block's ReLU, read with the readback a chunk of epochs
 * already makes (trainer.ts): the maps are the last validation pass's, which every epoch runs
 * over the whole validation set, and the filters the weights at that point. No step reads
 * anything more.
 *
 * @example
 * import type { Sequential } from '../model/sequential';
 * import type { StepRecorder } from './step-recorder';
 * // a CNN, its recorder, the readback of readout.ranges
 * // given: const model: Sequential, steps: StepRecorder, values: Float32Array[]
 * const readout = filterReadout(model, steps, 0)!;
 * const maps = readout.read(values);   // maps.filters: 16 filters of 3 × 3; maps.blocks: 16 × 28 × 28, 32 × 14 × 14
 */
import type { TensorRange } from '../../backend';
import type { Sequential } from '../model/sequential';
import type { FilterMaps } from '../types';
import type { StepRecorder } from './step-recorder';

export interface FilterReadout {
  /** What to read, after the chunk's other ranges. */
  ranges: TensorRange[];
  /** The maps from those ranges' values, in order. */
  read(values: Float32Array[]): FilterMaps;
}

/** The readout of `model`'s filters and of validation photo `photo`'s maps; null for a model without a conv layer. */
export function filterReadout(model: Sequential, steps: StepRecorder, photo: number): FilterReadout | null {
  const { layers } = model;
  const first = layers.findIndex((l) => l.kind === 'conv2d');
  const conv = layers[first];
  if (!conv || conv.kind !== 'conv2d') return null;
  const place = model.parameterRanges().find((r) => r.layer === first)!;
  const filterSize = conv.kernel * conv.kernel;
  // The first input channel's taps of each filter: a photo's grey, or its red.
  const weights: TensorRange = { tensor: model.weights, offset: place.offset, length: conv.channels * conv.input.channels * filterSize };
  // Each conv block's ReLU: an activation that follows a batch norm.
  const relus = layers.flatMap((l, i) => {
    const before = layers[i - 1];
    return l.kind === 'activation' && before?.kind === 'batchnorm' ? [{ layer: i, size: before.input }] : [];
  });
  const blocks = relus.map(({ layer, size }) => {
    const values = size.channels * size.height * size.width;
    return { size, range: { tensor: steps.validationOutput(model.blockOf(layer)), offset: photo * values, length: values } };
  });
  return {
    ranges: [weights, ...blocks.map((b) => b.range)],
    read(values) {
      const taps = values[0]!;
      return {
        photo,
        filters: {
          count: conv.channels,
          size: conv.kernel,
          values: Array.from({ length: conv.channels * filterSize }, (_, i) => taps[Math.floor(i / filterSize) * conv.input.channels * filterSize + (i % filterSize)]!),
        },
        blocks: blocks.map((b, k) => ({ ...b.size, values: Array.from(values[k + 1]!) })),
      };
    },
  };
}
