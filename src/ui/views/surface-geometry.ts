/**
 * The geometry of the parameter view, without the DOM: which (a, b) box the loss surface
 * covers, its log-spaced contour lines (marching squares), and where a path that runs out of
 * the box leaves it (for the arrow that says "it went on, that way").
 *
 * @example
 * // given: const path: [number, number][], surface: Float32Array
 * const box = surfaceBounds(path, [3.02, 2.51]);
 * const lines = contourLines(surface, 128, 128, contourLevels(surface, 9));
 */

import { LINE_TRUE_PARAMS } from '../../engine/index';

export interface Box {
  aMin: number;
  aMax: number;
  bMin: number;
  bMax: number;
}

/** The lesson's true parameters, as the data are made: y = 3x + 2 (+ noise). */
export const TRUE_LINE: [number, number] = [LINE_TRUE_PARAMS[0], LINE_TRUE_PARAMS[1]];
/** How far beyond the interesting region a path may pull the box, in spans of that region. */
const MAX_REACH = 1.5;

/**
 * The box around the start, the true line, the optimum and the path, on half-unit steps, so
 * small moves keep it (and the computed surface) as it is. A path that runs off (too high a
 * learning rate) widens it by at most MAX_REACH spans of the rest; beyond that it is clipped.
 */
export function surfaceBounds(path: readonly [number, number][], optimum: [number, number]): Box {
  const anchors = [path[0] ?? [-1, 1], TRUE_LINE, optimum];
  const around = (values: number[]) => [Math.min(...values), Math.max(...values)] as const;
  const [a0, a1] = around(anchors.map((p) => p[0]));
  const [b0, b1] = around(anchors.map((p) => p[1]));
  const reachA = MAX_REACH * Math.max(1, a1 - a0);
  const reachB = MAX_REACH * Math.max(1, b1 - b0);
  const finite = path.filter(([a, b]) => Number.isFinite(a) && Number.isFinite(b));
  const [pa0, pa1] = around([a0, a1, ...finite.map((p) => p[0])]);
  const [pb0, pb1] = around([b0, b1, ...finite.map((p) => p[1])]);
  const margin = 0.5;
  const down = (v: number) => Math.floor(v * 2) / 2;
  const up = (v: number) => Math.ceil(v * 2) / 2;
  return {
    aMin: down(Math.max(pa0, a0 - reachA) - margin),
    aMax: up(Math.min(pa1, a1 + reachA) + margin),
    bMin: down(Math.max(pb0, b0 - reachB) - margin),
    bMax: up(Math.min(pb1, b1 + reachB) + margin),
  };
}

/** Round values (steps of 1, 2 or 5 × 10^k) inside [min, max]: at least `count` of them, at most 2.5 × that. */
export function niceTicks(min: number, max: number, count = 4): number[] {
  const raw = (max - min) / count;
  if (!(raw > 0) || !Number.isFinite(raw)) return [min];
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [5, 2, 1].map((m) => m * power).find((s) => s <= raw)!;
  const ticks: number[] = [];
  // "+ 0" turns −0 into 0: a tick reads "0", never "-0".
  for (let v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step) ticks.push(Math.round(v / step) * step + 0);
  return ticks;
}

export function inside(box: Box, [a, b]: [number, number]): boolean {
  return a >= box.aMin && a <= box.aMax && b >= box.bMin && b <= box.bMax;
}

/** Where the segment from a point inside the box to one outside (or not finite) crosses its edge. */
export function exitPoint(box: Box, from: [number, number], to: [number, number]): [number, number] {
  const [da, db] = [to[0] - from[0], to[1] - from[1]];
  if (!Number.isFinite(da) || !Number.isFinite(db)) return from;
  let t = 1;
  if (da > 0) t = Math.min(t, (box.aMax - from[0]) / da);
  if (da < 0) t = Math.min(t, (box.aMin - from[0]) / da);
  if (db > 0) t = Math.min(t, (box.bMax - from[1]) / db);
  if (db < 0) t = Math.min(t, (box.bMin - from[1]) / db);
  return [from[0] + t * da, from[1] + t * db];
}

/** `count` levels spaced evenly in log(loss) between the surface's lowest and highest values. */
export function contourLevels(values: ArrayLike<number>, count: number): number[] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!(v > 0) || !Number.isFinite(v)) continue;
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  if (!(hi > lo)) return [];
  const [l0, l1] = [Math.log(lo), Math.log(hi)];
  return Array.from({ length: count }, (_, i) => Math.exp(l0 + ((i + 1) / (count + 1)) * (l1 - l0)));
}

/**
 * Each level's contour as line segments in grid coordinates (x: column, y: row), by marching
 * squares: for each cell, the edges the level crosses, joined pairwise.
 */
export function contourLines(values: ArrayLike<number>, cols: number, rows: number, levels: number[]): [number, number, number, number][][] {
  return levels.map((level) => {
    const segments: [number, number, number, number][] = [];
    const at = (c: number, r: number) => values[r * cols + c]!;
    for (let r = 0; r + 1 < rows; r++) {
      for (let c = 0; c + 1 < cols; c++) {
        // Corners clockwise from the top left, and where the level crosses each edge.
        const corners: [number, number, number][] = [
          [c, r, at(c, r)],
          [c + 1, r, at(c + 1, r)],
          [c + 1, r + 1, at(c + 1, r + 1)],
          [c, r + 1, at(c, r + 1)],
        ];
        const crossings: [number, number][] = [];
        for (let k = 0; k < 4; k++) {
          const [x0, y0, v0] = corners[k]!;
          const [x1, y1, v1] = corners[(k + 1) % 4]!;
          if (v0 < level === v1 < level) continue;
          const t = (level - v0) / (v1 - v0);
          crossings.push([x0 + t * (x1 - x0), y0 + t * (y1 - y0)]);
        }
        // Two crossings: one segment; four (a saddle): two, paired in order.
        for (let k = 0; k + 1 < crossings.length; k += 2) segments.push([...crossings[k]!, ...crossings[k + 1]!]);
      }
    }
    return segments;
  });
}
