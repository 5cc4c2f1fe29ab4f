/**
 * What the planar scenarios (TensorFlow Playground's ground) must do on every backend,
 * registered as tests for one of them: each data set learnable, a linear model failing the
 * two that are not linearly separable until the features make them so, the decision boundary
 * drawn where the classes are, a weight penalty that shrinks the model, and the same run on
 * every backend (planar-spec's own numbers are compared across backends in engine.gpu.test.ts).
 *
 * @example
 * import { describe } from 'vitest';
 * describe('planar on the CPU', () => describePlanar(() => createEngine({ backend: 'cpu' })));
 */
import { expect, it } from 'vitest';
import { BOUNDARY_SIZE } from '../train/model/boundary-pass';
import { PLANAR_SCENARIOS } from '../train/scenarios/table';
import type { Engine } from './api';
import type { Boundary, PlanarScenario, RunConfig } from '../train/types';

/** A few dozen short runs per test, on a CPU-emulated GPU too. */
const PLANAR_TIMEOUT_MS = 120_000;

/** The validation error each planar data set must fall under with its defaults. */
const LEARNT_BELOW: Record<PlanarScenario, number> = { circle: 0.1, xor: 0.1, gauss: 0.1, spiral: 0.05 };

const lastError = (history: { errorRate: number | null }[]) => history.at(-1)!.errorRate!;

/** The probability at the grid cell nearest (x1, x2). */
function probabilityAt(boundary: Boundary, x1: number, x2: number): number {
  const cell = 12 / boundary.size;
  const col = Math.min(boundary.size - 1, Math.floor((x1 + 6) / cell));
  const row = Math.min(boundary.size - 1, Math.floor((6 - x2) / cell));
  return boundary.probabilities[row * boundary.size + col]!;
}

