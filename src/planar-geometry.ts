/**
 * The planar scenarios' square and features, in float64: what the features kernel computes
 * (shaders/planar.wgsl), the CPU backend's twin of it, and the checks' reference.
 *
 * @example
 * planarFeatureRow(1, 2, 0b0011111); // [1, 2, 1, 4, 2]: x1 x2 x1² x2² x1·x2
 * gridCell(0, 100, 6);              // [-5.94, 5.94]: the top-left cell's centre
 */

/** Inputs computed from a point (x1, x2), as TensorFlow Playground's, in the order the features kernel writes them. */
export const PLANAR_FEATURES = ['x1', 'x2', 'x1sq', 'x2sq', 'x1x2', 'sin1', 'sin2'] as const;
export type PlanarFeature = (typeof PLANAR_FEATURES)[number];

/** Bit i set where PLANAR_FEATURES[i] is chosen: the features kernel's mask. */
export function featureMask(features: readonly PlanarFeature[]): number {
  return PLANAR_FEATURES.reduce((mask, feature, i) => (features.includes(feature) ? mask | (1 << i) : mask), 0);
}

/** The square the points and the decision boundary cover: [-PLANAR_EXTENT, PLANAR_EXTENT]². */
export const PLANAR_EXTENT = 6;

/** The features of one point where bit i of `mask` picks feature i of x1 x2 x1² x2² x1·x2 sin x1 sin x2. */
export function planarFeatureRow(x1: number, x2: number, mask: number): number[] {
  const all = [x1, x2, x1 * x1, x2 * x2, x1 * x2, Math.sin(x1), Math.sin(x2)];
  return all.filter((_, i) => (mask >> i) & 1);
}

/** The centre of cell `index` of a size × size grid over [-extent, extent]², row-major from the top-left. */
export function gridCell(index: number, size: number, extent: number): [number, number] {
  const cell = (2 * extent) / size;
  const [row, col] = [Math.floor(index / size), index % size];
  return [-extent + (col + 0.5) * cell, extent - (row + 0.5) * cell];
}

/** Networks drawn unit by unit, each hidden unit's picture read with the boundary: up to 6 hidden layers of 8. */
export const NEURON_LIMITS = { layers: 6, units: 8 } as const;

export function drawsUnitByUnit(hidden: readonly number[]): boolean {
  return hidden.length <= NEURON_LIMITS.layers && hidden.every((units) => units <= NEURON_LIMITS.units);
}
