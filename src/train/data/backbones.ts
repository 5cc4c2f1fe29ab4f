/**
 * The bodies pretrained for Fashion-MNIST's photos, one per network (fastai's
 * `cnn_learner(data, arch, pretrained=True)` downloads its arch's ImageNet weights; ours
 * ship beside the photos, since a body is pretrained for photos of one size and kind). Each
 * was trained by `npm run pretrain` (scripts/pretrain-body.ts) on the 54,597 photos of the
 * original training file the learner never sees, and is gzipped beside the bundle
 * (`dist/data/fashion-<model>-body.f32.gz`), fetched with the photos. A file holds its body's
 * state in Sequential.readState's order, as little-endian float32; the record beside it
 * (`.json`) says how it was made and what it reached.
 *
 * @example
 * const bodies = await loadBackbones();          // { 'cnn-tiny': Float32Array, 'cnn-small': Float32Array }
 * // model.loadState(bodies['cnn-small'], cnnBodyLength('cnn-small'))
 */
import type { CnnName } from '../types';
import { loadData } from './builtin';

/** A body's state for each network that has one. */
export type Backbones = Partial<Record<CnnName, Float32Array>>;

// Literal paths: bundlers rewrite `new URL('…', import.meta.url)` only for a literal.
const BODY_URLS: Record<CnnName, URL> = {
  'cnn-tiny': new URL('../../../public/data/fashion-cnn-tiny-body.f32.gz', import.meta.url),
  'cnn-small': new URL('../../../public/data/fashion-cnn-small-body.f32.gz', import.meta.url),
};

/** Every shipped body, fetched together (a failed fetch says where it looked). */
export async function loadBackbones(): Promise<Backbones> {
  const entries = await Promise.all(
    (Object.keys(BODY_URLS) as CnnName[]).map(async (model) => {
      const { bytes, wrong } = await loadData(BODY_URLS[model], `pretrained ${model} body`);
      return [model, parseBackbone(bytes, wrong)] as const;
    }),
  );
  return Object.fromEntries(entries);
}

/**
 * A body file's values: little-endian float32, every one finite. Throws `wrong(why)` on
 * anything else (a web page, a truncated file); whether the count fits the network is
 * Sequential.loadState's to say.
 *
 * @example
 * parseBackbone(new Uint8Array([0, 0, 128, 63]), (why) => new Error(why)); // Float32Array [1]
 */
export function parseBackbone(bytes: Uint8Array, wrong: (why: string) => Error): Float32Array {
  // A server that answers every path with its index page: its bytes would read as numbers.
  if (/^\s*</.test(new TextDecoder().decode(bytes.subarray(0, 64)))) throw wrong('came back as a web page, not as float32 values');
  if (bytes.length === 0 || bytes.length % 4 !== 0) throw wrong(`is not a list of float32 values (its length is not a multiple of 4)`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const values = Float32Array.from({ length: bytes.length / 4 }, (_, i) => view.getFloat32(4 * i, true));
  const bad = values.findIndex((v) => !Number.isFinite(v));
  if (bad >= 0) throw wrong(`holds a value that is not a finite number (value ${bad}: ${values[bad]})`);
  return values;
}
