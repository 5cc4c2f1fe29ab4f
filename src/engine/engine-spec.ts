/**
 * What the engine must do on every backend, registered as tests for one of them: the lesson-2
 * numbers, the digits target, divergence, over-fitting, cancellation, the LR finder, imbalance
 * and custom data.
 */
import { expect, it } from 'vitest';
import { parseCsv } from '../train/data/csv';
import { gridPoint, leastSquaresLine, parameterPath, type Engine } from './index';
import { expectReadout } from './readout-spec';
import type { EpochStats } from '../train/types';

function allFinite(history: EpochStats[]): boolean {
  return history.every((h) => [h.trainLoss, h.validLoss, h.lr, ...(h.stepLosses ?? [])].every(Number.isFinite));
}

export function describeEngine(makeEngine: () => Promise<Engine>): void {
  let engine: Engine | null = null;
  const get = async () => (engine ??= await makeEngine());

  it('reproduces the lesson-2 notebook: a ≈ 3, b ≈ 2.5 after 100 plain SGD steps at lr 0.1', async () => {
    const result = await (await get()).train({ scenario: 'line', schedule: 'constant', maxLr: 0.1, epochs: 100, optimizer: 'sgd' }, { whatIf: false });
    expect(result.stopReason).toBe('done');
    expect(result.history.map((h) => h.epoch)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    const [a, b] = result.params!;
    expect(a).toBeGreaterThan(2.8);
    expect(a).toBeLessThan(3.3);
    expect(b).toBeGreaterThan(2.35);
    expect(b).toBeLessThan(2.65);
    // The noise is U(0, 1): the best reachable MSE is its variance, 1/12.
    expect(result.history.at(-1)!.trainLoss).toBeLessThan(0.1);
    expect(allFinite(result.history)).toBe(true);
  });

  it('trains the digits MLP with the defaults to under 5 % validation error in 20 epochs', async () => {
    const result = await (await get()).train({ scenario: 'digits' }, { whatIf: false });
    expect(result.history).toHaveLength(20);
    expect(result.history.at(-1)!.errorRate!).toBeLessThan(0.05);
    expect(result.history.at(-1)!.classErrorRates).toHaveLength(10);
  });

  it('ends a run whose loss becomes infinite as diverged, with no non-finite number in its history', async () => {
    const result = await (await get()).train({ scenario: 'line', maxLr: 10 });
    expect(result.stopReason).toBe('diverged');
    expect(result.history.length).toBeLessThan(100);
    expect(allFinite(result.history)).toBe(true);
    expect(result.diagnosis.code).toBe('lr-too-high');
    expect(result.params).toBeUndefined();
  });

  it('shows over-fitting on a small training set: valid loss falls, then rises while train loss keeps falling', async () => {
    const result = await (await get()).train({ scenario: 'cancer', trainSize: 40, batchSize: 8, epochs: 60 }, { whatIf: false });
    const valid = result.history.map((h) => h.validLoss);
    const best = valid.indexOf(Math.min(...valid));
    expect(best).toBeGreaterThan(2);
    expect(best).toBeLessThan(valid.length - 5);
    expect(valid.at(-1)!).toBeGreaterThan(1.1 * valid[best]!);
    expect(result.history.at(-1)!.trainLoss).toBeLessThan(result.history[best]!.trainLoss);
    expect(result.diagnosis.bestEpoch).toBe(best + 1);
    expect(['more-data', 'too-many-epochs']).toContain(result.diagnosis.code);
  });

  it('reports every epoch once, in order, as it finishes', async () => {
    const seen: number[] = [];
    const result = await (await get()).train({ scenario: 'cancer', epochs: 7 }, { whatIf: false, onEpoch: (s) => seen.push(s.epoch) });
    expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(result.history.map((h) => h.epoch)).toEqual(seen);
    expect(result.history.every((h, i) => i === 0 || h.elapsedMs >= result.history[i - 1]!.elapsedMs)).toBe(true);
  });

  it('stops promptly when its signal aborts, and the next run is unaffected', async () => {
    const e = await get();
    const controller = new AbortController();
    const reported: number[] = [];
    const stopped = await e.train({ scenario: 'cancer', epochs: 200, batchSize: 8 }, {
      signal: controller.signal,
      onEpoch: (s) => {
        reported.push(s.epoch);
        if (s.epoch === 2) controller.abort();
      },
    });
    expect(stopped.stopReason).toBe('stopped');
    expect(stopped.history.length).toBeLessThan(20);
    // The chunks recorded after the one that reported epoch 2 are never reported, nor in the result.
    expect(stopped.history.map((h) => h.epoch)).toEqual(reported);
    expect(stopped.confusion).toBeUndefined();
    // A stopped run tests no advice: its diagnosis stays provisional.
    expect(stopped.diagnosis.final).toBe(false);
    expect(stopped.diagnosis.evidence).toEqual([]);
    const next = await e.train({ scenario: 'line', epochs: 5 });
    expect(next.stopReason).toBe('done');
    expect(next.history).toHaveLength(5);
  });

  it('finds a learning rate the way fastai does, in a sane range', async () => {
    const found = await (await get()).lrFind({ scenario: 'line' });
    expect(found.lrs.length).toBeGreaterThan(20);
    expect(found.lrs.length).toBeLessThanOrEqual(100);
    expect(found.lrs[0]).toBeCloseTo(1e-7, 12);
    expect(found.lrs.every((lr, i) => i === 0 || lr > found.lrs[i - 1]!)).toBe(true);
    expect(found.losses.every(Number.isFinite)).toBe(true);
    expect(found.suggestion).toBeGreaterThan(1e-3);
    expect(found.suggestion).toBeLessThan(3);
    expect(found.flat).toBeUndefined();
  });

  it('makes the minority class harder to recognise when imbalanced, and oversampling helps', async () => {
    const e = await get();
    const malignantError = async (imbalance: number, oversample: boolean) =>
      (await e.train({ scenario: 'cancer', imbalance, oversample }, { whatIf: false })).history.at(-1)!.classErrorRates![0]!;
    const balanced = await malignantError(1, false);
    const imbalanced = await malignantError(10, false);
    const oversampled = await malignantError(10, true);
    expect(imbalanced).toBeGreaterThan(balanced);
    expect(oversampled).toBeLessThan(imbalanced);
  });

  it('trains on custom CSV data: integer labels classify, fractional ones regress', async () => {
    const e = await get();
    const rows = Array.from({ length: 80 }, (_, i) => {
      const x = (i % 20) / 10 - 1;
      const y = ((i * 7) % 13) / 6.5 - 1;
      return [x, y];
    });
    const classes = parseCsv(['x,y,label', ...rows.map(([x, y]) => `${x},${y},${x! + y! > 0 ? 1 : 0}`)].join('\n'));
    const classified = await e.train({ scenario: 'custom', data: classes, epochs: 30, maxLr: 0.03, batchSize: 16 }, { whatIf: false });
    expect(classified.history.at(-1)!.errorRate!).toBeLessThan(0.2);
    const values = parseCsv(['x,y,target', ...rows.map(([x, y]) => `${x},${y},${(2 * x! - y! + 0.5).toFixed(3)}`)].join('\n'));
    const regressed = await e.train({ scenario: 'custom', data: values, epochs: 30, maxLr: 0.03, batchSize: 16, hidden: [] }, { whatIf: false });
    expect(regressed.history.at(-1)!.errorRate).toBeNull();
    expect(regressed.history.at(-1)!.validLoss).toBeLessThan(0.05);
  });

  it('refuses the custom scenario without data, with a message that says what to give', async () => {
    await expect((await get()).train({ scenario: 'custom' })).rejects.toThrow(/needs a data set/);
  });

  it('gives the same data and results for the same seed, and other data for another seed', async () => {
    const e = await get();
    const a = await e.train({ scenario: 'line', epochs: 5, seed: 7 });
    const b = await e.train({ scenario: 'line', epochs: 5, seed: 7 });
    const c = await e.train({ scenario: 'line', epochs: 5, seed: 8 });
    expect(b.history.map((h) => h.validLoss)).toEqual(a.history.map((h) => h.validLoss));
    expect(c.history[0]!.trainLoss).not.toBe(a.history[0]!.trainLoss);
  });

  it('previews each scenario and reports what the views draw while and after training', async () => {
    const e = await get();
    const line = await e.preview({ scenario: 'line' });
    expect(line.kind).toBe('line');
    if (line.kind === 'line') {
      expect(line.x).toHaveLength(100);
      expect(line.x.every((x) => x >= -1 && x < 1)).toBe(true);
      // y = 3x + 2 + U(0, 1)
      line.x.forEach((x, i) => expect(line.y[i]! - 3 * x - 2).toBeGreaterThanOrEqual(-1e-5));
    }
    const run = await e.train({ scenario: 'line', epochs: 120 }, { whatIf: false });
    // (a, b) at every epoch, not only at readbacks: the path starts at the notebook's (−1, 1) and ends at the run's params.
    expect(run.history.every((h) => h.params?.length === 2)).toBe(true);
    const path = parameterPath(run.history);
    expect(path).toHaveLength(121);
    expect(path[0]).toEqual([-1, 1]);
    expect(path.at(-1)).toEqual(run.params);
    const digits = await e.preview({ scenario: 'digits' });
    expect(digits.kind === 'digits' && digits.images[0]!.length).toBe(64);
    const trained = await e.train({ scenario: 'cancer', epochs: 3 }, { whatIf: false });
    expectReadout(trained, 114);
    expect(await e.preview({ scenario: 'cancer' })).toEqual({ kind: 'table', classNames: ['malignant', 'benign'], task: 'classification' });
  });

  it('returns validation rows by index with their actual labels, matching the preview and the top losses', async () => {
    const e = await get();
    const config = { scenario: 'digits', epochs: 1 } as const;
    const preview = await e.preview(config);
    if (preview.kind !== 'digits') throw new Error('digits previews photos');
    const rows = await e.validationRows(config, [3, 0]);
    expect(rows.features).toEqual([preview.images[3], preview.images[0]]);
    expect(rows.labels).toEqual([preview.labels[3], preview.labels[0]]);
    const result = await e.train(config, { whatIf: false });
    const top = result.topLosses!.slice(0, 4);
    const picked = await e.validationRows(config, top.map((t) => t.index));
    expect(picked.labels).toEqual(top.map((t) => t.actual));
    expect(picked.features.every((f) => f.length === 64)).toBe(true);
    await expect(e.validationRows(config, [result.predictions!.length])).rejects.toThrow(RangeError);
  });

  it('tests its advice with what-if runs after the run, and rests the final diagnosis on them', async () => {
    const result = await (await get()).train({ scenario: 'line', maxLr: 1e-3 });
    expect(result.diagnosis.code).toBe('lr-too-low');
    expect(result.diagnosis.final).toBe(true);
    const larger = result.diagnosis.evidence.find((w) => w.change.maxLr === 0.01)!;
    expect(larger.history).toHaveLength(100);
    expect(larger.finalValidLoss).toBe(larger.history.at(-1)!.validLoss);
    expect(larger.gain).toBeCloseTo(result.history.at(-1)!.validLoss / larger.finalValidLoss, 10);
  });

  it('evaluates the training set with the final weights: line\'s MSE at its (a, b), and a settled MLP\'s last epoch', async () => {
    const e = await get();
    const preview = await e.preview({ scenario: 'line', seed: 1 });
    if (preview.kind !== 'line') throw new Error('line previews its points');
    // The fused epochs (plain full-batch SGD) and the general trainer (Adam), and several seeds at once.
    for (const config of [{ schedule: 'constant' as const }, { optimizer: 'adam' as const, epochs: 30 }, { seeds: 3 }]) {
      const run = await e.train({ scenario: 'line', seed: 1, ...config }, { whatIf: false });
      const [a, b] = run.params!;
      const mse = preview.x.reduce((sum, x, i) => sum + (a! * x + b! - preview.y[i]!) ** 2, 0) / preview.x.length;
      expect(run.finalTrainEvalLoss! / mse, JSON.stringify(config)).toBeCloseTo(1, 4);
    }
    // One-cycle ends at a rate near 0: the last epoch's mini-batch mean is nearly the whole set's loss.
    const cancer = await e.train({ scenario: 'cancer', seed: 1 }, { whatIf: false });
    const evaluated = cancer.finalTrainEvalLoss!;
    expect(Math.abs(evaluated / cancer.history.at(-1)!.trainLoss - 1)).toBeLessThan(0.1);
    expect(cancer.finalTrainEvalLossValidMix).toBeGreaterThan(0);
    // The run itself is the first of its seeds: the same evaluation.
    const seeds = await e.train({ scenario: 'cancer', seed: 1, seeds: 2 }, { whatIf: false });
    expect(seeds.finalTrainEvalLoss! / evaluated).toBeCloseTo(1, 4);
    const stopped = await e.train({ scenario: 'cancer', seed: 1, epochs: 10 }, { whatIf: false, stopAfter: 3 });
    expect(stopped.finalTrainEvalLoss).toBeUndefined();
  });

  it('records line\'s (a, b) at every epoch with Adam and with mini-batches too', async () => {
    for (const config of [{ optimizer: 'adam' as const, epochs: 30 }, { batchSize: 16, epochs: 12 }]) {
      const run = await (await get()).train({ scenario: 'line', ...config }, { whatIf: false });
      expect(run.history.every((h) => h.params?.length === 2), JSON.stringify(config)).toBe(true);
      expect(run.history.at(-1)!.params).toEqual(run.params);
      // Each epoch moves the line: the path is no repeated readback.
      expect(new Set(run.history.map((h) => h.params!.join())).size).toBe(run.history.length);
    }
  });

  it('computes line\'s loss surface over an (a, b) grid: the training MSE at every point, lowest at least squares', async () => {
    const e = await get();
    const preview = await e.preview({ scenario: 'line', seed: 5 });
    if (preview.kind !== 'line') throw new Error('line previews its points');
    const grid = { aMin: 0, aMax: 6, bMin: 0, bMax: 4, cols: 61, rows: 41 };
    const surface = await e.lossSurface({ scenario: 'line', seed: 5 }, grid);
    expect(surface).toHaveLength(61 * 41);
    for (const [c, r] of [[0, 0], [60, 40], [17, 3], [30, 20]] as const) {
      const [a, b] = gridPoint(grid, c, r);
      const mse = preview.x.reduce((sum, x, i) => sum + (a * x + b - preview.y[i]!) ** 2, 0) / preview.x.length;
      expect(surface[r * 61 + c]! / mse).toBeCloseTo(1, 5);
    }
    const lowest = surface.indexOf(Math.min(...surface));
    const [a, b] = leastSquaresLine(preview.x, preview.y);
    const [ga, gb] = gridPoint(grid, lowest % 61, Math.floor(lowest / 61));
    expect(Math.abs(ga - a)).toBeLessThanOrEqual(0.1);
    expect(Math.abs(gb - b)).toBeLessThanOrEqual(0.1);
    await expect(e.lossSurface({ scenario: 'digits' }, grid)).rejects.toThrow(/two parameters/);
    await expect(e.lossSurface({ scenario: 'line' }, { ...grid, cols: 0 })).rejects.toThrow(/grid/);
  });
}
