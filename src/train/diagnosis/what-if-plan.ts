/**
 * Which what-if runs test a run's advice, round by round, as a learner moves the sliders.
 * The first round tries each piece of advice once, with that change alone: max_lr 10×
 * smaller and larger, 3× the epochs, only as many epochs as the best one, every training
 * row (where train-size cut them), oversampling (where a class fails), and lr_find's
 * suggestion when the learner ran it. Each later round moves on from what the last one
 * showed: max_lr a further 10× where the last step helped (or neither run learnt anything),
 * 10× the epochs where 3× helped by 10 % or more; and while nothing tried helps by 25 % and
 * the run barely learnt, both directions and the epochs are widened regardless, so that
 * "nothing helped" is never read from a search that stopped short (a line at max_lr 1e-5
 * needs ×1000).
 * MAX_ROUNDS bounds the search: at most three rounds after the first, three runs each.
 *
 * @example
 * // given: const run: PlannedRun, train: (plan: WhatIfPlan) => WhatIf
 * const whatIfs: WhatIf[] = [];
 * let plans = planWhatIfs(run);
 * for (let round = 1; plans.length > 0 && round <= MAX_ROUNDS; round++) {
 *   whatIfs.push(...plans.map(train));
 *   plans = nextWhatIfs(run, whatIfs);
 * }
 */
import { LIMITS } from '../config';
import { barelyMoved, bestEpoch, failingClass, solved } from './diagnosis';
import type { DiagnosisCode, EpochStats, RunConfig, StopReason, WhatIf, WhatIfSource } from '../types';
import { scenarioOf } from '../scenarios/table';
import { adviceOnly, finalValidLoss, HELPFUL_GAIN } from './what-if-gain';

/**
 * A what-if's settings: the run's with the change, a max-lr slice moved as a whole, as a
 * learner would write it (×10 on `slice(1e-6,1e-4)` is `slice(1e-5,1e-3)`).
 *
 * @example
 * import { defaultConfig } from '../config';
 * whatIfConfig({ ...defaultConfig('fashion'), maxLr: 1e-4, bodyLr: 1e-6 }, { maxLr: 1e-3 }).bodyLr; // 1e-5
 */
export function whatIfConfig(config: RunConfig, change: Partial<RunConfig>): RunConfig {
  const run = { ...config, ...change };
  if (change.maxLr !== undefined && config.bodyLr !== undefined && change.bodyLr === undefined) run.bodyLr = Number(((config.bodyLr * change.maxLr) / config.maxLr).toPrecision(12));
  return run;
}

export interface WhatIfPlan {
  code: DiagnosisCode;
  change: Partial<RunConfig>;
  source?: WhatIfSource;
}

/** The run the what-ifs test. */
export interface PlannedRun {
  config: RunConfig;
  history: EpochStats[];
  stopReason: StopReason;
  /** Rows the split leaves for training: what "all the training rows" means. */
  availableTrainRows: number;
  /** lr_find's suggested max_lr (TrainOptions.lrFindSuggestion). */
  lrFindSuggestion?: number;
}

/** "Too few epochs" is tested with this many times the epochs, then (where that helped somewhat) MANY_MORE_EPOCHS. */
export const MORE_EPOCHS = 3;
export const MANY_MORE_EPOCHS = 10;
/** The first round and at most three more: ×10 to ×10,000 on max_lr, at most 3 runs a round. */
export const MAX_ROUNDS = 4;
/**
 * 3× the epochs that gained this much, short of HELPFUL_GAIN, earn a run of 10×: the costliest
 * what-if (ten times the run), so not for the 1–2 % a settled run still gains from more epochs.
 */
const PARTIAL_GAIN = 1.1;
/** Fewer epochs are worth a run when the best epoch came at least this many epochs before the end. */
const FEWER_EPOCHS_MARGIN = 2;

const round = (x: number) => Number(x.toPrecision(6));
const lrInRange = (lr: number) => lr >= LIMITS.maxLr[0] && lr <= LIMITS.maxLr[1];
/** Two rates the same to display precision: lr_find's 0.0100 is the ×10 run already planned. */
const sameLr = (a: number, b: number) => Math.abs(a / b - 1) < 1e-3;

