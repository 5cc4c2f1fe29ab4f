/**
 * The built-in data sets, inlined into the bundle (see NOTICE.md for their sources):
 * the UCI 8×8 digits, pixels scaled to [0, 1]; the UCI breast-cancer table, 0 = malignant.
 */
import cancerCsv from '../../../public/data/breast_cancer.csv?raw';
import digitsGzUrl from '../../../public/data/digits.csv.gz?inline';
import type { Dataset } from '../types';
import { parseCsv } from './csv';

let digits: Promise<Dataset> | null = null;
let cancer: Dataset | null = null;

async function gunzipText(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.body) throw new Error('The digits data could not be read.');
  return new Response(response.body.pipeThrough(new DecompressionStream('gzip'))).text();
}

/** 1,797 images of 64 pixels (0..16 scaled to 0..1), labels 0..9. */
export function loadDigits(): Promise<Dataset> {
  digits ??= gunzipText(digitsGzUrl).then((text) => {
    const table = parseCsv(text, { header: false });
    for (let i = 0; i < table.features.length; i++) table.features[i]! /= 16;
    return { ...table, classNames: Array.from({ length: 10 }, (_, d) => String(d)) };
  });
  return digits;
}

/** 569 rows of 30 features; the first line is scikit-learn's "569,30,malignant,benign". */
export function loadCancer(): Dataset {
  if (!cancer) {
    const [first, ...rest] = cancerCsv.split('\n');
    const classNames = first!.split(',').slice(2);
    const header = Array.from({ length: 31 }, (_, i) => (i < 30 ? `f${i}` : 'label')).join(',');
    cancer = { ...parseCsv([header, ...rest].join('\n')), classNames };
  }
  return cancer;
}

/** The built-in data set of `scenario`, as the engine asks for it. */
export async function loadBuiltin(scenario: 'digits' | 'cancer'): Promise<Dataset> {
  return scenario === 'digits' ? loadDigits() : loadCancer();
}
