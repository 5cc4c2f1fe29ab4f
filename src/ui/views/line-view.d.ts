/**
 * The lesson-2 picture: the training points and the line y = a·x + b as it is fitted,
 * drawn in SVG (the notebook's animation, one frame per readback).
 *
 * @example
 * html`${lineView(preview, [3.1, 2.5], 'The data and the fitted line')}`
 */
import { type TemplateResult } from 'lit';
export declare function lineView(points: {
    x: number[];
    y: number[];
}, params: number[] | null, label: string): TemplateResult;
