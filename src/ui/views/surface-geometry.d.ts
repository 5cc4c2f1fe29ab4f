/**
 * The geometry of the parameter view, without the DOM: which (a, b) box the loss surface
 * covers, its log-spaced contour lines (marching squares), and where a path that runs out of
 * the box leaves it (for the arrow that says "it went on, that way").
 *
 * @example
 * const box = surfaceBounds(path, [3.02, 2.51]);
 * const lines = contourLines(surface, 128, 128, contourLevels(surface, 9));
 */
export interface Box {
    aMin: number;
    aMax: number;
    bMin: number;
    bMax: number;
}
/** The lesson's true parameters: y = 3x + 2 (+ noise). */
export declare const TRUE_LINE: [number, number];
/**
 * The box around the start, the true line, the optimum and the path, on half-unit steps, so
 * small moves keep it (and the computed surface) as it is. A path that runs off (too high a
 * learning rate) widens it by at most MAX_REACH spans of the rest; beyond that it is clipped.
 */
export declare function surfaceBounds(path: readonly [number, number][], optimum: [number, number]): Box;
/** Round values (steps of 1, 2 or 5 × 10^k) inside [min, max]: at least `count` of them, at most 2.5 × that. */
export declare function niceTicks(min: number, max: number, count?: number): number[];
export declare function inside(box: Box, [a, b]: [number, number]): boolean;
/** Where the segment from a point inside the box to one outside (or not finite) crosses its edge. */
export declare function exitPoint(box: Box, from: [number, number], to: [number, number]): [number, number];
/** `count` levels spaced evenly in log(loss) between the surface's lowest and highest values. */
export declare function contourLevels(values: ArrayLike<number>, count: number): number[];
/**
 * Each level's contour as line segments in grid coordinates (x: column, y: row), by marching
 * squares: for each cell, the edges the level crosses, joined pairwise.
 */
export declare function contourLines(values: ArrayLike<number>, cols: number, rows: number, levels: number[]): [number, number, number, number][][];
