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
import { parseCsv } from './csv';

const DIGITS_URL = new URL('../../../public/data/digits.csv.gz', import.meta.url);
const CANCER_URL = new URL('../../../public/data/breast_cancer.csv.gz', import.meta.url);

let digits: Promise<Dataset> | null = null;
let cancer: Promise<Dataset> | null = null;

/** The gzipped file's bytes: fetched in a browser; read from disk in Node (tests, scripts), whose fetch takes no file: URL. */
async function readBytes(url: URL, name: string): Promise<Blob> {
  if (url.protocol === 'file:') {
    // A specifier bundlers do not follow: this branch never runs in a browser.
    const fs = 'node:fs/promises';
    const { readFile } = (await import(/* @vite-ignore */ fs)) as { readFile(path: URL): Promise<Uint8Array<ArrayBuffer>> };
    return new Blob([await readFile(url)]);
  }
  let response: Response;
  try {
    response = await fetch(url);
  } catch (error) {
    throw new Error(`Could not load the ${name} data from ${url.href} (${String(error)}): it must be served beside the bundle, in data/.`);
  }
  if (!response.ok) throw new Error(`Could not load the ${name} data from ${url.href}: HTTP ${response.status}. It must be served beside the bundle, in data/.`);
  return response.blob();
}

async function gunzipText(url: URL, name: string): Promise<string> {
  const bytes = await readBytes(url, name);
  return new Response(bytes.stream().pipeThrough(new DecompressionStream('gzip'))).text();
}

/** Caches a load; a failed one is forgotten, so the next use fetches again. */
function once(load: () => Promise<Dataset>, cached: Promise<Dataset> | null, keep: (p: Promise<Dataset> | null) => void): Promise<Dataset> {
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
      const table = parseCsv(await gunzipText(DIGITS_URL, 'digits'), { header: false });
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
      const [first, ...rest] = (await gunzipText(CANCER_URL, 'breast cancer')).split('\n');
      const classNames = first!.split(',').slice(2);
      const header = Array.from({ length: 31 }, (_, i) => (i < 30 ? `f${i}` : 'label')).join(',');
      return { ...parseCsv([header, ...rest].join('\n')), classNames };
    },
    cancer,
    (p) => (cancer = p),
  );
}

/** The scenarios whose data ship with the playground. */
export type BuiltinScenario = 'digits' | 'cancer';

export function isBuiltin(scenario: string | undefined): scenario is BuiltinScenario {
  return scenario === 'digits' || scenario === 'cancer';
}

/** The built-in data set of `scenario`, as the engine asks for it. */
export function loadBuiltin(scenario: BuiltinScenario): Promise<Dataset> {
  return scenario === 'digits' ? loadDigits() : loadCancer();
}
