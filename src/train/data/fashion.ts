/**
 * Fashion-MNIST, the subset that ships (NOTICE.md): 28×28 greyscale photos of clothing in 10
 * classes, 5,000 training images (500 a class) and 1,000 test images (100 a class), as IDX
 * files gzipped beside the bundle (`dist/data/fashion-*.gz`, 2.6 MB), fetched on first use as
 * builtin.ts fetches the tables. Pixels become float32 in [0, 1], channel-first (N × 1 × 28 × 28).
 * The test images are the validation set, as fastai's `valid` folder is: never split from the
 * training images nor resampled; train-size, imbalance and oversampling act on the training
 * images alone (prepareImages).
 *
 * @example
 * import { defaultConfig } from '../config';
 * const fashion = await loadFashion();            // 5,000 training images, fashion.valid the 1,000 test ones
 * const { train, valid, imageShape } = await prepareImages(fashion, { ...defaultConfig('digits'), trainSize: 1000 });
 * // train.rows === 1000, valid.rows === 1000, imageShape: { channels: 1, height: 28, width: 28 }
 */
import { inPieces, PIECE_LENGTH } from '../../cpu/in-pieces';
import { RandomStream } from '../../cpu/rng';
import { STREAMS } from '../streams';
import type { Dataset, ImageSize, RunConfig } from '../types';
import { loadBackbones, type Backbones } from './backbones';
import { loadData, once, type LoadedData } from './builtin';
import { pairIdx, parseIdxImages, parseIdxLabels, type IdxImageSet } from './idx';
import { prepareData, takeInPieces, trainingRows, type PreparedData } from './prepare';


/** A data set of images: each row one image, its features the image's pixels, channel by channel. */
export interface ImageDataset extends Dataset {
  imageShape: ImageSize;
  /**
   * The validation images that come with the set (fastai's `valid` folder), kept whole: never
   * split from the training images, never resampled. Absent: a seeded 80/20 split of the rows,
   * as for a table (prepareData).
   */
  valid?: Dataset;
  /** The bodies pretrained for these photos (backbones.ts). */
  backbones?: Backbones;
}

/** Whether a data set is photos (it says their size), not a table. */
export function isImageDataset(data: Dataset): data is ImageDataset {
  return 'imageShape' in data;
}

/** A prepared image set: the tables of prepare.ts, with the size of the images in their rows. */
export interface PreparedImages extends PreparedData {
  imageShape: ImageSize;
}

/** Fashion-MNIST's classes, by label (Xiao, Rasul and Vollgraf 2017, arXiv:1708.07747). */
export const FASHION_CLASSES: readonly string[] = ['T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle boot'];

// Literal paths: bundlers rewrite `new URL('…', import.meta.url)` only for a literal.
const TRAIN_IMAGES_URL = new URL('../../../public/data/fashion-train-500-images-idx3-ubyte.gz', import.meta.url);
const TRAIN_LABELS_URL = new URL('../../../public/data/fashion-train-500-labels-idx1-ubyte.gz', import.meta.url);
const TEST_IMAGES_URL = new URL('../../../public/data/fashion-test-100-images-idx3-ubyte.gz', import.meta.url);
const TEST_LABELS_URL = new URL('../../../public/data/fashion-test-100-labels-idx1-ubyte.gz', import.meta.url);

/**
 * An IDX set as a classification data set: pixels 0..255 scaled to [0, 1] in float32, one
 * channel, a few MB a task (inPieces). Rejects
 * where a label is not one of the `classNames`.
 *
 * @example
 * import { parseIdxPair } from './idx';
 * // given: const imageBytes: Uint8Array, labelBytes: Uint8Array
 * const data = await idxDataset(parseIdxPair(imageBytes, labelBytes), FASHION_CLASSES); // data.features in [0, 1]
 */
export async function idxDataset(set: IdxImageSet, classNames: readonly string[], name = 'The data set'): Promise<Dataset & { imageShape: ImageSize }> {
  const bad = set.labels.findIndex((label) => label >= classNames.length);
  if (bad >= 0) throw new Error(`${name}'s image ${bad} has label ${set.labels[bad]}, but there are only ${classNames.length} classes (0–${classNames.length - 1}).`);
  const { pixels } = set;
  const features = new Float32Array(pixels.length);
  await inPieces(features.length, PIECE_LENGTH, (from, to) => {
    for (let i = from; i < to; i++) features[i] = pixels[i]! / 255;
  });
  return {
    features,
    rows: set.count,
    featureCount: set.height * set.width,
    labels: Float32Array.from(set.labels),
    task: 'classification',
    classCount: classNames.length,
    classNames: [...classNames],
    imageShape: { channels: 1, height: set.height, width: set.width },
  };
}

