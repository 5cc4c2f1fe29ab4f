/**
 * The learner's own photos (`scenario="photos"`): 2 to 10 classes they named and filled, each
 * photo already made a 28 × 28 one-channel row in [0, 1] by the page (the size the shipped
 * bodies were pretrained on, backbones.ts). Checked before anything trains, each class with
 * enough photos for a validation share; split per class from the seed, so every class is in
 * the validation set (fastai's `RandomSplitter` draws over all photos; with twenty a class a
 * class could be left out), then trained as fashion's photos are, from the pretrained body.
 *
 * @example
 * import type { ImageDataset } from './fashion';
 * // rows the element's photo board made
 * // given: const photos: ImageDataset, config: RunConfig
 * const { train, valid } = await preparePhotos(photos, config); // each class's fifth, at least one, in valid
 */
import type { Dataset, RunConfig } from '../types';
import { loadBackbones } from './backbones';
import { prepareImages, type ImageDataset, type PreparedImages } from './fashion';
import { checkPhotoSet, photoSplit } from './photo-set';
import { take } from './prepare';

/** The set with its validation photos (photoSplit) as its own validation set. */
export function splitPhotos(data: ImageDataset, seed: number): ImageDataset {
  const { train, valid } = photoSplit(data.labels, data.classCount, seed);
  const table = (indices: number[]): Dataset => {
    const { features, labels, rows } = take(data, indices);
    return { features, labels, rows, featureCount: data.featureCount, task: 'classification', classCount: data.classCount, ...(data.classNames ? { classNames: data.classNames } : {}) };
  };
  // Training rows in the seed's order across classes, as prepareImages shuffles them again.
  return { ...table(train), imageShape: data.imageShape, valid: table(valid), ...(data.backbones ? { backbones: data.backbones } : {}) };
}

export async function preparePhotos(data: Dataset, config: RunConfig): Promise<PreparedImages> {
  checkPhotoSet(data);
  const given = (data as ImageDataset).backbones;
  const backbones = given ?? (config.pretrained === 'on' ? await loadBackbones() : undefined);
  return prepareImages(splitPhotos({ ...data, ...(backbones ? { backbones } : {}) }, config.seed), config);
}
