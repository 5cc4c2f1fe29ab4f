/**
 * A photo as a photo model's input row: decoded by the browser, centre-cropped to a square,
 * scaled down to the model's input (28 × 28 for fashion, 8 × 8 for digits) on a canvas, and
 * read as values in [0, 1], channel-first. What is lost on the way: everything outside the
 * centre square, all detail finer than the input's pixels, and, for a one-channel model, the
 * colour (the luminance 0.299 R + 0.587 G + 0.114 B is kept). The shipped photos are light
 * things on black, so a photo whose border is mostly light (a shirt on a white table) is
 * inverted to match.
 *
 * @example
 * // a photo the learner dropped
 * // given: const file: File
 * const row = await photoRow(file, { channels: 1, height: 28, width: 28 }); // 784 values in [0, 1]
 */
import { scenarioOf, type ImageSize, type TrainedModel } from '../engine/index';

/** The largest photo decoded: 40 megapixels (a 10,000 × 10,000 image is refused, not decoded into 400 MB). */
export const MAX_PHOTO_PIXELS = 40_000_000;

/** Why a photo cannot be used, in words for the learner. */
export class PhotoError extends Error {
  override readonly name = 'PhotoError';
}

/** The photo size a model takes: a CNN's first layer's input, or a square of a digits-style MLP's inputs; null for a model of tables. */
export function photoSizeOf(model: TrainedModel): ImageSize | null {
  const first = model.layers[0]!;
  if (first.kind !== 'linear' && first.kind !== 'activation') return first.input;
  const side = Math.round(Math.sqrt(first.kind === 'linear' ? first.inputs : 0));
  return scenarioOf(model.config).preview === 'digits' && first.kind === 'linear' && side * side === first.inputs ? { channels: 1, height: side, width: side } : null;
}

async function decode(image: Blob | ImageBitmap): Promise<ImageBitmap> {
  if (!(image instanceof Blob)) return image;
  try {
    return await createImageBitmap(image);
  } catch {
    throw new PhotoError(`This file${image instanceof File ? ` (${image.name})` : ''} is not an image the browser can read.`);
  }
}

export async function photoRow(image: Blob | ImageBitmap, size: ImageSize): Promise<Float32Array> {
  if (image instanceof Blob && image.size === 0) throw new PhotoError('This image file is empty.');
  const bitmap = await decode(image);
  const { width, height } = bitmap;
  if (width === 0 || height === 0) throw new PhotoError('This image has no pixels.');
  if (width * height > MAX_PHOTO_PIXELS) throw new PhotoError(`This image is ${width} × ${height} pixels; photos up to ${MAX_PHOTO_PIXELS / 1e6} megapixels are taken.`);
  const side = Math.min(width, height);
  const canvas = new OffscreenCanvas(size.width, size.height);
  const context = canvas.getContext('2d', { willReadFrequently: true })!;
  context.imageSmoothingQuality = 'high';
  context.drawImage(bitmap, (width - side) / 2, (height - side) / 2, side, side, 0, 0, size.width, size.height);
  if (image instanceof Blob) bitmap.close();
  return channelFirst(context.getImageData(0, 0, size.width, size.height).data, size);
}

/** RGBA bytes as a model's row: one channel of luminance, or three of colour; light-bordered one-channel photos inverted. */
export function channelFirst(rgba: Uint8ClampedArray, size: ImageSize): Float32Array {
  const plane = size.width * size.height;
  const row = new Float32Array(size.channels * plane);
  for (let i = 0; i < plane; i++) {
    const [r, g, b] = [rgba[4 * i]!, rgba[4 * i + 1]!, rgba[4 * i + 2]!];
    if (size.channels === 1) row[i] = r === g && g === b ? r / 255 : (0.299 * r + 0.587 * g + 0.114 * b) / 255;
    else for (const [c, v] of [r, g, b].entries()) row[c * plane + i] = v / 255;
  }
  if (size.channels === 1 && borderMean(row, size) > 0.5) for (let i = 0; i < plane; i++) row[i] = 1 - row[i]!;
  return row;
}

/** The mean value of a one-channel picture's outermost pixels. */
function borderMean(row: Float32Array, { width, height }: ImageSize): number {
  let sum = 0;
  let count = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (y > 0 && y < height - 1 && x > 0 && x < width - 1) continue;
      sum += row[y * width + x]!;
      count++;
    }
  }
  return sum / count;
}