export function describePlanar(makeEngine: () => Promise<Engine>): void {
  let engine: Engine | null = null;
  const get = async () => (engine ??= await makeEngine());
  const train = async (config: Partial<RunConfig>) => (await get()).train(config, { whatIf: false });

  it('learns each planar data set with the defaults: under 10 % validation error, the spiral under 5 %', async () => {
    for (const scenario of PLANAR_SCENARIOS) {
      const result = await train({ scenario });
      expect(result.stopReason, scenario).toBe('done');
      expect(lastError(result.history), scenario).toBeLessThan(LEARNT_BELOW[scenario]);
    }
  }, PLANAR_TIMEOUT_MS);

  it('fails circle and xor with a linear activation (a linear model), and learns circle from x1² and x2²', async () => {
    for (const scenario of ['circle', 'xor'] as const) {
      expect(lastError((await train({ scenario, activation: 'linear' })).history), scenario).toBeGreaterThan(0.25);
    }
    const squares = await train({ scenario: 'circle', activation: 'linear', features: ['x1sq', 'x2sq'] });
    expect(lastError(squares.history)).toBeLessThan(0.05);
  }, PLANAR_TIMEOUT_MS);

  it('trains with every activation, and with noise the error rises but the shape is still learnt', async () => {
    for (const activation of ['relu', 'tanh', 'sigmoid'] as const) {
      const result = await train({ scenario: 'gauss', activation });
      expect(lastError(result.history), activation).toBeLessThan(0.1);
    }
    const clean = lastError((await train({ scenario: 'circle' })).history);
    const noisy = lastError((await train({ scenario: 'circle', noise: 50 })).history);
    expect(noisy).toBeGreaterThan(clean);
    expect(noisy).toBeLessThan(0.4);
  }, PLANAR_TIMEOUT_MS);

  it('draws the decision boundary on a 100 × 100 grid: class 1 inside the circle, class 0 outside, reported as it trains', async () => {
    const boundaries: Boundary[] = [];
    const result = await (await get()).train({ scenario: 'circle', epochs: 30 }, { whatIf: false, onBoundary: (b) => boundaries.push(b) });
    const boundary = result.boundary!;
    expect(boundary.size).toBe(BOUNDARY_SIZE);
    // The default 8-8-8 network is drawn unit by unit: each hidden unit over the grid, and every layer's weights.
    expect(boundary.hidden!.map((h) => h.length)).toEqual([8, 8, 8].map((units) => units * BOUNDARY_SIZE ** 2));
    expect(boundary.weights!.map((w) => w.length)).toEqual([2 * 8, 8 * 8, 8 * 8, 8 * 1]);
    const wide = await train({ scenario: 'circle', epochs: 2, hidden: [16] });
    expect(wide.boundary!.hidden).toBeUndefined();
    expect(wide.boundary!.weights!.map((w) => w.length)).toEqual([2 * 16, 16]);
    expect(boundary.probabilities).toHaveLength(BOUNDARY_SIZE * BOUNDARY_SIZE);
    expect(boundary.probabilities.every((p) => p >= 0 && p <= 1)).toBe(true);
    expect(probabilityAt(boundary, 0, 0)).toBeGreaterThan(0.9);
    for (const [x1, x2] of [[-4.5, 0], [0, 4.5], [3.2, -3.2]] as const) expect(probabilityAt(boundary, x1, x2)).toBeLessThan(0.1);
    // One per readback, the last the result's; the first differs from the last (it moved).
    expect(boundaries.length).toBeGreaterThan(1);
    expect(boundaries.at(-1)!.probabilities).toEqual(boundary.probabilities);
    expect(boundaries[0]!.probabilities).not.toEqual(boundary.probabilities);
    // Line, digits: no boundary.
    expect((await train({ scenario: 'line', epochs: 5 })).boundary).toBeUndefined();
  }, PLANAR_TIMEOUT_MS);

  it('penalises the weights: a strong L2 or L1 penalty flattens the boundary and the fit gets worse', async () => {
    const spread = (b: Boundary) => Math.max(...b.probabilities) - Math.min(...b.probabilities);
    const free = await train({ scenario: 'circle', epochs: 30 });
    for (const regularization of ['l1', 'l2'] as const) {
      const held = await train({ scenario: 'circle', epochs: 30, regularization, regRate: 1 });
      expect(held.history.at(-1)!.trainLoss, regularization).toBeGreaterThan(free.history.at(-1)!.trainLoss);
      expect(spread(held.boundary!), regularization).toBeLessThan(spread(free.boundary!));
    }
    // A rate of 0 is no penalty at all.
    const zero = await train({ scenario: 'circle', epochs: 30, regularization: 'l2', regRate: 0 });
    expect(zero.history.map((h) => h.trainLoss)).toEqual(free.history.map((h) => h.trainLoss));
  }, PLANAR_TIMEOUT_MS);

  it('makes the same points for a seed, other points for another seed, and trains what-ifs and seeds here too', async () => {
    const a = await train({ scenario: 'spiral', epochs: 3, seed: 4 });
    const b = await train({ scenario: 'spiral', epochs: 3, seed: 4 });
    const c = await train({ scenario: 'spiral', epochs: 3, seed: 5 });
    expect(b.history.map((h) => h.trainLoss)).toEqual(a.history.map((h) => h.trainLoss));
    expect(c.history.map((h) => h.trainLoss)).not.toEqual(a.history.map((h) => h.trainLoss));
    const seeds = await train({ scenario: 'xor', epochs: 5, seeds: 3 });
    expect(seeds.seedHistories).toHaveLength(3);
    const judged = await (await get()).train({ scenario: 'spiral', epochs: 10 });
    expect(judged.history.at(-1)!.errorRate).toBeGreaterThan(0);
    expect(judged.diagnosis.final).toBe(true);
    expect(judged.diagnosis.evidence.length).toBeGreaterThan(0);
  }, PLANAR_TIMEOUT_MS);

  it('says when lr_find finds no descent: the spiral needs more than its 100 mini-batches; the circle does not', async () => {
    const spiral = await (await get()).lrFind({ scenario: 'spiral' });
    expect(spiral.lrs.length).toBe(spiral.losses.length);
    expect(spiral.flat).toBe(true);
    // Never a rate outside the sweep (a curve lowest at its first point once suggested 1e-8).
    expect(spiral.suggestion).toBeGreaterThanOrEqual(spiral.lrs[0]!);
    const circle = await (await get()).lrFind({ scenario: 'circle', batchSize: 4 });
    expect(circle.flat).toBeUndefined();
    expect(circle.suggestion).toBeGreaterThan(1e-4);
    expect(circle.suggestion).toBeLessThan(1);
  }, PLANAR_TIMEOUT_MS);

  it('calls a run that classifies every validation point right, confidently, healthy, and tests no advice on it', async () => {
    // The circle learnt to a validation loss near 1e-5: 3× the epochs would shrink that by far more than 25 %, which no learner could see.
    const result = await (await get()).train({ scenario: 'circle' });
    expect(result.history.at(-1)!.errorRate).toBe(0);
    expect(result.diagnosis).toMatchObject({ code: 'ok', final: true, evidence: [] });
    expect(result.diagnosis.message).toMatch(/every validation point is classified right/);
  }, PLANAR_TIMEOUT_MS);
}