/** A file's contents parsed, or an error that says which file, from where, and what came instead. */
function parseFile<T>(file: LoadedData, parse: (bytes: Uint8Array) => T): T {
  try {
    return parse(file.bytes);
  } catch (error) {
    // A server that answers every path with its index page sends HTML, which is no IDX file.
    throw file.wrong(`could not be read: ${(error instanceof Error ? error.message : String(error)).replace(/\.$/, '')}`);
  }
}

/** One of the shipped sets, its two files fetched together. */
async function loadSet(imagesUrl: URL, labelsUrl: URL, name: string): Promise<Dataset & { imageShape: ImageSize }> {
  const [images, labels] = await Promise.all([loadData(imagesUrl, `${name} images`), loadData(labelsUrl, `${name} labels`)]);
  const set = pairIdx(
    parseFile(images, (bytes) => parseIdxImages(bytes, 'its body')),
    parseFile(labels, (bytes) => parseIdxLabels(bytes, 'its body')),
    `The ${name} set`,
  );
  return idxDataset(set, FASHION_CLASSES, `The ${name} set`);
}

let fashion: Promise<ImageDataset> | null = null;

/**
 * The 5,000 training images, with the 1,000 test images as `valid`; fetched once, again after a failure.
 *
 * @example
 * const { rows, imageShape, valid } = await loadFashion(); // 5000, { channels: 1, height: 28, width: 28 }, 1,000 rows
 */
export function loadFashion(): Promise<ImageDataset> {
  return once(
    async () => {
      const [train, test, backbones] = await Promise.all([
        loadSet(TRAIN_IMAGES_URL, TRAIN_LABELS_URL, 'Fashion-MNIST training'),
        loadSet(TEST_IMAGES_URL, TEST_LABELS_URL, 'Fashion-MNIST test'),
        loadBackbones(),
      ]);
      const { imageShape, ...valid } = test;
      return { ...train, imageShape, valid, backbones };
    },
    fashion,
    (p) => (fashion = p),
  );
}

/**
 * An image set's training and validation tables for a run. With a validation set of its own,
 * the training images are shuffled by the seed (the split's stream, as prepareData), cut to
 * `trainSize`, thinned by `imbalance` and oversampled as prepareData does it, and the
 * validation set is kept whole in its own order. Without one, prepareData's 80/20 split.
 * Pixels are not standardised: per-pixel statistics are a table's, not a photo's.
 *
 * @example
 * // given: const config: RunConfig
 * const { train, valid, imageShape } = await prepareImages(await loadFashion(), { ...config, imbalance: 10, oversample: true });
 */
export async function prepareImages(data: ImageDataset, config: RunConfig): Promise<PreparedImages> {
  const { imageShape, valid } = data;
  if (!valid) return { ...prepareData(data, config, { standardize: false }), imageShape };
  const featureCount = imageShape.channels * imageShape.height * imageShape.width;
  if (data.featureCount !== featureCount || valid.featureCount !== featureCount) {
    throw new Error(`Images of ${imageShape.channels} × ${imageShape.height} × ${imageShape.width} need ${featureCount} features a row; the training set has ${data.featureCount}, the validation set ${valid.featureCount}.`);
  }
  const order = new RandomStream({ seed: config.seed, stream: STREAMS.split, counter: 0 }).shuffle(Array.from({ length: data.rows }, (_, i) => i));
  return {
    ...(data.backbones ? { backbones: data.backbones } : {}),
    train: await takeInPieces(data, trainingRows(data, order, config)),
    // The whole set in its order, shared, not copied: images are never standardised, and each
    // run (every what-if) copied its 3 MB into fresh memory (10 ms in Node, on this machine).
    valid: { features: valid.features, labels: valid.labels, rows: valid.rows },
    featureCount,
    task: data.task,
    classCount: data.classCount,
    trainFraction: Math.min(data.rows, config.trainSize) / data.rows,
    availableTrainRows: data.rows,
    imageShape,
    ...(data.classNames ? { classNames: data.classNames } : {}),
  };
}
