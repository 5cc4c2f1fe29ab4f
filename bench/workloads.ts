/**
 * The benchmark's workloads, the same for every contender: the lesson-2 line (n = 100,
 * 100 full-batch plain-SGD steps at lr 0.1), the digits MLP 64-128-10 (Adam 3e-3 constant,
 * batch 64, 5 epochs over 1,437 rows, validation loss on 360 rows after each epoch), line's
 * loss surface on a 128 × 128 grid, square matmuls, and TensorFlow Playground's ground: the
 * spiral's default run (2-8-8-8-1 ReLU, Adam 0.03 constant, batch 16, 100 epochs over 400
 * points, the decision boundary on a 100 × 100 grid after every epoch) and that grid's
 * evaluation alone for a 2-8-8-1 tanh net; and lesson 2's photos: one `fashion` epoch of the
 * default network (cnn-small, trained whole: Adam 1e-3 constant, batch 64, over N of the
 * 5,000 training photos, the seed's shuffle cut to N as train-size picks them; the validation
 * loss on all 1,000 test photos at its end) and the convolutions of its second block alone.
 */
import type { Conv2dShape } from '../src/backend';
import { defaultConfig } from '../src/train/config';
import { loadDigits } from '../src/train/data/builtin';
import { loadFashion, prepareImages, type PreparedImages } from '../src/train/data/fashion';
import { prepareData, type PreparedData } from '../src/train/data/prepare';
import type { RunConfig } from '../src/train/types';
import { uniformFloat } from '../src/cpu/rng';
import { STREAMS } from '../src/train/streams';
import { planarDataset } from '../src/train/data/planar';
import { gridCell, PLANAR_EXTENT } from '../src/planar-geometry';

export const LINE_CONFIG: Partial<RunConfig> = { scenario: 'line', epochs: 100, maxLr: 0.1, schedule: 'constant', optimizer: 'sgd', seed: 0 };
export const DIGITS_CONFIG: Partial<RunConfig> = { scenario: 'digits', epochs: 5, maxLr: 3e-3, schedule: 'constant', optimizer: 'adam', batchSize: 64, seed: 0 };
export const MATMUL_SIZES = [64, 256, 1024];
/** The fashion epoch: all 5,000 training photos (`--fashion-photos N` times N of them instead, as train-size N picks them). */
export const FASHION_PHOTOS = 5000;
export const FASHION_BATCH = 64;
export const FASHION_LR = 1e-3;
/**
 * One epoch of the default network trained whole from the seed's weights: no pretrained body,
 * unfrozen (so every conv's backward runs, as in the peers), no augmentation, Adam at a
 * constant rate (TF.js's optimizers take one rate), on `photos` of the training photos
 * (train-size: the seed's shuffle of the 5,000, cut to `photos`).
 */
export function fashionConfig(photos = FASHION_PHOTOS): Partial<RunConfig> {
  return { scenario: 'fashion', model: 'cnn-small', pretrained: 'off', stage: 'unfrozen', augment: 'off', optimizer: 'adam', schedule: 'constant', epochs: 1, batchSize: FASHION_BATCH, maxLr: FASHION_LR, trainSize: photos, seed: 0 };
}
export const FASHION_CONFIG = fashionConfig();
/** cnn-small's second conv (16 → 32 channels on 14 × 14, 3 × 3) on a batch of 64: the conv workload's shape. */
export const CONV_SHAPE: Conv2dShape = { batch: 64, channelsIn: 16, channelsOut: 32, height: 14, width: 14, kernel: 3 };
/** A convolution layer's three passes: its forward, and the gradients of its input and of its weights. */
export type ConvPass = 'forward' | 'input grad' | 'weight grad';
export const CONV_PASSES: readonly ConvPass[] = ['forward', 'input grad', 'weight grad'];
/** Multiply-adds × 2 of one pass of CONV_SHAPE, the same for the forward, the input gradient and the weight gradient. */
export const CONV_FLOPS = 2 * CONV_SHAPE.batch * CONV_SHAPE.height * CONV_SHAPE.width * CONV_SHAPE.channelsIn * CONV_SHAPE.channelsOut * CONV_SHAPE.kernel ** 2;
/** The spiral's defaults but a constant rate (TF.js's optimizers take one rate): what each contender trains. */
export const SPIRAL_CONFIG: Partial<RunConfig> = { scenario: 'spiral', schedule: 'constant', seed: 0 };
/** The grid evaluation's network: TensorFlow Playground's 2-8-8-1 with tanh. */
export const GRID_NET = { hidden: [8, 8], activation: 'tanh' as const };
export const GRID_SIZE = 100;
/** The parameter view's loss surface: 128 × 128 points around the lesson's (3, 2). */
export const SURFACE_GRID = { aMin: -2, aMax: 6, bMin: -1, bMax: 5, cols: 128, rows: 128 };

export interface LineData {
  x: Float32Array; // 100×2, second column ones
  y: Float32Array;
}

/** The same numbers the engine makes on the GPU: x[:,0] = U(-1, 1), y = 3x + 2 + U(0, 1). */
export function lineData(n = 100, seed = 0): LineData {
  const x = new Float32Array(n * 2);
  const y = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    x[2 * i] = uniformFloat(seed, STREAMS.lineTrainX, i, -1, 1);
    x[2 * i + 1] = 1;
    y[i] = Math.fround(3 * x[2 * i]! + 2 + uniformFloat(seed, STREAMS.lineTrainNoise, i, 0, 1));
  }
  return { x, y };
}

/** The spiral's 500 points split as the engine splits them: 400 to train on, 100 to validate. */
export function spiralData(): PreparedData {
  const config = { ...defaultConfig('spiral'), ...SPIRAL_CONFIG } as RunConfig;
  return prepareData(planarDataset('spiral', config), config, { standardize: false });
}

/** The grid's points, row-major from the top-left, as the engine's features kernel makes them. */
export function gridPoints(size = GRID_SIZE): Float32Array {
  return Float32Array.from({ length: size * size * 2 }, (_, i) => gridCell(i >> 1, size, PLANAR_EXTENT)[i & 1]!);
}

export async function digitsData(): Promise<PreparedData> {
  return prepareData(await loadDigits(), { ...defaultConfig('digits'), ...DIGITS_CONFIG } as RunConfig, { standardize: false });
}

/**
 * The photos ours trains on for `fashionConfig(photos)`, as the engine picks them (the seed's
 * shuffle cut to trainSize, pixels in [0, 1], N × 1 × 28 × 28) and the 1,000 validation photos:
 * what the peers get.
 */
export async function fashionData(photos = FASHION_PHOTOS): Promise<PreparedImages> {
  return prepareImages(await loadFashion(), { ...defaultConfig('fashion'), ...fashionConfig(photos) } as RunConfig);
}

/** Training steps of a fashion epoch over `rows` photos: fastai drops the last incomplete batch, as ours does. */
export function fashionSteps(rows: number): number {
  return Math.max(1, Math.floor(rows / FASHION_BATCH));
}

export interface Timing {
  ms: number;
  /** What the run reached, to check the contenders did the same work. */
  result: Record<string, number>;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
