/**
 * The IDX format of MNIST and Fashion-MNIST (yann.lecun.com/exdb/mnist): a big-endian header,
 * then the values. The magic number's third byte is the value type (0x08: unsigned bytes, the
 * only one these sets use) and its fourth the number of dimensions; a 32-bit size follows for
 * each dimension, then the values row-major. Images are 0x00000803 (count × height × width),
 * labels 0x00000801 (count). A file that says something else, or holds more or fewer bytes
 * than its header promises, is refused with a message that says which and by how much.
 *
 * @example
 * // given: const imageBytes: Uint8Array, labelBytes: Uint8Array
 * // (both already inflated: builtin.ts, loadData)
 * const set = parseIdxPair(imageBytes, labelBytes, 'the training set');
 * set.pixels[(7 * set.height + 3) * set.width + 16]; // image 7's pixel at row 3, column 16, 0..255
 */

/** Images of one size, their pixels (0..255) one image after another, each row-major. */
export interface IdxImages {
  count: number;
  height: number;
  width: number;
  pixels: Uint8Array;
}

/** Images and their labels (one byte each), as the two files of a set give them. */
export interface IdxImageSet extends IdxImages {
  labels: Uint8Array;
}

/** The magic numbers: unsigned bytes (0x08), three dimensions for images, one for labels. */
export const IDX_IMAGES_MAGIC = 0x00000803;
export const IDX_LABELS_MAGIC = 0x00000801;

const hex = (word: number) => `0x${word.toString(16).padStart(8, '0')}`;
const count = (n: number) => n.toLocaleString('en');
/** A message begins with a capital, whatever name it begins with. */
const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The sizes an IDX header gives, checked against the magic number and the file's length; the values follow at `body`. */
function readHeader(bytes: Uint8Array, magic: number, what: string, name: string): { dims: number[]; body: number } {
  const headerBytes = 4 + 4 * (magic & 0xff);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const found = bytes.length >= 4 ? view.getUint32(0) : magic;
  if (found !== magic) {
    const which = found === IDX_IMAGES_MAGIC ? ' (an image file)' : found === IDX_LABELS_MAGIC ? ' (a label file)' : found >>> 16 === 0x1f8b ? ' (still gzip: inflate it first)' : '';
    throw new Error(sentence(`${name} is not an IDX ${what} file: it starts ${hex(found)}${which}, where ${what} start ${hex(magic)}.`));
  }
  if (bytes.length < headerBytes) {
    throw new Error(sentence(`${name} is not an IDX ${what} file: it has ${count(bytes.length)} bytes, fewer than the ${headerBytes} of the header alone.`));
  }
  const dims = Array.from({ length: magic & 0xff }, (_, d) => view.getUint32(4 + 4 * d));
  const expected = dims.reduce((product, size) => product * size, 1);
  const actual = bytes.length - headerBytes;
  if (actual !== expected) {
    const shape = dims.map(count).join(' × ');
    const fault = actual < expected ? `is truncated: ${count(expected - actual)} bytes short` : `has ${count(actual - expected)} bytes past its end`;
    throw new Error(sentence(`${name} ${fault} (its header says ${shape}, ${count(expected)} bytes of values; the file holds ${count(actual)}).`));
  }
  return { dims, body: headerBytes };
}

/**
 * An IDX image file (magic 0x00000803), inflated.
 *
 * @example
 * // given: const bytes: Uint8Array
 * const { count, height, width, pixels } = parseIdxImages(bytes, 'the training images'); // 5000, 28, 28, 3,920,000 bytes
 */
export function parseIdxImages(bytes: Uint8Array, name = 'The image file'): IdxImages {
  const { dims, body } = readHeader(bytes, IDX_IMAGES_MAGIC, 'images', name);
  const [images, height, width] = dims as [number, number, number];
  return { count: images, height, width, pixels: bytes.subarray(body) };
}

/**
 * An IDX label file (magic 0x00000801), inflated.
 *
 * @example
 * // given: const bytes: Uint8Array
 * const labels = parseIdxLabels(bytes, 'the training labels'); // one byte an image: 9, 0, 0, 3, …
 */
export function parseIdxLabels(bytes: Uint8Array, name = 'The label file'): Uint8Array {
  return bytes.subarray(readHeader(bytes, IDX_LABELS_MAGIC, 'labels', name).body);
}

/**
 * A set's image file and label file, which must hold as many labels as images.
 *
 * @example
 * // given: const imageBytes: Uint8Array, labelBytes: Uint8Array
 * const { count, labels } = parseIdxPair(imageBytes, labelBytes, 'the test set');
 */
export function parseIdxPair(imageBytes: Uint8Array, labelBytes: Uint8Array, name = 'The data set'): IdxImageSet {
  return pairIdx(parseIdxImages(imageBytes, `${name}'s image file`), parseIdxLabels(labelBytes, `${name}'s label file`), name);
}

/**
 * Images and labels parsed apart, put together: there must be as many labels as images.
 *
 * @example
 * // given: const imageBytes: Uint8Array, labelBytes: Uint8Array
 * const set = pairIdx(parseIdxImages(imageBytes), parseIdxLabels(labelBytes), 'the test set');
 */
export function pairIdx(images: IdxImages, labels: Uint8Array, name = 'The data set'): IdxImageSet {
  if (labels.length !== images.count) {
    throw new Error(sentence(`${name} does not match up: ${count(images.count)} images but ${count(labels.length)} labels. The two files must come from the same set.`));
  }
  return { ...images, labels };
}
