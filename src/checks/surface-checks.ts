/**
 * Checks of the loss surface kernel and of copies of part of a tensor, against float64, on
 * grids and rows of awkward sizes (one point, one row, 7, 63, 65, 130…), outputs poisoned.
 *
 * @example
 * import { TestRandom } from './check-kit';
 * // given: const backend: Backend
 * for (const check of surfaceChecks()) console.log(check.name, await check.run(backend, new TestRandom(1)));
 */
import { gridPoint, type SurfaceGrid } from '../backend';
import { finish, finishEach, poisoned, upload, type KernelCheck } from './check-kit';

/** [grid columns, grid rows, training rows]. */
const SURFACE_CASES: [number, number, number][] = [
  [1, 1, 1],
  [7, 3, 7],
  [63, 65, 100],
  [65, 63, 1],
  [128, 128, 100],
  [130, 1, 1000],
  [1, 129, 65],
];

export function surfaceChecks(): KernelCheck[] {
  return SURFACE_CASES.map(([cols, rows, dataRows]) => ({
    kernel: 'loss_surface',
    name: `loss_surface ${cols}×${rows} grid, ${dataRows} rows`,
    async run(backend, random) {
      const x = random.floats(2 * dataRows, -1, 1);
      for (let i = 0; i < dataRows; i++) x[2 * i + 1] = i % 3 === 0 ? 1 : x[2 * i + 1]!;
      const y = random.floats(dataRows, -2, 6);
      const [aMin, bMin] = [random.floats(1, -4, 0)[0]!, random.floats(1, -3, 1)[0]!];
      const grid: SurfaceGrid = { aMin, aMax: aMin + 6, bMin, bMax: bMin + 4, cols, rows };
      const xs = upload(backend, x, 'x');
      const ys = upload(backend, y, 'y');
      // A spare element past the grid stays poisoned: the kernel writes no further.
      const out = poisoned(backend, cols * rows + 1, 'surface');
      backend.lossSurface(xs, ys, dataRows, out, grid);
      const ref = new Float64Array(cols * rows + 1).fill(NaN);
      // Each point's error is measured against its terms' magnitudes, squared: a residual
      // a·x₀ + b·x₁ − y that cancels to nearly 0 (one row, one point: 2.16 + 3.03 − 5.19) is
      // float32's rounding of its terms, 3e-5 of the tiny square in a full run, not the kernel's.
      const scale = new Float64Array(cols * rows + 1);
      for (let r = 0; r < rows; r++) {
        for (let c = 0; c < cols; c++) {
          const [a, b] = gridPoint(grid, c, r).map(Math.fround) as [number, number];
          let [total, magnitude] = [0, 0];
          for (let i = 0; i < dataRows; i++) {
            total += (a * x[2 * i]! + b * x[2 * i + 1]! - y[i]!) ** 2;
            magnitude += (Math.abs(a * x[2 * i]!) + Math.abs(b * x[2 * i + 1]!) + Math.abs(y[i]!)) ** 2;
          }
          ref[r * cols + c] = total / dataRows;
          scale[r * cols + c] = magnitude / dataRows;
        }
      }
      return finishEach(backend, [out], [{ values: ref, scale }], [xs, ys, out]);
    },
  }));
}

/** [source length, from, to, length]. */
const COPY_RANGE_CASES: [number, number, number, number][] = [
  [1, 0, 0, 1],
  [7, 2, 5, 3],
  [65, 1, 63, 64],
  [1000, 333, 7, 600],
];

export function copyRangeChecks(): KernelCheck[] {
  return COPY_RANGE_CASES.map(([sourceLength, from, to, length]) => ({
    kernel: 'copy',
    name: `copy ${length} of ${sourceLength} from ${from} to ${to}`,
    async run(backend, random) {
      const values = random.floats(sourceLength);
      const source = upload(backend, values, 'source');
      const target = poisoned(backend, to + length + 2, 'target');
      backend.copy(source, target, { from, to, length });
      const ref = new Float64Array(to + length + 2).fill(NaN);
      ref.set(values.subarray(from, from + length), to);
      return finish(backend, [target], [ref], [source, target]);
    },
  }));
}
