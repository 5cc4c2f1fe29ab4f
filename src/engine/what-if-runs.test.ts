import { describe, expect, it } from 'vitest';
import { randomSettings } from '../testing/random-settings';
import { rightCodes } from '../testing/diagnosis-judge';
import { formatLoss } from '../train/format';
import type { Diagnosis, EpochStats, WhatIf } from '../train/types';
import { HELPFUL_GAIN } from '../train/diagnosis/what-if';
import { createEngine } from './create-engine';

/** The final message quotes the run's final valid loss and its cited evidence's, and the code follows from the gains. */
function expectEvidenceAgrees(diagnosis: Diagnosis, history: EpochStats[], diverged: boolean): void {
  expect(diagnosis.final).toBe(true);
  const cited: WhatIf | null = diagnosis.cited === undefined ? null : diagnosis.evidence[diagnosis.cited]!;
  const best = diagnosis.evidence.reduce((a, w) => Math.max(a, w.gain), 0);
  const aboutAClass = /^More data (helps|may help): class /.test(diagnosis.message);
  if (!diverged && (cited || !aboutAClass)) expect(diagnosis.message).toContain(formatLoss(history.at(-1)!.validLoss));
  if (diagnosis.code === 'ok') {
    expect(best).toBeLessThan(HELPFUL_GAIN);
    // "The best" only for a change that ended lower at all; otherwise the message says every one ended higher.
    if (cited && !diagnosis.message.startsWith('The run did not learn')) {
      expect(diagnosis.message).toContain(cited.gain < 1 ? 'every change tried ended with a higher validation loss' : 'the best,');
    }
  } else if (!diverged && !aboutAClass) {
    // The advice helps by 25 %, within 10 % of the best gain.
    expect(cited!.gain).toBeGreaterThanOrEqual(HELPFUL_GAIN);
    expect(cited!.gain).toBeGreaterThanOrEqual(best / 1.1);
  }
  if (cited && cited.finalValidLoss < Infinity) expect(diagnosis.message).toContain(formatLoss(cited.finalValidLoss));
}

