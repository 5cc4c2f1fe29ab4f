/**
 * line's path through parameter space, and where its loss is lowest: what the parameter
 * view draws over the loss surface.
 *
 * @example
 * // given: const result: RunResult, preview: { x: number[]; y: number[] }
 * const path = parameterPath(result.history);   // [[-1, 1], [a₁, b₁], …, result.params]
 * const [a, b] = leastSquaresLine(preview.x, preview.y);
 */
import { LINE_START } from './builders';
import type { EpochStats } from '../types';

/** The notebook's start (−1, 1), then (a, b) after every epoch that reported them. */
export function parameterPath(history: readonly EpochStats[]): [number, number][] {
  const path: [number, number][] = [[LINE_START[0]!, LINE_START[1]!]];
  for (const h of history) if (h.params) path.push([h.params[0]!, h.params[1]!]);
  return path;
}

/** The (a, b) of y = a·x + b with the least squared error on these points: where SGD is headed. */
export function leastSquaresLine(x: readonly number[], y: readonly number[]): [number, number] {
  const n = x.length;
  const mean = (v: readonly number[]) => v.reduce((s, t) => s + t, 0) / n;
  const [mx, my] = [mean(x), mean(y)];
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i]! - mx) * (y[i]! - my);
    sxx += (x[i]! - mx) ** 2;
  }
  const a = sxx > 0 ? sxy / sxx : 0;
  return [a, my - a * mx];
}
