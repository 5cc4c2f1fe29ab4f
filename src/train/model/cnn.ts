/**
 * The image classifiers, as layer lists in the spirit of fastai's `simple_cnn` and ResNet
 * stems: blocks of conv–batch-norm–ReLU, each halving the picture with a 2 × 2 max-pool, then
 * a head. The body (everything before the head) is what a backbone pretrains and a frozen
 * stage keeps; the head is the last linear layers, trained fresh for the learner's classes.
 *
 * @example
 * const layers = cnnLayers('cnn-tiny', { channels: 1, height: 28, width: 28 }, 10);
 * const body = layers.slice(0, cnnBodyLength('cnn-tiny'));   // conv-bn-relu-pool ×2, global pool
 */
import type { CnnName } from '../types';
import type { ImageSize, Layer } from './layers';

export type { CnnName } from '../types';
export const CNN_NAMES: readonly CnnName[] = ['cnn-tiny', 'cnn-small'];

/** The channels of each conv block, and whether the head is one linear layer on each channel's mean (tiny) or two on the flattened picture (small: fc64–fc10). */
const ARCHITECTURES: Record<CnnName, { channels: readonly number[]; hidden: number | null }> = {
  'cnn-tiny': { channels: [8, 16], hidden: null },
  'cnn-small': { channels: [16, 32], hidden: 64 },
};

/** conv 3×3 (no bias: the batch norm's shift is one), batch norm, ReLU, 2 × 2 max-pool. */
function convBlock(input: ImageSize, channels: number): { layers: Layer[]; output: ImageSize } {
  const conv: ImageSize = { ...input, channels };
  return {
    layers: [
      { kind: 'conv2d', input, channels, kernel: 3, bias: false },
      { kind: 'batchnorm', input: conv },
      { kind: 'activation', fn: 'relu' },
      { kind: 'maxpool', input: conv },
    ],
    output: { channels, height: Math.floor(input.height / 2), width: Math.floor(input.width / 2) },
  };
}

function body(name: CnnName, image: ImageSize): { layers: Layer[]; output: ImageSize } {
  let size = image;
  const layers: Layer[] = [];
  for (const channels of ARCHITECTURES[name].channels) {
    const block = convBlock(size, channels);
    layers.push(...block.layers);
    size = block.output;
  }
  return { layers, output: size };
}

/** The whole classifier for photos of `image`'s size and `classes` classes. */
export function cnnLayers(name: CnnName, image: ImageSize, classes: number): Layer[] {
  const { layers, output } = body(name, image);
  const { hidden } = ARCHITECTURES[name];
  if (hidden === null) return [...layers, { kind: 'global-avg-pool', input: output }, { kind: 'linear', inputs: output.channels, outputs: classes, bias: true }];
  const flat = output.channels * output.height * output.width;
  return [
    ...layers,
    { kind: 'flatten', input: output },
    { kind: 'linear', inputs: flat, outputs: hidden, bias: true },
    { kind: 'activation', fn: 'relu' },
    { kind: 'linear', inputs: hidden, outputs: classes, bias: true },
  ];
}

/** How many of cnnLayers' layers are the body: all but the head's linear layers and their activation. */
export function cnnBodyLength(name: CnnName): number {
  const convs = ARCHITECTURES[name].channels.length * 4;
  // tiny: the global pool belongs to the body; small: the flatten does.
  return convs + 1;
}
