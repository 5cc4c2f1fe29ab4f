/**
 * The batched MLP trainer against the same models trained alone, for one backend: bit for bit
 * on the CPU (tolerance 0), to float32 rounding on WebGPU. Shared by the unit and GPU suites.
 */
import { expect, it } from 'vitest';
import type { Backend } from '../../backend';
import { resolveConfig } from '../config';
import { loadBuiltin } from '../data/builtin-sets';
import { parseCsv } from '../data/csv';
import { loadTable } from '../data/load-table';
import { stackPrepared } from '../data/prepare';
import { generateLineData, generateLineTables, releaseData, uploadData } from '../data/device-data';
import { trainLinearBatch } from './linear-batch';
import { scenarioOf } from '../scenarios/table';
import { trainModel, trainModels, type TrainOutcome } from './trainer';
import type { Dataset, EpochStats, RunConfig } from '../types';

/** Runs that share a batch; the one at `diverges` must blow up while the others go on. */
const CASES: { name: string; base: Partial<RunConfig>; changes: Partial<RunConfig>[]; diverges?: number }[] = [
  {
    name: 'digits, shuffled batches of 64, AdamW: other rates, fewer epochs, another schedule',
    base: { scenario: 'digits', epochs: 3, maxLr: 3e-3, seed: 2 },
    changes: [{}, { maxLr: 3e-2 }, { maxLr: 3e-4, epochs: 1 }, { maxLr: 10 }, { schedule: 'constant', epochs: 2 }],
  },
  {
    name: 'cancer, the whole set every step (no shuffle), SGD',
    base: { scenario: 'cancer', epochs: 4, batchSize: 1000, optimizer: 'sgd', maxLr: 0.1, seed: 5 },
    changes: [{}, { maxLr: 1 }, { epochs: 2 }],
  },
  {
    name: 'line in mini-batches of 10 (not the fused kernel): other rates and lengths, each with its own (a, b)',
    base: { scenario: 'line', epochs: 3, batchSize: 10, seed: 6 },
    changes: [{}, { maxLr: 0.01 }, { epochs: 2, maxLr: 0.3 }],
  },
  {
    name: 'a regression CSV (MSE), batches of 8, SGD, one run diverging',
    base: { scenario: 'custom', data: regression(), epochs: 3, batchSize: 8, optimizer: 'sgd', maxLr: 0.01, hidden: [8], seed: 3 },
    changes: [{}, { maxLr: 10, schedule: 'constant' }, { epochs: 2 }],
    diverges: 1,
  },
];

/** y = 3·x1 − 2·x2 + noise on `rows` rows (60 unless asked): MSE's gradients grow with the error, so a large rate blows up. */
export function regression(rows = 60): Dataset {
  const lines = Array.from({ length: rows }, (_, i) => {
    const [x1, x2] = [Math.sin(i) * 4, Math.cos(i * 1.7) * 3];
    return `${x1.toFixed(3)},${x2.toFixed(3)},${(3 * x1 - 2 * x2 + Math.sin(i * 7.1) * 0.3).toFixed(3)}`;
  });
  return parseCsv(`x1,x2,y\n${lines.join('\n')}\n`);
}

function close(a: number, b: number, tolerance: number): boolean {
  return a === b || Math.abs(a - b) <= tolerance * Math.max(Math.abs(a), Math.abs(b));
}

function expectSameRun(batched: TrainOutcome, alone: TrainOutcome, tolerance: number, label: string): void {
  expect(batched.stopReason, label).toBe(alone.stopReason);
  expect(batched.history.length, label).toBe(alone.history.length);
  const strip = ({ elapsedMs: _, ...rest }: EpochStats) => rest;
  if (tolerance === 0) {
    expect(batched.history.map(strip), label).toEqual(alone.history.map(strip));
    return;
  }
  batched.history.forEach((h, e) => {
    const a = alone.history[e]!;
    h.params?.forEach((p, j) => expect(close(p, a.params![j]!, tolerance), `${label} epoch ${e + 1} params`).toBe(true));
    expect(close(h.trainLoss, a.trainLoss, tolerance), `${label} epoch ${e + 1} train ${h.trainLoss} vs ${a.trainLoss}`).toBe(true);
    expect(close(h.validLoss, a.validLoss, tolerance), `${label} epoch ${e + 1} valid ${h.validLoss} vs ${a.validLoss}`).toBe(true);
  });
}

