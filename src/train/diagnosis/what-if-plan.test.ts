import { describe, expect, it } from 'vitest';
import { defaultConfig, resolveConfig } from '../config';
import type { EpochStats, RunConfig, WhatIf } from '../types';
import { whatIfResult } from './what-if';
import { MAX_ROUNDS, nextWhatIfs, planWhatIfs, whatIfConfig, type PlannedRun, type WhatIfPlan } from './what-if-plan';

/** Epochs from (train, valid) pairs; the first step's loss is the first train loss. */
function epochs(pairs: [number, number][], extra: Partial<EpochStats> = {}): EpochStats[] {
  return pairs.map(([trainLoss, validLoss], i) => ({ epoch: i + 1, trainLoss, validLoss, errorRate: null, lr: 1e-3, elapsedMs: i, stepLosses: [trainLoss], ...extra }));
}

/** A what-if whose run ended at `valid`. */
const ended = (plan: WhatIfPlan, valid: number, main: number, stuckAt?: number): WhatIf =>
  whatIfResult(plan, epochs(stuckAt !== undefined ? [[stuckAt, valid], [stuckAt, valid]] : [[9, valid], [0.1, valid]]), valid === Infinity ? 'diverged' : 'done', main);

const line = (partial: Partial<RunConfig>) => resolveConfig({ scenario: 'line', ...partial }).config;

