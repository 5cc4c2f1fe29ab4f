/**
 * Random settings for the diagnosis matrix (diagnosis-judge.ts): drawn, seeded, from wide
 * ranges of every setting a learner can move, on every scenario: the lesson-2 line, digits,
 * breast cancer (with imbalance and oversampling) and TensorFlow Playground's four planar sets
 * (noise, activations, features, regularisation). Ranges are cut where a draw would take
 * minutes on a 2-core CPU (digits' epochs, planar networks), not where a verdict is hard.
 *
 * @example
 * const settings = randomSettings(48, 2026); // Partial<RunConfig>[], the same for the same seed
 */
import { RandomStream } from '../cpu/rng';
import { LINE_ROWS } from '../train/config';
import type { BuiltinScenario } from '../train/data/builtin-sets';
import { scenarioOf } from '../train/scenarios/table';
import type { PlanarFeature, RunConfig } from '../train/types';

/** Rows the 80/20 split leaves for training: what "every training row" means. */
export const AVAILABLE_ROWS = { line: LINE_ROWS, digits: Math.floor(1797 * 0.8), cancer: Math.floor(569 * 0.8), fashion: 5000, planar: Math.floor(500 * 0.8) } as const;

const SCENARIOS = ['line', 'line', 'cancer', 'cancer', 'digits', 'circle', 'xor', 'gauss', 'spiral'] as const;
/** Each built-in set's ranges: digits' larger input makes its epochs the slower, and only cancer is drawn imbalanced. */
const BUILTIN_RANGES: Record<BuiltinScenario, { maxEpochs: number; batchSizes: number[]; hidden: number[][]; imbalanced: boolean }> = {
  digits: { maxEpochs: 12, batchSizes: [32, 64, 128], hidden: [[32], [64]], imbalanced: false },
  cancer: { maxEpochs: 60, batchSizes: [8, 16, 32, 64], hidden: [[16], [64], [32, 16]], imbalanced: true },
  // Not drawn (SCENARIOS): a photo's epoch is far slower than the tables' on SwiftShader.
  fashion: { maxEpochs: 4, batchSizes: [64], hidden: [[64]], imbalanced: false },
};
const FEATURE_SETS: PlanarFeature[][] = [['x1', 'x2'], ['x1', 'x2'], ['x1', 'x2', 'x1x2'], ['x1sq', 'x2sq'], ['x1', 'x2', 'sin1', 'sin2']];

export function randomSettings(count: number, seed: number): Partial<RunConfig>[] {
  const rng = new RandomStream({ seed, stream: 0x5e77, counter: 0 });
  const pick = <T>(items: readonly T[]): T => items[rng.nextBelow(items.length)]!;
  const logUniform = (lo: number, hi: number) => Number((lo * (hi / lo) ** rng.nextUnit()).toPrecision(2));
  const intLog = (lo: number, hi: number) => Math.round(logUniform(lo, hi));
  return Array.from({ length: count }, (): Partial<RunConfig> => {
    const scenario = pick(SCENARIOS);
    const cut = rng.nextUnit() < 0.3;
    const common = { scenario, seed: rng.nextBelow(10), schedule: pick(['one-cycle', 'constant'] as const) };
    const { data } = scenarioOf(scenario);
    if (data.source === 'line') {
      return { ...common, epochs: intLog(1, 300), maxLr: logUniform(1e-4, 5), ...(cut ? { trainSize: intLog(5, LINE_ROWS - 1) } : {}) };
    }
    const optimizer = pick(['adam', 'adam', 'sgd'] as const);
    const maxLr = optimizer === 'adam' ? logUniform(1e-5, 1) : logUniform(1e-4, 5);
    if (data.source === 'builtin') {
      const ranges = BUILTIN_RANGES[data.set];
      const imbalanced = ranges.imbalanced && rng.nextUnit() < 0.4;
      return {
        ...common,
        optimizer,
        maxLr,
        epochs: intLog(1, ranges.maxEpochs),
        batchSize: pick(ranges.batchSizes),
        hidden: [...pick(ranges.hidden)],
        ...(imbalanced ? { imbalance: pick([4, 8, 16]), oversample: rng.nextUnit() < 0.5 } : {}),
        ...(cut ? { trainSize: intLog(20, AVAILABLE_ROWS[data.set] - 1) } : {}),
      };
    }
    const regularized = rng.nextUnit() < 0.25;
    return {
      ...common,
      optimizer,
      maxLr,
      epochs: intLog(2, 60),
      batchSize: pick([16, 32]),
      hidden: pick([[8, 8], [8], [4, 4], [8, 8, 8]]),
      activation: pick(['relu', 'tanh', 'sigmoid'] as const),
      noise: pick([0, 10, 30]),
      features: pick(FEATURE_SETS),
      ...(regularized ? { regularization: pick(['l1', 'l2'] as const), regRate: logUniform(1e-4, 0.03) } : {}),
      ...(cut ? { trainSize: intLog(20, AVAILABLE_ROWS.planar - 1) } : {}),
    };
  });
}
