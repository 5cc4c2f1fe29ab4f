/**
 * The parameter view: line's loss surface over (a, b) as a heatmap with log-spaced contours,
 * the true (3, 2) and the least-squares optimum marked, and the optimiser's path up to the
 * epoch shown. A path that runs out of the box ends at its edge with an arrow.
 *
 * @example
 * html`${parameterView({ surface, path, shown: 40, optimum: [3.02, 2.49], labels })}`
 */
import { type TemplateResult } from 'lit';
import { type Box } from './surface-geometry';
/** A computed surface ready to draw: its box, grid, heatmap and contour segments (grid coordinates). */
export interface SurfacePicture {
    box: Box;
    cols: number;
    rows: number;
    image: string;
    contours: [number, number, number, number][][];
}
export interface ParameterViewLabels {
    title: string;
    slope: string;
    intercept: string;
    truth: string;
    optimum: string;
    computing: string;
}
export declare function parameterView(input: {
    surface: SurfacePicture | null;
    path: readonly [number, number][];
    shown: number;
    optimum: [number, number] | null;
    labels: ParameterViewLabels;
}): TemplateResult;
