/**
 * Where the network diagram puts things: a column per layer (the input features, each hidden
 * layer, the output), a node per unit, and an edge per weight, its width and colour from the
 * weight. Networks past NEURON_LIMITS (planar-geometry.ts) are drawn a box per layer and an
 * edge per pair of layers (their mean |w|), so a 128-wide layer stays legible. Of the edges
 * into each node only the STRONG_EDGES largest |w| are `strong` (drawn at full opacity, the rest
 * faint), so an 8-8-8 network's 64 edges a layer read as each unit's few main inputs, not a
 * hairball. Pure: tested without a DOM.
 *
 * @example
 * // given: const boundary: Boundary
 * const layout = networkLayout(2, [8, 8, 8], boundary.weights ?? null);
 * layout.nodes.length; // 2 + 24 + 1
 */
import { drawsUnitByUnit } from '../../planar-geometry';

/** A node's side and the gaps, in CSS pixels. */
export const NODE = 26;
const ROW = 32;
const COLUMN = 58;
const MAX_EDGE_WIDTH = 4;
/** The edges into a node drawn strong: TensorFlow Playground shows every weight; past a few, only the largest read. */
export const STRONG_EDGES = 3;

export interface DiagramNode {
  /** Column (0: the inputs) and unit within it; a summary box has unit −1. */
  column: number;
  unit: number;
  x: number;
  y: number;
  height: number;
}

export interface DiagramEdge {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  width: number;
  /** The weight's sign: positive weights blue, negative orange (TensorFlow Playground's). */
  positive: boolean;
  /** Among the STRONG_EDGES largest |w| into its node (every edge, before there are weights). */
  strong: boolean;
}

export interface NetworkLayout {
  width: number;
  height: number;
  /** Every hidden unit has its own node and picture. */
  unitByUnit: boolean;
  nodes: DiagramNode[];
  edges: DiagramEdge[];
}

export function networkLayout(inputs: number, hidden: number[], weights: Float32Array[] | null): NetworkLayout {
  const unitByUnit = drawsUnitByUnit(hidden);
  // Inputs and output always unit by unit; hidden layers as boxes when too many.
  const widths = [inputs, ...hidden, 1];
  const shown = widths.map((units, c) => (c === 0 || c === widths.length - 1 || unitByUnit ? units : 1));
  const height = Math.max(...shown) * ROW;
  const nodes = shown.flatMap((count, column) => {
    const boxHeight = column > 0 && column < widths.length - 1 && !unitByUnit ? Math.min(height, NODE + 6 * Math.log2(widths[column]!)) : NODE;
    const top = (height - (count - 1) * ROW - boxHeight) / 2;
    return Array.from({ length: count }, (_, unit): DiagramNode => ({
      column,
      unit: count === widths[column] ? unit : -1,
      x: column * COLUMN,
      y: count === 1 && boxHeight !== NODE ? (height - boxHeight) / 2 : top + unit * ROW,
      height: boxHeight,
    }));
  });
  const inColumn = (c: number) => nodes.filter((n) => n.column === c);
  const edges: DiagramEdge[] = [];
  const largest = weights ? Math.max(1e-12, ...weights.flatMap((w) => Array.from(w, Math.abs))) : 1;
  for (let layer = 0; layer < widths.length - 1; layer++) {
    const [from, to] = [inColumn(layer), inColumn(layer + 1)];
    const w = weights?.[layer];
    // Between boxes: the mean |w| of the block; between units: the weight itself.
    const value = (a: DiagramNode, b: DiagramNode) =>
      !w ? 0 : a.unit >= 0 && b.unit >= 0 ? w[a.unit * widths[layer + 1]! + b.unit]! : mean(w, a.unit, b.unit, widths[layer + 1]!);
    const into = to.map((b) => from.map((a) => value(a, b)));
    const strongInto = into.map((values) => (w ? strongest(values) : values.map(() => true)));
    from.forEach((a, i) =>
      to.forEach((b, j) => {
        const v = into[j]![i]!;
        edges.push({
          x1: a.x + NODE,
          y1: a.y + a.height / 2,
          x2: b.x,
          y2: b.y + b.height / 2,
          width: w ? 0.4 + (MAX_EDGE_WIDTH - 0.4) * Math.min(1, Math.abs(v) / largest) : 0.6,
          positive: v >= 0,
          strong: strongInto[j]![i]!,
        });
      }),
    );
  }
  return { width: (widths.length - 1) * COLUMN + NODE, height, unitByUnit, nodes, edges };
}

/** Which of `values` are among the `keep` largest by |v| (ties go to the earlier). */
export function strongest(values: readonly number[], keep = STRONG_EDGES): boolean[] {
  const order = values.map((v, i) => [Math.abs(v), i] as const).sort((p, q) => q[0] - p[0] || p[1] - q[1]);
  const kept = new Set(order.slice(0, keep).map(([, i]) => i));
  return values.map((_, i) => kept.has(i));
}

/** The mean of w over the rows (row −1: all) and columns (−1: all) an edge between boxes stands for; |w| where a box is involved. */
function mean(w: Float32Array, row: number, col: number, cols: number): number {
  let sum = 0;
  let count = 0;
  w.forEach((v, i) => {
    if ((row < 0 || Math.floor(i / cols) === row) && (col < 0 || i % cols === col)) {
      sum += Math.abs(v);
      count++;
    }
  });
  return count ? sum / count : 0;
}
