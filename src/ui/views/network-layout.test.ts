import { describe, expect, it } from 'vitest';
import { networkLayout, strongest, STRONG_EDGES } from './network-layout';

describe('networkLayout', () => {
  it('draws 8-8-8 unit by unit: a node per unit and an edge per weight, the widest for the largest |w|', () => {
    const weights = [new Float32Array(2 * 8).fill(0.1), new Float32Array(64).fill(-0.2), new Float32Array(64).fill(0.3), new Float32Array(8).fill(0.05)];
    weights[2]![5] = -3;
    const layout = networkLayout(2, [8, 8, 8], weights);
    expect(layout.unitByUnit).toBe(true);
    expect(layout.nodes).toHaveLength(2 + 24 + 1);
    expect(layout.edges).toHaveLength(16 + 64 + 64 + 8);
    const widest = layout.edges.reduce((a, e) => (e.width > a.width ? e : a));
    expect(widest.positive).toBe(false);
    expect(widest).toBe(layout.edges[16 + 64 + 5]);
    expect(layout.edges.slice(16, 80).every((e) => !e.positive)).toBe(true);
  });

  it('draws a box per layer past six layers or eight units, still with every input and the output', () => {
    const layout = networkLayout(3, [128, 64], null);
    expect(layout.unitByUnit).toBe(false);
    expect(layout.nodes.map((n) => [n.column, n.unit])).toEqual([[0, 0], [0, 1], [0, 2], [1, -1], [2, -1], [3, 0]]);
    expect(layout.edges).toHaveLength(3 + 1 + 1);
    expect(networkLayout(2, [4, 4, 4, 4, 4, 4, 4], null).unitByUnit).toBe(false);
  });

  it('keeps the three largest |w| of a list, whatever their sign, ties to the earlier', () => {
    expect(strongest([0.1, -5, 0.3, 2, -0.2])).toEqual([false, true, true, true, false]);
    expect(strongest([1, 1, 1, 1])).toEqual([true, true, true, false]);
    expect(strongest([0.4, -0.1])).toEqual([true, true]);
  });

  it('draws strong only the three largest |w| into each unit, so 8-8-8 is not a hairball', () => {
    // A fixed pseudo-random pattern: |w| differs along every column.
    const weights = [2 * 8, 64, 64, 8].map((n, layer) => Float32Array.from({ length: n }, (_, i) => Math.sin(1 + 7 * i + 13 * layer) * (1 + (i % 5))));
    const layout = networkLayout(2, [8, 8, 8], weights);
    const into = (start: number, rows: number, cols: number, col: number) =>
      Array.from({ length: rows }, (_, row) => layout.edges[start + row * cols + col]!);
    const blocks = [[0, 2, 8], [16, 8, 8], [80, 8, 8], [144, 8, 1]] as const;
    blocks.forEach(([start, rows, cols], layer) => {
      for (let col = 0; col < cols; col++) {
        const edges = into(start, rows, cols, col);
        expect(edges.filter((e) => e.strong)).toHaveLength(Math.min(STRONG_EDGES, rows));
        const magnitudes = Array.from({ length: rows }, (_, row) => Math.abs(weights[layer]![row * cols + col]!));
        const weakest = Math.min(...magnitudes.filter((_, row) => edges[row]!.strong));
        expect(magnitudes.filter((_, row) => !edges[row]!.strong).every((m) => m <= weakest)).toBe(true);
      }
    });
    expect(layout.edges.filter((e) => e.strong)).toHaveLength(8 * 2 + 8 * 3 + 8 * 3 + 3);
  });

  it('draws every edge strong before there are weights to rank', () => {
    expect(networkLayout(2, [8, 8], null).edges.every((e) => e.strong)).toBe(true);
  });
});