/** The what-if runs of the first round, in the order they are trained. */
export function planWhatIfs(run: PlannedRun): WhatIfPlan[] {
  const { config, history, stopReason } = run;
  const plans: WhatIfPlan[] = [];
  // Nothing a learner could see get better: no advice to test.
  if (stopReason !== 'diverged' && solved(history)) return plans;
  const lr = (factor: number, code: DiagnosisCode) => {
    const maxLr = round(config.maxLr * factor);
    if (lrInRange(maxLr)) plans.push({ code, change: { maxLr } });
  };
  lr(1 / 10, 'lr-too-high');
  if (stopReason === 'diverged') {
    // Whatever else would help, a run that blew up needs a smaller rate: find one that holds.
    lr(1 / 100, 'lr-too-high');
  } else {
    lr(10, 'lr-too-low');
    if (config.epochs < LIMITS.epochs[1]) plans.push({ code: 'too-few-epochs', change: { epochs: Math.min(LIMITS.epochs[1], MORE_EPOCHS * config.epochs) } });
    const best = bestEpoch(history);
    if (best >= 1 && config.epochs - best >= FEWER_EPOCHS_MARGIN) plans.push({ code: 'too-many-epochs', change: { epochs: best } });
    if (Math.min(config.trainSize, run.availableTrainRows) < run.availableTrainRows) plans.push({ code: 'more-data', change: { trainSize: run.availableTrainRows } });
    // The notes: if imbalanced data does not work, oversample: copy the data you have.
    if (failingClass(history) && !config.oversample) plans.push({ code: 'more-data', change: { oversample: true } });
  }
  addLrFind(plans, run);
  // What transfer learning buys, beside the advice: the same run from scratch (every layer trains).
  if (config.pretrained === 'on' && scenarioOf(config).model === 'cnn') plans.push({ code: 'ok', change: { pretrained: 'off', stage: 'unfrozen' }, source: 'from-scratch' });
  return plans;
}

/** lr_find's suggestion as one more what-if; where it is a run already planned, that run is lr_find's too. */
function addLrFind(plans: WhatIfPlan[], { config, stopReason, lrFindSuggestion }: PlannedRun): void {
  if (lrFindSuggestion === undefined || !(lrFindSuggestion > 0)) return;
  // As the learner reads it beside the button: two significant digits.
  const maxLr = Math.min(LIMITS.maxLr[1], Math.max(LIMITS.maxLr[0], Number(lrFindSuggestion.toPrecision(2))));
  if (sameLr(maxLr, config.maxLr) || (stopReason === 'diverged' && maxLr > config.maxLr)) return;
  const planned = plans.find((p) => p.change.maxLr !== undefined && sameLr(p.change.maxLr, maxLr));
  if (planned) planned.source = 'lr-find';
  else plans.push({ code: maxLr < config.maxLr ? 'lr-too-high' : 'lr-too-low', change: { maxLr }, source: 'lr-find' });
}

/** The steps tried in one direction, max_lr × factor, × factor², … as far as they go without a gap. */
export function lrLadder(config: RunConfig, whatIfs: WhatIf[], factor: number): WhatIf[] {
  const ladder: WhatIf[] = [];
  for (let k = 1; ; k++) {
    const maxLr = round(config.maxLr * factor ** k);
    const step = whatIfs.find((w) => Object.keys(w.change).length === 1 && w.change.maxLr === maxLr);
    if (!step) return ladder;
    ladder.push(step);
  }
}

/** The next round's what-ifs from those trained so far; none when the search is done. */
export function nextWhatIfs(run: PlannedRun, tested: WhatIf[]): WhatIfPlan[] {
  const whatIfs = adviceOnly(tested);
  const { config, history, stopReason } = run;
  // A diverged run tried 10× and 100× smaller in the first round: that is its search.
  if (stopReason === 'diverged' || whatIfs.length === 0) return [];
  const plans: WhatIfPlan[] = [];
  const mainFinal = finalValidLoss(history, stopReason);
  const helped = whatIfs.some((w) => w.gain >= HELPFUL_GAIN);
  // Nothing helped enough on a run that barely learnt: look further before any verdict.
  const widen = !helped && barelyMoved(history);
  for (const factor of [1 / 10, 10]) {
    const ladder = lrLadder(config, whatIfs, factor);
    const last = ladder.at(-1);
    if (!last) continue;
    const further = round(config.maxLr * factor ** (ladder.length + 1));
    if (!lrInRange(further) || whatIfs.some((w) => w.change.maxLr === further)) continue;
    const before = ladder.length > 1 ? ladder.at(-2)!.finalValidLoss : mainFinal;
    // A learner keeps moving a slider that helped, or where neither run learnt anything; past
    // 100× only while nothing has helped enough yet (the verdict is settled otherwise).
    const keepsMoving = (last.finalValidLoss < before || (barelyMoved(history) && barelyMoved(last.history))) && (ladder.length === 1 || !helped);
    if (keepsMoving || (widen && last.finalValidLoss < Infinity)) plans.push({ code: last.code, change: { maxLr: further } });
  }
  const more = whatIfs.find((w) => w.code === 'too-few-epochs' && w.change.epochs === Math.min(LIMITS.epochs[1], MORE_EPOCHS * config.epochs));
  const many = Math.min(LIMITS.epochs[1], MANY_MORE_EPOCHS * config.epochs);
  if (more && many > more.change.epochs! && !whatIfs.some((w) => w.change.epochs === many) && !helped && (more.gain >= PARTIAL_GAIN || widen)) {
    plans.push({ code: 'too-few-epochs', change: { epochs: many } });
  }
  return plans;
}