describe('the diagnosis on the CPU backend, judged by following its advice', async () => {
  const engine = await createEngine({ backend: 'cpu' });

  // Another draw: DIAGNOSIS_DRAW=7 npx vitest run --project unit src/engine/what-if-runs.test.ts -t 'random settings'
  const draw = Number(process.env.DIAGNOSIS_DRAW ?? 2026);
  it(`is right on at least 95 % of 48 random settings of every scenario (draw ${draw}), judged by what-ifs trained here`, async () => {
    const settings = randomSettings(48, draw);
    const misses: string[] = [];
    const counts = new Map<string, number>();
    for (const [i, setting] of settings.entries()) {
      const result = await engine.train(setting);
      const judged = await rightCodes(engine, setting);
      counts.set(result.diagnosis.code, (counts.get(result.diagnosis.code) ?? 0) + 1);
      expectEvidenceAgrees(result.diagnosis, result.history, result.stopReason === 'diverged');
      if (!judged.right.has(result.diagnosis.code)) {
        const tried = judged.tried.map((t) => `${JSON.stringify(t.change)} → ${formatLoss(t.loss)}`).join(', ');
        misses.push(`#${i} ${JSON.stringify(setting)}: said ${result.diagnosis.code}, right ${[...judged.right].join('/')}; valid ${formatLoss(judged.mainLoss)}; ${tried}; "${result.diagnosis.message}"`);
      }
    }
    const accuracy = 1 - misses.length / settings.length;
    console.log(`diagnosis accuracy (draw ${draw}): ${settings.length - misses.length}/${settings.length} (${(100 * accuracy).toFixed(1)} %); codes said: ${JSON.stringify(Object.fromEntries(counts))}`);
    for (const miss of misses) console.log(`  miss ${miss}`);
    expect(accuracy).toBeGreaterThanOrEqual(0.95);
  }, 900_000);

  it('calls the lesson-2 notebook run (constant max_lr 0.1, 100 epochs) ok for seeds 0–9', async () => {
    for (let seed = 0; seed < 10; seed++) {
      const result = await engine.train({ scenario: 'line', schedule: 'constant', seed });
      expect(result.diagnosis.code, `seed ${seed}: ${result.diagnosis.message}`).toBe('ok');
      expect(result.diagnosis.final).toBe(true);
    }
  });

  it('does not call a run stuck at chance healthy: Adam at max_lr 10 on the planar sets, where max_lr 1 is stuck too', async () => {
    for (const scenario of ['circle', 'xor', 'spiral'] as const) {
      const stuck = await engine.train({ scenario, optimizer: 'adam', maxLr: 10 });
      const last = stuck.history.at(-1)!;
      expect(last.errorRate, `${scenario} stuck at chance`).toBeGreaterThan(0.3);
      expect(stuck.diagnosis.code, `${scenario}: ${stuck.diagnosis.message}`).toBe('lr-too-high');
      expect(stuck.diagnosis.message).toMatch(/^Learning rate too high: with max_lr 100× smaller \(0\.1\)/);
      // Following the advice, as a learner would: the model learns the shape.
      const followed = await engine.train({ scenario, optimizer: 'adam', maxLr: 0.1 }, { whatIf: false });
      expect(followed.history.at(-1)!.errorRate, scenario).toBeLessThan(0.15);
    }
  }, 120_000);

  it('names the change and its evidence in both languages', async () => {
    const en = await engine.train({ scenario: 'line', maxLr: 1e-3 });
    const pt = await engine.train({ scenario: 'line', maxLr: 1e-3 }, { lang: 'pt-BR' });
    expect(en.diagnosis.code).toBe('lr-too-low');
    expect(en.diagnosis.message).toMatch(/^Learning rate too low: with max_lr 10× larger \(0\.01\) the validation loss ends at [\d.]+ instead of [\d.]+\.$/);
    // Decimal commas in Portuguese.
    expect(pt.diagnosis.message).toMatch(/^Taxa de aprendizado muito baixa: com max_lr 10× maior \(0,01\) a perda na validação termina em [\d,]+ em vez de [\d,]+\.$/);
  });

  it('reports the main run first, then each what-if, and resolves with the final diagnosis', async () => {
    const order: string[] = [];
    const result = await engine.train(
      { scenario: 'cancer', epochs: 4 },
      { onEpoch: () => order.push('epoch'), onTrainEnd: (r) => order.push(`end:${r.diagnosis.final}`), onWhatIf: () => order.push('what-if') },
    );
    expect(order.slice(0, 5)).toEqual(['epoch', 'epoch', 'epoch', 'epoch', 'end:false']);
    expect(order.slice(5).every((o) => o === 'what-if')).toBe(true);
    expect(order.length - 5).toBe(result.diagnosis.evidence.length);
    expect(result.diagnosis.evidence.length).toBeGreaterThanOrEqual(3);
    const off = await engine.train({ scenario: 'cancer', epochs: 4 }, { whatIf: false });
    expect(off.diagnosis.final).toBe(false);
    expect(off.diagnosis.evidence).toEqual([]);
    expect(off.diagnosis.message).toMatch(/^From the curves alone/);
  });

  it('trains several seeds at once, the first the main run, each its own data', async () => {
    for (const scenario of ['line', 'cancer'] as const) {
      const alone = await engine.train({ scenario, epochs: 6 }, { whatIf: false });
      const seeds = await engine.train({ scenario, epochs: 6, seeds: 3 }, { whatIf: false });
      expect(seeds.seedHistories).toHaveLength(3);
      expect(seeds.seedHistories[0]).toEqual(seeds.history);
      expect(seeds.history.map((h) => h.validLoss)).toEqual(alone.history.map((h) => h.validLoss));
      expect(seeds.seedHistories[1]![5]!.validLoss).not.toBe(seeds.seedHistories[2]![5]!.validLoss);
    }
  });
});

describe('what-ifs that reuse a constant-rate run', () => {
  const strip = (h: EpochStats[]) => h.map(({ elapsedMs: _, params: __, ...rest }) => rest);

  it('give the same epochs, bit for bit, as the what-ifs trained from scratch', async () => {
    const engine = await createEngine({ backend: 'cpu' });
    // digits, shuffled batches and AdamW: the best-epoch what-if is the run's own first epochs.
    const digits = { scenario: 'digits' as const, schedule: 'constant' as const, epochs: 12, maxLr: 0.03, seed: 1 };
    const fewer = (await engine.train(digits)).diagnosis.evidence.find((w) => Object.keys(w.change).join() === 'epochs' && w.change.epochs! < 12);
    expect(fewer, 'a best-epoch what-if').toBeDefined();
    const scratch = await engine.train({ ...digits, epochs: fewer!.change.epochs }, { whatIf: false });
    expect(strip(fewer!.history)).toEqual(strip(scratch.history));
    for (const seed of [0, 4]) {
      const config = { scenario: 'line' as const, schedule: 'constant' as const, seed };
      const result = await engine.train(config);
      const byEpochs = result.diagnosis.evidence.filter((w) => Object.keys(w.change).join() === 'epochs');
      expect(byEpochs.map((w) => w.change.epochs! > 100)).toEqual(expect.arrayContaining([true, false]));
      for (const w of byEpochs) {
        const scratch = await engine.train({ ...config, epochs: w.change.epochs }, { whatIf: false });
        expect(strip(w.history), `seed ${seed}, ${w.change.epochs} epochs`).toEqual(strip(scratch.history));
      }
    }
    engine.dispose();
  }, 120_000);
});
