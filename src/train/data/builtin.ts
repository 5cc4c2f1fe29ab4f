/**
 * The built-in data sets (see NOTICE.md for their sources): the UCI 8×8 digits, pixels scaled
 * to [0, 1]; the UCI breast-cancer table, 0 = malignant. They are files beside the bundle
 * (`dist/data/*.csv.gz`), fetched on first use relative to the bundle's own URL, so a page
 * that shows only `line` downloads neither, and a CDN or any static server serves them with
 * the bundle. A bundler that takes the package in copies them (the `new URL(…,
 * import.meta.url)` form is the one bundlers follow). A failed fetch says where it looked, and
 * the next use tries again.
 *
 * @example
 * const digits = await loadDigits();   // 1,797 rows of 64 pixels
 */
import type { Dataset } from '../types';
import { yieldToPage } from '../../cpu/yield-to-page';
import { parseCsv } from './csv';

const DIGITS_URL = new URL('../../../public/data/digits.csv.gz', import.meta.url);
const CANCER_URL = new URL('../../../public/data/breast_cancer.csv.gz', import.meta.url);

let digits: Promise<Dataset> | null = null;
let cancer: Promise<Dataset> | null = null;

/** The file's bytes: fetched in a browser; read from disk in Node (tests, scripts), whose fetch takes no file: URL. */
async function readBytes(url: URL, name: string): Promise<Body> {
  if (url.protocol === 'file:') {
    // A specifier bundlers do not follow: this branch never runs in a browser.
    const fs = 'node:fs/promises';
    const { readFile } = (await import(/* @vite-ignore */ fs)) as { readFile(path: URL): Promise<Uint8Array<ArrayBuffer>> };
    return { bytes: await readFile(url), got: 'read from disk' };
  }
  let response: Response;
  try {
    response = await fetch(url);
  } catch (error) {
    throw new Error(`Could not load the ${name} data from ${url.href} (${String(error)}): it must be served beside the bundle, in data/.`);
  }
  if (!response.ok) throw new Error(`Could not load the ${name} data from ${url.href}: HTTP ${response.status}. It must be served beside the bundle, in data/.`);
  const type = response.headers.get('content-type') ?? 'no type';
  const encoding = response.headers.get('content-encoding');
  return { bytes: new Uint8Array(await response.arrayBuffer()), got: `HTTP ${response.status}, ${type}${encoding ? `, ${encoding} encoding` : ''}` };
}

/** A data file's body and, for messages, what the server said about it. */
interface Body {
  bytes: Uint8Array<ArrayBuffer>;
  got: string;
}

/**
 * The text of a data file that ships gzipped, whatever the server did with it. Servers differ
 * on `.gz`: a plain static server sends the gzip bytes, while Vite's dev and preview servers
 * (and many hosts) send `Content-Encoding: gzip`, so the browser has already inflated the body.
 * The bytes tell which: gzip starts with 1f 8b, a CSV never does.
 */
export async function dataText(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  return new TextDecoder().decode(await dataBytes(bytes));
}

/**
 * As dataText, for a binary file (an IDX file gzipped): its bytes inflated, whether or not the browser already did.
 *
 * @example
 * const bytes = await dataBytes(new Uint8Array(await (await fetch('data/fashion-test-100-labels-idx1-ubyte.gz')).arrayBuffer()));
 */
export async function dataBytes(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  if (!isGzip(bytes)) return bytes;
  return new Uint8Array(await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer());
}

export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** The first bytes of a body in hex, for a message about what came instead of the data. */
export function firstBytes(bytes: Uint8Array, count = 8): string {
  return Array.from(bytes.subarray(0, count), (b) => b.toString(16).padStart(2, '0')).join(' ');
}

/** A data file's bytes, inflated, and how to say that they are not what was expected (a web page, say). */
export interface LoadedData {
  bytes: Uint8Array<ArrayBuffer>;
  /** An error naming the file, what the server said and the body's first bytes: `wrong('came back as a web page')`. */
  wrong: (why: string) => Error;
}

/**
 * A gzipped data file beside the bundle (`name` for messages), fetched, or read from disk in Node, and inflated.
 *
 * @example
 * const { bytes, wrong } = await loadData(new URL('../../../public/data/digits.csv.gz', import.meta.url), 'digits');
 * if (bytes[0] === 0x3c) throw wrong('came back as a web page');
 */
export async function loadData(url: URL, name: string): Promise<LoadedData> {
  const { bytes, got } = await readBytes(url, name);
  const wrong = (why: string) =>
    new Error(`The ${name} data from ${url.href} ${why} (${got}; ${bytes.length} bytes starting ${firstBytes(bytes)}). It must be served beside the bundle, in data/.`);
  try {
    return { bytes: await dataBytes(bytes), wrong };
  } catch (error) {
    throw wrong(`is not a valid gzip file: ${String(error)}`);
  }
}

async function loadText(url: URL, name: string): Promise<string> {
  const { bytes, wrong } = await loadData(url, name);
  const text = new TextDecoder().decode(bytes);
  // A server that answers every path with its index page sends HTML, not the CSV.
  if (/^\s*</.test(text)) throw wrong('came back as a web page, not as CSV');
  // Parsed in a task of its own: the fetch's last turn and the element's render of the run's start are in this one.
  await yieldToPage();
  return text;
}

/**
 * Caches a load; a failed one is forgotten, so the next use fetches again.
 *
 * @example
 * let cached: Promise<number> | null = null;
 * const answer = () => once(async () => 42, cached, (p) => (cached = p));
 */
export function once<T>(load: () => Promise<T>, cached: Promise<T> | null, keep: (p: Promise<T> | null) => void): Promise<T> {
  if (cached) return cached;
  const promise = load().catch((error: unknown) => {
    keep(null);
    throw error;
  });
  keep(promise);
  return promise;
}

/** 1,797 images of 64 pixels (0..16 scaled to 0..1), labels 0..9. */
export function loadDigits(): Promise<Dataset> {
  return once(
    async () => {
      const table = parseCsv(await loadText(DIGITS_URL, 'digits'), { header: false });
      for (let i = 0; i < table.features.length; i++) table.features[i]! /= 16;
      return { ...table, classNames: Array.from({ length: 10 }, (_, d) => String(d)) };
    },
    digits,
    (p) => (digits = p),
  );
}

/** 569 rows of 30 features; the first line is scikit-learn's "569,30,malignant,benign". */
export function loadCancer(): Promise<Dataset> {
  return once(
    async () => {
      const [first, ...rest] = (await loadText(CANCER_URL, 'breast cancer')).split('\n');
      const classNames = first!.split(',').slice(2);
      const header = Array.from({ length: 31 }, (_, i) => (i < 30 ? `f${i}` : 'label')).join(',');
      return { ...parseCsv([header, ...rest].join('\n')), classNames };
    },
    cancer,
    (p) => (cancer = p),
  );
}
