/**
 * Checks of the planar scenarios' kernels against float64: the input features, from points
 * and from a grid's cells, for every single feature and some mixes, on awkward row counts;
 * and the L1 and L2 weight penalties. Outputs start poisoned; a spare element past the end
 * stays so.
 *
 * @example
 * import { TestRandom } from './check-kit';
 * // given: const backend: Backend
 * for (const check of planarChecks()) console.log(check.name, await check.run(backend, new TestRandom(1)));
 */
import { gridCell, planarFeatureRow, PLANAR_EXTENT } from '../planar-geometry';
import { finish, poisoned, upload, type KernelCheck } from './check-kit';

/** Masks: each feature alone, x1 x2, every feature, and an odd mix. */
const MASKS = [0b1, 0b10, 0b100, 0b1000, 0b10000, 0b100000, 0b1000000, 0b11, 0b1111111, 0b1010110];

const names = ['x1', 'x2', 'x1²', 'x2²', 'x1·x2', 'sin x1', 'sin x2'];
const maskName = (mask: number) => names.filter((_, i) => (mask >> i) & 1).join(' ');
/** WGSL specifies sin to 2⁻¹¹ absolute on [-π, π] (SwiftShader's is that coarse): a norm-wise relative error of a few 10⁻⁴. */
const SINE_TOLERANCE = 2e-3;
const tolerance = (mask: number) => (mask & 0b1100000 ? { tolerance: SINE_TOLERANCE } : {});

function featureChecks(): KernelCheck[] {
  const fromPoints = MASKS.flatMap((mask, i) => {
    const rows = [1, 7, 65, 1000][i % 4]!;
    return [{
      kernel: 'planar_features',
      name: `planar_features ${maskName(mask)}, ${rows} points`,
      ...tolerance(mask),
      async run(backend, random) {
        const points = random.floats(2 * rows, -PLANAR_EXTENT, PLANAR_EXTENT);
        const width = planarFeatureRow(0, 0, mask).length;
        const [pt, out] = [upload(backend, points, 'points'), poisoned(backend, rows * width + 1, 'features')];
        backend.planarFeatures({ tensor: pt, rows }, out, mask);
        const ref = new Float64Array(rows * width + 1).fill(NaN);
        for (let r = 0; r < rows; r++) ref.set(planarFeatureRow(points[2 * r]!, points[2 * r + 1]!, mask), r * width);
        return finish(backend, [out], [ref], [pt, out]);
      },
    } satisfies KernelCheck];
  });
  const fromGrid = ([[1, 0b11], [7, 0b1111111], [100, 0b11], [63, 0b1100001]] as const).map(([size, mask]): KernelCheck => ({
    kernel: 'planar_features',
    name: `planar_features ${maskName(mask)}, ${size}×${size} grid`,
    ...tolerance(mask),
    async run(backend) {
      const width = planarFeatureRow(0, 0, mask).length;
      const out = poisoned(backend, size * size * width + 1, 'grid features');
      backend.planarFeatures({ grid: size, extent: PLANAR_EXTENT }, out, mask);
      const ref = new Float64Array(size * size * width + 1).fill(NaN);
      for (let r = 0; r < size * size; r++) ref.set(planarFeatureRow(...gridCell(r, size, PLANAR_EXTENT), mask), r * width);
      return finish(backend, [out], [ref], [out]);
    },
  }));
  return [...fromPoints, ...fromGrid];
}

function penaltyChecks(): KernelCheck[] {
  return (['l1', 'l2'] as const).flatMap((kind) =>
    [1, 7, 65, 1000].map((count): KernelCheck => ({
      kernel: 'penalize',
      name: `penalize ${kind} ${count}`,
      async run(backend, random) {
        const w = random.floats(count);
        const g = random.floats(count);
        // Every third parameter a bias (not penalised); one weight exactly 0, where L1's slope is 0.
        const mask = Float32Array.from({ length: count }, (_, i) => (i % 3 === 2 ? 0 : 1));
        w[0] = 0;
        const rate = 0.37;
        const [wt, mt, gt] = [upload(backend, w, 'weights'), upload(backend, mask, 'penalised'), upload(backend, g, 'grads')];
        backend.penalize(wt, mt, gt, count, kind, rate);
        const ref = Float64Array.from(g, (gi, i) => gi + rate * mask[i]! * (kind === 'l1' ? Math.sign(w[i]!) : w[i]!));
        return finish(backend, [gt], [ref], [wt, mt, gt]);
      },
    })),
  );
}

export function planarChecks(): KernelCheck[] {
  return [...featureChecks(), ...penaltyChecks()];
}
