/**
 * A loss surface as an image: each grid value's log mapped onto a perceptual ramp (low loss
 * bright, high loss dark), painted on a canvas once per surface and kept as a data URL for
 * the SVG that draws the rest of the parameter view on top.
 *
 * @example
 * const href = heatmapImage(surface, 128, 128);   // <image href=${href}>
 */
/** The ramp's colour at t ∈ [0, 1]. */
export declare function rampColor(t: number): [number, number, number];
export declare function heatmapImage(values: ArrayLike<number>, cols: number, rows: number): string;
