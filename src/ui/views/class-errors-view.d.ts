/**
 * Validation error per class as bars: what imbalance does to the minority class, and what
 * oversampling gives back.
 *
 * @example
 * html`${classErrorsView(['malignant', 'benign'], [0.21, 0.03], 'Validation error per class')}`
 */
import { type TemplateResult } from 'lit';
export declare function classErrorsView(classNames: string[], rates: number[] | null, label: string): TemplateResult;
