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
/** 1,797 images of 64 pixels (0..16 scaled to 0..1), labels 0..9. */
export declare function loadDigits(): Promise<Dataset>;
/** 569 rows of 30 features; the first line is scikit-learn's "569,30,malignant,benign". */
export declare function loadCancer(): Promise<Dataset>;
/** The built-in data set of `scenario`, as the engine asks for it. */
export declare function loadBuiltin(scenario: 'digits' | 'cancer'): Promise<Dataset>;
