import { describe, expect, it } from 'vitest';
import { networkLayout } from './network-layout';

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
});
