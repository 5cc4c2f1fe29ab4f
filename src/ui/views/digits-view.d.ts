/**
 * A grid of validation digits (8×8 pixels each) with the class the model predicts; wrong
 * predictions are outlined and say so to screen readers.
 *
 * @example
 * html`${digitsView(preview, result?.predictions ?? null, strings)}`
 */
import { type TemplateResult } from 'lit';
export declare function digitsView(preview: {
    images: number[][];
    labels: number[];
}, predictions: number[] | null, label: string, describe: (predicted: string, truth: string) => string): TemplateResult;