describe('the what-if search', () => {
  // The lesson-2 line at max_lr 1e-5 for 30 epochs: train 8.67 → 8.65, valid 7.91 at the end.
  const stuck = epochs(Array.from({ length: 30 }, (_, i): [number, number] => [8.67 - i * 0.0007, 7.95 - i * 0.0014]));

  it('tries each piece of advice once in the first round, lr_find\'s suggestion among them', () => {
    const config = line({ maxLr: 0.1, epochs: 100, trainSize: 50 });
    const history = epochs([[8, 7], ...Array.from({ length: 99 }, (_, i): [number, number] => [0.1, i === 60 ? 0.05 : 0.08])]);
    const plans = planWhatIfs({ config, history, stopReason: 'done', availableTrainRows: 100, lrFindSuggestion: 0.0312 });
    expect(plans).toEqual([
      { code: 'lr-too-high', change: { maxLr: 0.01 } },
      { code: 'lr-too-low', change: { maxLr: 1 } },
      { code: 'too-few-epochs', change: { epochs: 300 } },
      { code: 'too-many-epochs', change: { epochs: 62 } },
      { code: 'more-data', change: { trainSize: 100 } },
      // Two significant digits, as the learner reads it: the lower rate, so "too high".
      { code: 'lr-too-high', change: { maxLr: 0.031 }, source: 'lr-find' },
    ]);
  });

  it('trains no second run for an lr_find suggestion a planned run already tests, nor for the run\'s own rate', () => {
    const config = line({ maxLr: 0.1 });
    const history = epochs([[8, 7], [1, 1]]);
    const same = planWhatIfs({ config, history, stopReason: 'done', availableTrainRows: 100, lrFindSuggestion: 1.0004 });
    expect(same.filter((p) => p.change.maxLr === 1)).toEqual([{ code: 'lr-too-low', change: { maxLr: 1 }, source: 'lr-find' }]);
    const own = planWhatIfs({ config, history, stopReason: 'done', availableTrainRows: 100, lrFindSuggestion: 0.1 });
    expect(own.some((p) => p.source)).toBe(false);
  });

  it('oversamples where a class fails and oversampling is off', () => {
    const config = resolveConfig({ scenario: 'cancer', imbalance: 8 }).config;
    const history = epochs([[0.7, 0.6], [0.1, 0.22]], { errorRate: 0.096, classErrorRates: [0.268, 0] });
    const plans = planWhatIfs({ config, history, stopReason: 'done', availableTrainRows: 455 });
    expect(plans).toContainEqual({ code: 'more-data', change: { oversample: true } });
    const already = planWhatIfs({ config: { ...config, oversample: true }, history, stopReason: 'done', availableTrainRows: 455 });
    expect(already.some((p) => p.change.oversample)).toBe(false);
    const fine = epochs([[0.7, 0.6], [0.1, 0.12]], { errorRate: 0.05, classErrorRates: [0.08, 0.03] });
    expect(planWhatIfs({ config, history: fine, stopReason: 'done', availableTrainRows: 455 }).some((p) => p.change.oversample)).toBe(false);
  });

  it('widens the search for a run that barely learnt, ×10 further each round in both directions and 10× the epochs, within the limits', () => {
    const config = line({ maxLr: 1e-5, epochs: 30 });
    const run: PlannedRun = { config, history: stuck, stopReason: 'done', availableTrainRows: 100 };
    const main = 7.91;
    const first = planWhatIfs(run);
    expect(first.map((p) => p.change)).toEqual([{ maxLr: 1e-6 }, { maxLr: 1e-4 }, { epochs: 90 }]);
    const whatIfs = [ended(first[0]!, 7.93, main, 8.67), ended(first[1]!, 7.74, main, 8.5), ended(first[2]!, 7.86, main, 8.6)];
    // 1e-7 is below LIMITS.maxLr: only upwards.
    const second = nextWhatIfs(run, whatIfs);
    expect(second).toEqual([{ code: 'lr-too-low', change: { maxLr: 1e-3 } }, { code: 'too-few-epochs', change: { epochs: 300 } }]);
    whatIfs.push(ended(second[0]!, 6.22, main, 8), ended(second[1]!, 7.68, main, 8.6));
    const third = nextWhatIfs(run, whatIfs);
    expect(third).toEqual([{ code: 'lr-too-low', change: { maxLr: 0.01 } }]);
    whatIfs.push(ended(third[0]!, 1.23, main));
    // ×1000 helped by far more than 25 %: the search is done.
    expect(nextWhatIfs(run, whatIfs)).toEqual([]);
    expect(MAX_ROUNDS).toBe(4);
  });

  it('does not widen a run that learnt, and moves past 100× only while nothing has helped enough', () => {
    const config = line({ maxLr: 0.1 });
    const learnt = epochs([[8, 7], [0.5, 0.4], [0.09, 0.08]]);
    const run: PlannedRun = { config, history: learnt, stopReason: 'done', availableTrainRows: 100 };
    const first = planWhatIfs(run);
    const whatIfs = first.map((p) => ended(p, p.change.maxLr === 0.01 ? 0.079 : 0.081, 0.08));
    // ÷10 helped a little: ÷100, as a learner moves a slider that helped; 3× the epochs lost: no 10×.
    expect(nextWhatIfs(run, whatIfs)).toEqual([{ code: 'lr-too-high', change: { maxLr: 0.001 } }]);
    whatIfs.push(ended({ code: 'lr-too-high', change: { maxLr: 0.001 } }, 0.078, 0.08));
    // ÷100 helped further, still short of 25 %: ÷1000.
    expect(nextWhatIfs(run, whatIfs)).toEqual([{ code: 'lr-too-high', change: { maxLr: 0.0001 } }]);
    whatIfs.push(ended({ code: 'too-many-epochs', change: { epochs: 2 } }, 0.05, 0.08));
    // Something helped by 25 %: the verdict is settled, no step past 100×.
    expect(nextWhatIfs(run, whatIfs)).toEqual([]);
  });

  it('tries 10× the epochs where 3× helped by 10 % or more, short of 25 %', () => {
    const config = line({ maxLr: 0.1, epochs: 20 });
    const run: PlannedRun = { config, history: epochs([[8, 7], [0.5, 0.4]]), stopReason: 'done', availableTrainRows: 100 };
    const more = { code: 'too-few-epochs' as const, change: { epochs: 60 } };
    expect(nextWhatIfs(run, [ended(more, 0.35, 0.4)])).toEqual([{ code: 'too-few-epochs', change: { epochs: 200 } }]);
    expect(nextWhatIfs(run, [ended(more, 0.39, 0.4)])).toEqual([]);
  });

  it('tests only smaller rates on a diverged run, lr_find\'s among them when it is smaller, and nothing after', () => {
    const config = line({ maxLr: 10 });
    const run: PlannedRun = { config, history: epochs([[8, 7]]), stopReason: 'diverged', availableTrainRows: 100, lrFindSuggestion: 0.3 };
    const plans = planWhatIfs(run);
    expect(plans).toEqual([
      { code: 'lr-too-high', change: { maxLr: 1 } },
      { code: 'lr-too-high', change: { maxLr: 0.1 } },
      { code: 'lr-too-high', change: { maxLr: 0.3 }, source: 'lr-find' },
    ]);
    expect(nextWhatIfs(run, plans.map((p) => ended(p, Infinity, Infinity)))).toEqual([]);
  });
});