export function describeBatchEquality(backend: () => Backend, tolerance: number): void {
  it('trains line models in one fused dispatch as each alone: other rates, lengths, rows, seeds, one diverging', async () => {
    const configs = [{}, { maxLr: 0.01, epochs: 37 }, { maxLr: 1, schedule: 'constant' as const, epochs: 120, seed: 3 }, { trainSize: 17, epochs: 9 }, { maxLr: 10 }].map(
      (c) => resolveConfig({ scenario: 'line', ...c }).config,
    );
    const { datasets, owned } = generateLineTables(backend(), configs.map((c) => ({ seed: c.seed, trainRows: c.trainSize })));
    const batched = await trainLinearBatch(backend(), configs.map((config, i) => ({ config, data: datasets[i]! })));
    for (const t of owned) backend().release(t);
    for (const [m, config] of configs.entries()) {
      const data = generateLineData(backend(), config);
      const alone = await trainModel(backend(), data, config);
      releaseData(backend(), data);
      expectSameRun(batched[m]!, alone, tolerance, `line model ${m}`);
      batched[m]!.params?.forEach((p, j) => expect(close(p, alone.params![j]!, tolerance), `line model ${m} params`).toBe(true));
    }
    expect(batched[4]!.stopReason).toBe('diverged');
  });

  it.each([
    { scenario: 'digits' as const, epochs: 2, seed: 4 },
    { scenario: 'cancer' as const, epochs: 3, batchSize: 1000, seed: 9 },
  ])('trains several seeds, each on its own split stacked in one batch, as each alone: $scenario', async (base) => {
    const configs = [0, 1, 2].map((i) => resolveConfig({ ...base, seed: base.seed + i }).config);
    const prepared = await Promise.all(configs.map((c) => loadTable(c, loadBuiltin)));
    const stacked = await uploadData(backend(), stackPrepared(prepared)!);
    try {
      const batched = await trainModels(backend(), stacked, configs);
      for (const [m, config] of configs.entries()) {
        const own = await uploadData(backend(), prepared[m]!);
        const alone = await trainModel(backend(), own, config);
        releaseData(backend(), own);
        expectSameRun(batched[m]!, alone, tolerance, `seed ${config.seed}`);
        if (m === 0) expect(batched[0]!.readout).toEqual(alone.readout);
      }
    } finally {
      releaseData(backend(), stacked);
    }
  }, 300_000);

  for (const c of CASES) {
    it(`trains K models in one batch as each alone: ${c.name}`, async () => {
      const configs = c.changes.map((change) => resolveConfig({ ...c.base, ...change }).config);
      // As the engine loads a run's data (engine/run-data.ts): line's drawn on the device, a table prepared on the host.
      const drawn = scenarioOf(configs[0]!).data.source === 'line';
      const data = drawn ? generateLineData(backend(), configs[0]!) : await uploadData(backend(), await loadTable(configs[0]!, loadBuiltin));
      try {
        const batched = await trainModels(backend(), data, configs);
        for (const [m, config] of configs.entries()) {
          const alone = await trainModel(backend(), data, config);
          expectSameRun(batched[m]!, alone, tolerance, `model ${m} ${JSON.stringify(c.changes[m])}`);
          if (m === 0) expect(batched[0]!.readout).toEqual(alone.readout);
        }
        if (c.diverges !== undefined) expect(batched[c.diverges]!.stopReason).toBe('diverged');
      } finally {
        releaseData(backend(), data);
      }
    }, 300_000);
  }
}
