import { describe, expect, it } from 'vitest';
import { contourLevels, contourLines, exitPoint, inside, niceTicks, surfaceBounds } from './surface-geometry';

describe('the parameter view geometry', () => {
  it('boxes the start, the true line, the optimum and the path on half-unit steps', () => {
    const box = surfaceBounds([[-1, 1], [0.5, 1.8], [2.9, 2.4]], [3.1, 2.5]);
    expect(box).toEqual({ aMin: -1.5, aMax: 4, bMin: 0.5, bMax: 3 });
    for (const p of [[-1, 1], [3, 2], [3.1, 2.5]] as [number, number][]) expect(inside(box, p)).toBe(true);
  });

  it('puts axis ticks on round values', () => {
    expect(niceTicks(-1.5, 7)).toEqual([0, 2, 4, 6]);
    expect(niceTicks(-1.5, 4)).toEqual([-1, 0, 1, 2, 3, 4]);
    expect(niceTicks(0.5, 3)).toEqual([0.5, 1, 1.5, 2, 2.5, 3]);
    expect(niceTicks(2, 2)).toEqual([2]);
  });

  it('lets a diverging path widen the box only so far, and says where it leaves', () => {
    const path: [number, number][] = [[-1, 1], [8, -5], [-40, 30], [1e6, -1e6], [NaN, NaN]];
    const box = surfaceBounds(path, [3, 2.5]);
    expect(box.aMax - box.aMin).toBeLessThan(20);
    expect(inside(box, path[2]!)).toBe(false);
    const [a, b] = exitPoint(box, [0, 0], [-40, 30]);
    expect(Math.min(Math.abs(a - box.aMin), Math.abs(b - box.bMax))).toBeCloseTo(0, 10);
    expect(inside(box, [a, b])).toBe(true);
  });

  it('spaces contour levels evenly in log(loss) and traces a bowl\'s level as a closed ring', () => {
    const cols = 21;
    const values = Float32Array.from({ length: cols * cols }, (_, i) => ((i % cols) - 10) ** 2 + (Math.floor(i / cols) - 10) ** 2 + 1);
    const levels = contourLevels(values, 3);
    expect(levels).toHaveLength(3);
    expect(levels[1]! / levels[0]!).toBeCloseTo(levels[2]! / levels[1]!, 6);
    const [ring] = contourLines(values, cols, cols, [26]);
    // Radius 5 around (10, 10): every crossing lies on it, and the ring goes all the way round.
    for (const [x0, y0] of ring!) expect(Math.hypot(x0 - 10, y0 - 10)).toBeCloseTo(5, 0);
    expect(ring!.length).toBeGreaterThan(20);
    expect(contourLevels(new Float32Array(4).fill(2), 3)).toEqual([]);
  });
});