describe("a pretrained photo run's comparison from scratch", () => {
  const fashion = resolveConfig({ scenario: 'fashion', epochs: 4 }).config;
  const history = epochs([[1.2, 0.9], [0.8, 0.7], [0.6, 0.6], [0.5, 0.55]], { errorRate: 0.2 });
  const run: PlannedRun = { config: fashion, history, stopReason: 'done', availableTrainRows: 5000 };

  it('is planned beside the advice, only when the body is pretrained, and never searched further', () => {
    const plans = planWhatIfs(run);
    expect(plans.at(-1)).toEqual({ code: 'ok', change: { pretrained: 'off', stage: 'unfrozen' }, source: 'from-scratch' });
    expect(planWhatIfs({ ...run, config: { ...fashion, pretrained: 'off' } }).some((p) => p.source === 'from-scratch')).toBe(false);
    expect(planWhatIfs({ ...run, config: line({}) }).some((p) => p.source === 'from-scratch')).toBe(false);
    // A run that barely learnt, where no advice helped but from scratch did: the search still
    // widens (nothing tested as advice helped), as it would without the comparison.
    const stuckRun: PlannedRun = { ...run, history: epochs([[2.31, 2.3], [2.3, 2.3], [2.3, 2.3], [2.3, 2.3]], { errorRate: 0.9 }) };
    const first = planWhatIfs(stuckRun);
    const tried = first.map((p) => ended(p, p.source === 'from-scratch' ? 0.5 : 2.31, 2.3, 2.31));
    const next = nextWhatIfs(stuckRun, tried);
    expect(next).toEqual(nextWhatIfs(stuckRun, tried.filter((w) => w.source !== 'from-scratch')));
    expect(next.map((p) => p.change.maxLr)).toContain(3e-5);
  });

  it('is no advice even where it ends lower: the verdict and its message rest on the other runs, the message names what transfer bought', async () => {
    const { judgeWhatIfs } = await import('./final-diagnosis');
    const plans = planWhatIfs(run);
    // From scratch ends far lower (it could, on a body pretrained badly): still not a recommendation.
    const trained = plans.map((p) => (p.source === 'from-scratch' ? whatIfResult(p, epochs([[0.5, 0.2], [0.1, 0.1]], { errorRate: 0.05 }), 'done', 0.55) : ended(p, 0.56, 0.55)));
    const diagnosis = judgeWhatIfs({ config: fashion, history, stopReason: 'done', whatIfs: trained });
    expect(diagnosis.code).toBe('ok');
    expect(diagnosis.cited === undefined || trained[diagnosis.cited]!.source !== 'from-scratch').toBe(true);
    expect(diagnosis.evidence).toHaveLength(trained.length);
    expect(diagnosis.message).toContain('the same run from scratch ends at validation loss 0.1 and 5\u00a0% error, against 0.55 and 20\u00a0%.');
    const pt = judgeWhatIfs({ config: fashion, history, stopReason: 'done', whatIfs: trained }, 'pt-BR');
    expect(pt.message).toContain('o mesmo treino do zero termina com perda na validação 0,1 e erro de 5\u00a0%');
  });
});

describe("a what-if's settings", () => {
  it('moves a max-lr slice as a whole and leaves one rate alone', () => {
    const sliced = { ...defaultConfig('fashion'), stage: 'unfrozen' as const, maxLr: 1e-4, bodyLr: 1e-6 };
    expect(whatIfConfig(sliced, { maxLr: 1e-3 })).toMatchObject({ maxLr: 1e-3, bodyLr: 1e-5 });
    expect(whatIfConfig(sliced, { maxLr: 1e-5 })).toMatchObject({ maxLr: 1e-5, bodyLr: 1e-7 });
    expect(whatIfConfig(sliced, { epochs: 12 })).toMatchObject({ maxLr: 1e-4, bodyLr: 1e-6, epochs: 12 });
    expect(whatIfConfig(defaultConfig('digits'), { maxLr: 0.03 }).bodyLr).toBeUndefined();
  });
});
