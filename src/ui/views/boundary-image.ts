/**
 * A decision boundary as an image: each cell's class-1 probability on a diverging ramp,
 * orange (class 0) through white (0.5, undecided) to blue (class 1), TensorFlow Playground's
 * colours, painted once per boundary and kept as a data URL for the SVG that draws the points.
 *
 * @example
 * // given: const boundary: Boundary
 * const href = boundaryImage(boundary);         // <image href=${href}>
 * const classes = boundaryImage(boundary, true); // each cell its predicted class
 */
import type { Boundary } from '../../train/types';
import { drawnOnce, pixelImage } from './heatmap-image';

/** The two classes' colours, shared with the points drawn over the picture. */
export const CLASS_COLORS = ['#f59322', '#0877bd'] as const;
const ENDS: [number, number, number][] = [
  [245, 147, 34],
  [8, 119, 189],
];

/** How far towards a class's colour a certain cell goes: lighter than the points, which then stand out on it. */
const DEPTH = 0.6;

/** The ramp's colour at probability p: white at 0.5, a class's colour (lightened to `depth`) towards its end. */
export function boundaryColor(p: number, depth = DEPTH): [number, number, number] {
  const end = ENDS[p >= 0.5 ? 1 : 0]!;
  const strength = depth * Math.min(1, Math.abs(p - 0.5) * 2);
  return end.map((c) => Math.round(255 + (c - 255) * strength)) as [number, number, number];
}

const images = { smooth: new WeakMap<Float32Array, string>(), discrete: new WeakMap<Float32Array, string>() };

/** The picture; `discrete` paints each cell its predicted class's colour alone (TensorFlow Playground's "Discretize output"). */
export function boundaryImage(boundary: Boundary, discrete = false): string {
  const { size, probabilities } = boundary;
  return drawnOnce(discrete ? images.discrete : images.smooth, probabilities, (p) =>
    pixelImage(size, size, (i) => boundaryColor(discrete ? (p[i]! >= 0.5 ? 1 : 0) : p[i]!)),
  );
}
