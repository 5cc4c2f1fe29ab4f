/**
 * Where the what-if curves (ghosts) meet the edges of the loss chart, as plain data: the chart
 * keeps the run's own axes, so a ghost that trains longer, or ends higher or lower than the
 * run, is clipped, and a marker at the edge where it leaves carries its final value. Also
 * which ghost the diagnosis cites (drawn bold) and which one the cursor is over.
 *
 * @example
 * const box = { xMin: 0, xMax: 100, yMin: 0.05, yMax: 2 };
 * ghostExit([{ x: 100, y: 0.3 }, { x: 300, y: 0.1 }], box, true);
 * // { x: 100, y: 0.3, edge: 'right' }: the 3× epochs run leaves through the right edge
 */
import type { Diagnosis, RunConfig, WhatIf } from '../engine/index';

/** The plot's data range: x linear, y on a log scale (both ends positive). */
export interface PlotBox {
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

export type Edge = 'right' | 'top' | 'bottom' | 'left';

/** Where a clipped ghost leaves the plot for the last time, on its edge, in data units. */
export interface GhostExit {
  x: number;
  y: number;
  edge: Edge;
}

interface Point {
  x: number;
  y: number;
}

/** The box's coordinates, 0 to 1 each way; y in decades, as the log axis draws it. */
function normalize(p: Point, box: PlotBox): Point {
  return {
    x: (p.x - box.xMin) / (box.xMax - box.xMin),
    y: (Math.log10(p.y) - Math.log10(box.yMin)) / (Math.log10(box.yMax) - Math.log10(box.yMin)),
  };
}

function denormalize(p: Point, box: PlotBox): Point {
  const lo = Math.log10(box.yMin);
  return { x: box.xMin + p.x * (box.xMax - box.xMin), y: 10 ** (lo + p.y * (Math.log10(box.yMax) - lo)) };
}

const EPS = 1e-9;
const inside = (p: Point) => p.x >= -EPS && p.x <= 1 + EPS && p.y >= -EPS && p.y <= 1 + EPS;

/**
 * The visible part of the segment a → b in the unit box (Liang–Barsky), as the fraction where
 * it ends and the edge that ends it; null when none of it shows.
 */
function clipEnd(a: Point, b: Point): { t: number; edge: Edge | null } | null {
  let t0 = 0;
  let t1 = 1;
  let edge: Edge | null = null;
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  // Each side as p·t ≤ q: left, right, bottom, top.
  const sides: [number, number, Edge][] = [
    [-dx, a.x, 'left'],
    [dx, 1 - a.x, 'right'],
    [-dy, a.y, 'bottom'],
    [dy, 1 - a.y, 'top'],
  ];
  for (const [p, q, side] of sides) {
    if (Math.abs(p) < EPS) {
      if (q < -EPS) return null;
      continue;
    }
    const t = q / p;
    if (p < 0) t0 = Math.max(t0, t);
    else if (t < t1) [t1, edge] = [t, side];
  }
  return t0 <= t1 + EPS ? { t: t1, edge } : null;
}

/** The edge nearest a point outside the unit box, and the point pulled onto it. */
function clampToBox(p: Point): { point: Point; edge: Edge } {
  const point = { x: Math.min(1, Math.max(0, p.x)), y: Math.min(1, Math.max(0, p.y)) };
  const edge: Edge = p.y > 1 ? 'top' : p.y < 0 ? 'bottom' : p.x < 0 ? 'left' : 'right';
  return { point, edge };
}

/**
 * Where a ghost leaves the plot for good: null when it ends inside (its own line's end shows
 * it). `points` are its finite, positive (epoch, valid loss) in order; `diverged` says its
 * loss went non-finite after the last of them, so one that ends inside left through the top.
 */
export function ghostExit(points: Point[], box: PlotBox, diverged = false): GhostExit | null {
  if (!points.length || !(box.xMax > box.xMin) || !(box.yMin > 0) || !(box.yMax > box.yMin)) return null;
  const unit = points.map((p) => normalize(p, box));
  const last = unit[unit.length - 1]!;
  if (inside(last)) return diverged ? { x: points[points.length - 1]!.x, y: box.yMax, edge: 'top' } : null;
  for (let i = unit.length - 1; i > 0; i--) {
    const end = clipEnd(unit[i - 1]!, unit[i]!);
    if (!end || !end.edge) continue;
    const a = unit[i - 1]!;
    const b = unit[i]!;
    const { x, y } = denormalize({ x: a.x + end.t * (b.x - a.x), y: a.y + end.t * (b.y - a.y) }, box);
    return { x, y, edge: end.edge };
  }
  // Never inside: marked where its end, pulled onto the plot, meets the nearest edge.
  const { point, edge } = clampToBox(last);
  return { ...denormalize(point, box), edge };
}

/**
 * Positions along an edge for labels of the given sizes, each as near its wish as the others
 * allow: sorted, pushed apart to `gap` between neighbours, and kept inside [lo, hi].
 */
export function spreadLabels(wishes: number[], sizes: number[], lo: number, hi: number, gap = 2): number[] {
  const order = wishes.map((_, i) => i).sort((a, b) => wishes[a]! - wishes[b]!);
  const placed = new Array<number>(wishes.length);
  let floor = lo;
  for (const i of order) {
    const half = sizes[i]! / 2;
    placed[i] = Math.max(wishes[i]!, floor + half);
    floor = placed[i]! + half + gap;
  }
  // Those pushed past the far end slide back, each no nearer its neighbour than the gap.
  let ceiling = hi;
  for (const i of [...order].reverse()) {
    const half = sizes[i]! / 2;
    placed[i] = Math.min(placed[i]!, ceiling - half);
    ceiling = placed[i]! - half - gap;
  }
  return placed;
}

/**
 * A label's position moved clear of the obstacles (the run's own curves where the label
 * goes), to the side of the first it would cover, or to the other side where that side has no
 * room inside [lo, hi]: a ghost's value never covers the learner's lines if it can help it.
 */
export function clearOf(wish: number, obstacles: number[], clearance: number, lo = -Infinity, hi = Infinity): number {
  const away = (direction: number) => {
    let at = wish;
    for (let pass = 0; pass <= obstacles.length; pass++) {
      const hit = obstacles.find((o) => Math.abs(at - o) < clearance);
      if (hit === undefined) return at;
      // The side is kept: past the next curve too, never back and forth.
      at = hit + direction * clearance;
    }
    return at;
  };
  const first = obstacles.find((o) => Math.abs(wish - o) < clearance);
  if (first === undefined) return wish;
  const preferred = wish < first ? -1 : 1;
  const at = away(preferred);
  if (at >= lo && at <= hi) return at;
  const other = away(-preferred);
  return other >= lo && other <= hi ? other : at;
}

/**
 * The index in `whatIfs` of the one the final diagnosis cites, or -1: none while the diagnosis
 * is provisional or cites nothing. The evidence is the what-ifs in order, but the one cited is
 * matched by identity, else by its change, should the lists differ.
 */
export function citedGhost(whatIfs: readonly WhatIf[], diagnosis: Diagnosis | null): number {
  if (!diagnosis?.final || diagnosis.cited === undefined) return -1;
  const cited = diagnosis.evidence[diagnosis.cited];
  if (!cited) return -1;
  const same = whatIfs.indexOf(cited);
  if (same >= 0) return same;
  const change = changeKey(cited.change);
  return whatIfs.findIndex((w) => changeKey(w.change) === change);
}

function changeKey(change: Partial<RunConfig>): string {
  return JSON.stringify(Object.entries(change).sort(([a], [b]) => a.localeCompare(b)));
}

/** How a ghost is drawn: the cited one bold and in full colour, the others faint and thin. */
export interface GhostStyle {
  alpha: number;
  width: number;
  dash: number[];
}

export const CITED_STYLE: GhostStyle = { alpha: 1, width: 2.5, dash: [8, 4] };
export const FAINT_STYLE: GhostStyle = { alpha: 0.35, width: 1, dash: [5, 4] };

export function ghostStyle(cited: boolean): GhostStyle {
  return cited ? CITED_STYLE : FAINT_STYLE;
}

/** The distance from p to the segment a–b. */
function segmentDistance(p: Point, a: Point, b: Point): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const length2 = dx * dx + dy * dy;
  const t = length2 ? Math.min(1, Math.max(0, ((p.x - a.x) * dx + (p.y - a.y) * dy) / length2)) : 0;
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

/**
 * The ghost whose line (in pixels) passes nearest the cursor, within `reach` pixels, or -1.
 * Each ghost is its polylines (gaps split them) and its marker, if it has one.
 */
export function nearestGhost(cursor: Point, ghosts: { lines: Point[][]; marker: Point | null }[], reach = 8): number {
  let best = -1;
  let bestDistance = reach;
  ghosts.forEach((ghost, i) => {
    let distance = ghost.marker ? Math.hypot(cursor.x - ghost.marker.x, cursor.y - ghost.marker.y) : Infinity;
    for (const line of ghost.lines) {
      if (line.length === 1) distance = Math.min(distance, Math.hypot(cursor.x - line[0]!.x, cursor.y - line[0]!.y));
      for (let k = 1; k < line.length; k++) distance = Math.min(distance, segmentDistance(cursor, line[k - 1]!, line[k]!));
    }
    if (distance <= bestDistance) [best, bestDistance] = [i, distance];
  });
  return best;
}
