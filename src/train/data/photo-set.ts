/**
 * What makes a set of the learner's photos trainable, apart from the loaders so the page can
 * say it before asking the engine: the photo size, two to ten classes, five photos a class,
 * and the per-class split of the seed (photos.ts trains on it; the page's cleaner reads it to
 * find the photo behind a validation row).
 *
 * @example
 * // the photo board's
 * // given: const data: Dataset
 * checkPhotoSet(data); // throws PhotoSetError: "Each class needs at least 5 photos …: “teddy” has 3."
 * const { valid } = photoSplit(data.labels, data.classCount, 0);
 */
import { RandomStream } from '../../cpu/rng';
import { STREAMS } from '../streams';
import type { Dataset, ImageSize } from '../types';
import { VALID_FRACTION } from './prepare';

/** What a photo becomes: the shipped bodies' input. */
export const PHOTO_SIZE: ImageSize = { channels: 1, height: 28, width: 28 };
/** Photos a class needs: four to learn from and one to validate on. */
export const MIN_PHOTOS_PER_CLASS = 5;
export const MIN_PHOTO_CLASSES = 2;
export const MAX_PHOTO_CLASSES = 10;

/** Why the learner's photos cannot train yet, in words that say what to add. */
export class PhotoSetError extends Error {
  override readonly name = 'PhotoSetError';
}

/** What keeps a set of photos from training, as facts the page words in its language. */
export type PhotoSetProblem =
  | { kind: 'not-photos' }
  | { kind: 'too-few-classes'; classes: string[] }
  | { kind: 'too-many-classes'; count: number }
  /** Classes below MIN_PHOTOS_PER_CLASS, with their counts. */
  | { kind: 'short'; short: { name: string; count: number }[] };

/** What keeps a set from training: not photos of PHOTO_SIZE, fewer than two classes or more than ten, or a class short of photos; null when it can train. */
export function photoSetProblem(data: Dataset): PhotoSetProblem | null {
  const shape = (data as { imageShape?: ImageSize }).imageShape;
  if (!shape || shape.channels !== PHOTO_SIZE.channels || shape.height !== PHOTO_SIZE.height || shape.width !== PHOTO_SIZE.width) return { kind: 'not-photos' };
  const names = Array.from({ length: data.classCount }, (_, c) => data.classNames?.[c] ?? String(c));
  if (data.classCount < MIN_PHOTO_CLASSES) return { kind: 'too-few-classes', classes: names };
  if (data.classCount > MAX_PHOTO_CLASSES) return { kind: 'too-many-classes', count: data.classCount };
  const counts = new Array<number>(data.classCount).fill(0);
  for (const label of data.labels) counts[label]!++;
  const short = counts.flatMap((count, c) => (count < MIN_PHOTOS_PER_CLASS ? [{ name: names[c]!, count }] : []));
  return short.length > 0 ? { kind: 'short', short } : null;
}

/** A problem in English, for the engine's errors (the page words it in its own language). */
export function photoSetMessage(problem: PhotoSetProblem): string {
  switch (problem.kind) {
    case 'not-photos':
      return `Your photos scenario needs photos made ${PHOTO_SIZE.height} × ${PHOTO_SIZE.width}, one channel: add them with addImages.`;
    case 'too-few-classes':
      return `A classifier needs at least ${MIN_PHOTO_CLASSES} classes; you have ${problem.classes.length}${problem.classes.length ? ` (${problem.classes.join(', ')})` : ''}. Add another class of photos.`;
    case 'too-many-classes':
      return `Up to ${MAX_PHOTO_CLASSES} classes train here; you have ${problem.count}.`;
    case 'short':
      return `Each class needs at least ${MIN_PHOTOS_PER_CLASS} photos (one or more are kept aside to validate on): ${problem.short.map((c) => `“${c.name}” has ${c.count}`).join(', ')}.`;
  }
}

/** Refuses a set that cannot train (photoSetProblem) with a PhotoSetError that says what to add. */
export function checkPhotoSet(data: Dataset): asserts data is Dataset & { imageShape: ImageSize } {
  const problem = photoSetProblem(data);
  if (problem) throw new PhotoSetError(photoSetMessage(problem));
}

/**
 * Which photos train and which validate: each class's shuffled by the seed, its
 * VALID_FRACTION (at least one) kept aside. Rows by their index in the set; the page's
 * cleaner reads the same split to find the photo behind a validation row.
 */
export function photoSplit(labels: ArrayLike<number>, classCount: number, seed: number): { train: number[]; valid: number[] } {
  const random = new RandomStream({ seed, stream: STREAMS.split, counter: 0 });
  const train: number[] = [];
  const valid: number[] = [];
  for (let c = 0; c < classCount; c++) {
    const rows = random.shuffle(Array.from({ length: labels.length }, (_, i) => i).filter((i) => labels[i] === c));
    const aside = Math.max(1, Math.round(rows.length * VALID_FRACTION));
    valid.push(...rows.slice(0, aside));
    train.push(...rows.slice(aside));
  }
  return { train, valid };
}

