/**
 * TensorFlow Playground's four data sets, written from their shapes: two classes of points in
 * [-6, 6]², drawn on the host from the seeded generator (the same points on every backend for
 * a seed). `noise` (0–50 %) blurs each shape as the Playground's slider does: the points move,
 * their labels stay, so the classes overlap.
 *
 * - circle: class 1 inside radius 2.5, class 0 on a ring from 3.5 to 5;
 * - xor: uniform in [-5, 5]², kept 0.3 off the axes; class 1 where x1·x2 > 0;
 * - gauss: two round Gaussians at (2, 2) (class 1) and (-2, -2) (class 0), wider with noise;
 * - spiral: two arms of 1.75 turns out to radius 5, the second the first turned by π.
 *
 * @example
 * const data = planarDataset('spiral', { seed: 0, noise: 10 }); // 500 rows of (x1, x2), labels 0/1
 */
import { RandomStream } from '../../cpu/rng';
import { PLANAR_EXTENT } from '../../planar-geometry';
import { STREAMS } from '../streams';
import type { Dataset, PlanarScenario } from '../types';

/** Points a data set has, half of each class (TensorFlow Playground's 500). */
export const PLANAR_POINTS = 500;

type Point = [number, number];

/** One point of class `label` (0 or 1), its noise not yet added. */
type Shape = (rng: RandomStream, label: number, i: number, perClass: number, noise: number) => Point;

const uniform = (rng: RandomStream, lo: number, hi: number) => lo + (hi - lo) * rng.nextUnit();

/** A standard normal draw (Box–Muller; 1 − u keeps the logarithm finite). */
function normal(rng: RandomStream): number {
  const u = 1 - rng.nextUnit();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.nextUnit());
}

/** Each coordinate moved by up to ±spread · noise. */
function blur(rng: RandomStream, [x, y]: Point, spread: number, noise: number): Point {
  return [x + uniform(rng, -spread, spread) * noise, y + uniform(rng, -spread, spread) * noise];
}

const SHAPES: Record<PlanarScenario, Shape> = {
  circle(rng, label, _i, _n, noise) {
    const r = label === 1 ? uniform(rng, 0, 2.5) : uniform(rng, 3.5, 5);
    const angle = uniform(rng, 0, 2 * Math.PI);
    return blur(rng, [r * Math.cos(angle), r * Math.sin(angle)], 5, noise);
  },
  xor(rng, label, _i, _n, noise) {
    const away = (v: number) => v + (v >= 0 ? 0.3 : -0.3);
    const x = away(uniform(rng, 0, 5));
    const y = away(uniform(rng, 0, 5));
    // Class 1 in the quadrants where x·y > 0, class 0 in the others: a quadrant drawn at random.
    const flip = rng.nextUnit() < 0.5 ? 1 : -1;
    return blur(rng, label === 1 ? [flip * x, flip * y] : [flip * x, -flip * y], 5, noise);
  },
  gauss(rng, label, _i, _n, noise) {
    const centre = label === 1 ? 2 : -2;
    const sd = 1 + 4 * noise;
    return [centre + sd * normal(rng), centre + sd * normal(rng)];
  },
  spiral(rng, label, i, perClass, noise) {
    const t = i / perClass;
    const r = 5 * t;
    const angle = 1.75 * 2 * Math.PI * t + label * Math.PI;
    return blur(rng, [r * Math.sin(angle), r * Math.cos(angle)], 2, noise);
  },
};

/** The data set's points (rows of x1, x2) and labels, classes alternating row by row. */
export function planarDataset(scenario: PlanarScenario, { seed, noise }: { seed: number; noise: number }): Dataset {
  const rng = new RandomStream({ seed, stream: STREAMS.planarPoints, counter: 0 });
  const perClass = PLANAR_POINTS / 2;
  const features = new Float32Array(PLANAR_POINTS * 2);
  const labels = new Float32Array(PLANAR_POINTS);
  const clip = (v: number) => Math.min(PLANAR_EXTENT, Math.max(-PLANAR_EXTENT, v));
  for (let i = 0; i < perClass; i++) {
    for (const label of [0, 1]) {
      const row = 2 * i + label;
      const [x, y] = SHAPES[scenario](rng, label, i, perClass, noise / 100);
      features[2 * row] = clip(x);
      features[2 * row + 1] = clip(y);
      labels[row] = label;
    }
  }
  return { features, rows: PLANAR_POINTS, featureCount: 2, labels, task: 'classification', classCount: 2 };
}

