import { describe, expect, it } from 'vitest';
import { IDX_IMAGES_MAGIC, IDX_LABELS_MAGIC, parseIdxImages, parseIdxLabels, parseIdxPair } from './idx';

/** An IDX file: the magic number and sizes as big-endian words, then the values. */
function idx(magic: number, dims: number[], values: number[]): Uint8Array {
  const bytes = new Uint8Array(4 + 4 * dims.length + values.length);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, magic);
  dims.forEach((size, d) => view.setUint32(4 + 4 * d, size));
  bytes.set(values, 4 + 4 * dims.length);
  return bytes;
}

/** Two 2×3 images whose pixels count up from 1, and their labels. */
const pixels = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
const images = idx(IDX_IMAGES_MAGIC, [2, 2, 3], pixels);
const labels = idx(IDX_LABELS_MAGIC, [2], [9, 0]);

describe('IDX files', () => {
  it('reads images as count × height × width bytes, row-major', () => {
    const parsed = parseIdxImages(images);
    expect(parsed).toMatchObject({ count: 2, height: 2, width: 3 });
    expect(Array.from(parsed.pixels)).toEqual(pixels);
    // Image 1, row 1, column 2.
    expect(parsed.pixels[(1 * 2 + 1) * 3 + 2]).toBe(12);
  });

  it('reads labels, one byte each', () => {
    expect(Array.from(parseIdxLabels(labels))).toEqual([9, 0]);
  });

  it('reads a file that sits inside a larger buffer', () => {
    const padded = new Uint8Array(images.length + 7);
    padded.set(images, 5);
    expect(Array.from(parseIdxImages(padded.subarray(5, 5 + images.length)).pixels)).toEqual(pixels);
  });

  it('pairs images with their labels', () => {
    const set = parseIdxPair(images, labels);
    expect(set.count).toBe(2);
    expect(Array.from(set.labels)).toEqual([9, 0]);
  });

  it('reads a set of no images', () => {
    expect(parseIdxPair(idx(IDX_IMAGES_MAGIC, [0, 28, 28], []), idx(IDX_LABELS_MAGIC, [0], [])).count).toBe(0);
  });
});

describe('malformed IDX files are refused with a message that says what is wrong', () => {
  it('refuses a label file given as images, and says what it is', () => {
    expect(() => parseIdxImages(labels, 'the training images')).toThrow(/^The training images is not an IDX images file: it starts 0x00000801 \(a label file\), where images start 0x00000803\.$/);
  });

  it('refuses a web page in place of the data', () => {
    const page = new TextEncoder().encode('<!doctype html><html></html>');
    expect(() => parseIdxLabels(page)).toThrow(/it starts 0x3c21646f, where labels start 0x00000801/);
  });

  it('says when a file is still gzip-compressed', () => {
    expect(() => parseIdxLabels(Uint8Array.of(0x1f, 0x8b, 8, 0, 0, 0, 0, 0))).toThrow(/starts 0x1f8b0800 \(still gzip: inflate it first\)/);
  });

  it('refuses a file shorter than its header', () => {
    expect(() => parseIdxImages(images.subarray(0, 10))).toThrow(/has 10 bytes, fewer than the 16 of the header alone/);
    expect(() => parseIdxLabels(new Uint8Array(0))).toThrow(/has 0 bytes, fewer than the 8 of the header alone/);
  });

  it('refuses a truncated body, saying by how much', () => {
    expect(() => parseIdxImages(images.subarray(0, images.length - 5))).toThrow(
      'The image file is truncated: 5 bytes short (its header says 2 × 2 × 3, 12 bytes of values; the file holds 7).',
    );
  });

  it('refuses bytes past the end the header gives', () => {
    const longer = idx(IDX_LABELS_MAGIC, [2], [9, 0, 4]);
    expect(() => parseIdxLabels(longer)).toThrow('The label file has 1 bytes past its end (its header says 2, 2 bytes of values; the file holds 3).');
  });

  it('refuses a header that promises far more than the file holds', () => {
    const huge = idx(IDX_IMAGES_MAGIC, [60_000, 28, 28], pixels);
    expect(() => parseIdxImages(huge)).toThrow(/truncated: 47,039,988 bytes short \(its header says 60,000 × 28 × 28/);
  });

  it('refuses images and labels that do not count the same', () => {
    const three = idx(IDX_LABELS_MAGIC, [3], [1, 2, 3]);
    expect(() => parseIdxPair(images, three, 'the test set')).toThrow('The test set does not match up: 2 images but 3 labels. The two files must come from the same set.');
  });

  it('names which file of a pair is malformed', () => {
    expect(() => parseIdxPair(labels, labels, 'the test set')).toThrow(/^The test set's image file is not an IDX images file/);
    expect(() => parseIdxPair(images, images, 'the test set')).toThrow(/^The test set's label file is not an IDX labels file: it starts 0x00000803 \(an image file\)/);
  });
});
