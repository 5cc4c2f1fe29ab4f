/**
 * The live, provisional diagnosis: what the curves show so far, by the lesson-2 notes' own
 * signs, worded as provisional. It is never the last word: once the run ends, the what-if
 * runs (what-if.ts) test each piece of advice and the final diagnosis rests on them.
 * - the loss became infinite, grew and stayed up, jumped and fell back only to where it started,
 *   or the valid loss is very large: LR too high;
 * - the valid loss fell, then clearly rose while the train loss kept falling: too many epochs
 *   (more data, when it sets in early on a cut training set);
 * - at the end of a run: train loss above valid loss, barely moved, or valid loss still falling
 *   fast: under-fitting (too few epochs, or too low an LR: only a what-if tells which).
 * Every message states the sign that fired, with the numbers it rests on.
 *
 * @example
 * // given: const history: EpochStats[], config: RunConfig
 * diagnose(history, { config, stopReason: 'running' }, 'pt-BR').message; // "Até agora: …"
 */
import { PROVISIONAL_MESSAGES, type ProvisionalReason } from './diagnosis-messages';
import { formatLoss, formatLr } from '../format';
import type { Diagnosis, DiagnosisCode, EpochStats, Language, RunConfig, StopReason } from '../types';

export interface DiagnosisContext {
  config: RunConfig;
  stopReason: StopReason | 'running';
  /** The training set is small: cut by train-size to half or less, or under 10 rows a feature. */
  smallTrainingSet?: boolean;
}

/** The thresholds, each a ratio of losses: signs a learner can see on the chart. */
export const THRESHOLDS = {
  /** A later train loss this many times the lowest (or the first step's) means the loss grew. */
  explodedRatio: 1.5,
  /** A rise past the start, or a loss past guessing's, by more than noise: this many times it. */
  aboveStart: 1.05,
  /** "Valid loss very large" (the notes): this many times the loss training started from. */
  validVeryLarge: 3,
  /** Final train loss above this fraction of the starting loss: barely moved. */
  barelyMoved: 0.8,
  /** Under-fitting: final train loss above valid loss by this factor... */
  underfitMargin: 1.05,
  /** ...or valid loss still falling by this fraction over the last third of the run. */
  stillImproving: 0.2,
  /** Over-fitting: final valid loss this far above its minimum... */
  overfitRise: 0.1,
  /** ...at least this many epochs after it. */
  overfitEpochsAfter: 2,
  /** More data: over-fitting starts in this first fraction of the run, on a small training set. */
  moreDataEarly: 0.5,
} as const;

/** Under this mean cross-entropy the right class gets about 99 % on average. */
export const SOLVED_LOSS = 0.01;

/**
 * A classifier that gets every validation point right, each with confidence: what a learner
 * watches (the error, the picture) cannot get better, so no change is advice, however much
 * it could still shrink a loss already near 0 (a ratio of two such losses says nothing).
 */
export function solved(history: EpochStats[]): boolean {
  const last = history.at(-1);
  return last !== undefined && last.errorRate === 0 && last.validLoss < SOLVED_LOSS;
}

export function bestEpoch(history: EpochStats[]): number {
  let best = 0;
  history.forEach((h, i) => {
    if (best === 0 || h.validLoss < history[best - 1]!.validLoss) best = i + 1;
  });
  return best;
}

/**
 * The curves over-fit: the validation loss ended more than THRESHOLDS.overfitRise above its
 * lowest, at least THRESHOLDS.overfitEpochsAfter epochs after it, while the training loss
 * kept falling.
 */
export function overfits(history: EpochStats[]): boolean {
  const best = bestEpoch(history);
  const last = history.at(-1);
  if (!last || best === 0) return false;
  const bestStats = history[best - 1]!;
  return history.length - best >= THRESHOLDS.overfitEpochsAfter && last.validLoss > bestStats.validLoss * (1 + THRESHOLDS.overfitRise) && last.trainLoss < bestStats.trainLoss;
}

/** The sign that fired, and the two numbers a message quotes for it. */
interface Sign {
  code: DiagnosisCode;
  reason: ProvisionalReason;
  from: number;
  to: number;
}

/** The loss before training: the first step's (the whole epoch's mean on runs recorded without steps). */
export function startLoss(history: EpochStats[]): number {
  return history[0]!.stepLosses?.[0] ?? history[0]!.trainLoss;
}

/**
 * The training loss ended above THRESHOLDS.barelyMoved of where it started: the run learnt
 * next to nothing (stuck at chance, or crawling).
 */
export function barelyMoved(history: EpochStats[]): boolean {
  return history.length > 0 && history.at(-1)!.trainLoss > THRESHOLDS.barelyMoved * startLoss(history);
}

/** A class the model fails: its validation error and the overall error rate it is more than twice. */
export interface FailingClass {
  index: number;
  error: number;
  overall: number;
}

/**
 * The class with the highest validation error at the last epoch, when that error is more
 * than twice the overall error rate (../shared/API.md: such a class is "failing", and the
 * diagnosis is then never 'ok'); null for regression and where no class fails.
 */
export function failingClass(history: EpochStats[]): FailingClass | null {
  const last = history.at(-1);
  if (!last?.classErrorRates || last.errorRate === null) return null;
  const errors = last.classErrorRates;
  const index = errors.indexOf(Math.max(...errors));
  return errors[index]! > 2 * last.errorRate ? { index, error: errors[index]!, overall: last.errorRate } : null;
}

function read(history: EpochStats[], context: DiagnosisContext, best: number): Sign {
  const T = THRESHOLDS;
  const { config, stopReason } = context;
  const last = history.at(-1);
  if (stopReason === 'diverged') return { code: 'lr-too-high', reason: 'diverged', from: history.length + 1, to: 0 };
  if (!last) return { code: 'ok', reason: 'no-epochs', from: 0, to: 0 };
  if (solved(history)) return { code: 'ok', reason: 'solved', from: 0, to: last.validLoss };
  const start = startLoss(history);

  // The loss climbed well above a low it had reached, or above where it started, and stayed
  // there: steps too big to settle. A spike the one-cycle decay recovers from is fine.
  let lowest = Infinity;
  let climbed = false;
  for (const h of history) {
    climbed ||= h.trainLoss > T.explodedRatio * lowest;
    lowest = Math.min(lowest, h.trainLoss);
  }
  if ((climbed || history.some((h) => h.trainLoss > T.explodedRatio * start)) && last.trainLoss > T.explodedRatio * lowest) {
    return { code: 'lr-too-high', reason: 'loss-grew', from: lowest, to: last.trainLoss };
  }
  if (last.validLoss > T.validVeryLarge * start) return { code: 'lr-too-high', reason: 'valid-very-large', from: start, to: last.validLoss };
  // The loss jumped well above where it started, then came back only to about there: the steps
  // threw the network off and it settled where guessing does. A CNN at max_lr 0.5 on
  // Fashion-MNIST does this (epoch means 6.0, 2.9, 2.34, 2.31 from a first step at 2.30: one
  // class for every photo, valid loss ln 10, 90 % error), as PyTorch's does, rather than reach
  // infinity. It also "barely moved", but that is no sign of too small a rate.
  // A fresh head on a pretrained body starts above chance; at max_lr 5 it climbs from there
  // (3.16 → 3.48, then 3.03, 86 % error) without reaching 1.5× its start: a rise, and an end
  // still worse than guessing every class alike (ln of the class count), is the same sign.
  const peak = history.reduce((a, h) => Math.max(a, h.trainLoss), -Infinity);
  const classes = last.classErrorRates?.length ?? 0;
  const worseThanGuessing = classes >= 2 && peak > T.aboveStart * start && last.trainLoss > T.aboveStart * Math.log(classes);
  if ((peak > T.explodedRatio * start || worseThanGuessing) && barelyMoved(history)) return { code: 'lr-too-high', reason: 'jumped-then-stuck', from: peak, to: last.trainLoss };

  const bestStats = history[best - 1]!;
  if (overfits(history)) {
    // Over-fitting is one of the four problems: too many epochs, whatever the size of the
    // training set. On a small one that over-fits early, the message adds that more data may
    // help too (the notes' advice when none of the four applies); the code stays the problem.
    const early = best <= Math.max(1, T.moreDataEarly * config.epochs);
    return { code: 'too-many-epochs', reason: early && context.smallTrainingSet ? 'valid-rose-early' : 'valid-rose', from: bestStats.validLoss, to: last.validLoss };
  }
  // Under-fitting can only be told once the run has ended (one-cycle flattens at its very end).
  if (stopReason !== 'running') {
    if (last.trainLoss > T.underfitMargin * last.validLoss) return { code: 'too-few-epochs', reason: 'train-above-valid', from: last.trainLoss, to: last.validLoss };
    if (barelyMoved(history)) return { code: 'too-few-epochs', reason: 'barely-moved', from: start, to: last.trainLoss };
    const earlier = history[history.length - 1 - Math.ceil(history.length / 3)];
    if (earlier && earlier.validLoss - last.validLoss > T.stillImproving * last.validLoss) {
      return { code: 'too-few-epochs', reason: 'still-improving', from: earlier.validLoss, to: last.validLoss };
    }
  }
  return { code: 'ok', reason: 'falling', from: start, to: last.validLoss };
}

/** The provisional diagnosis of a run so far (or of a run that ended without what-ifs). */
export function diagnose(history: EpochStats[], context: DiagnosisContext, lang: Language = 'en'): Diagnosis {
  const best = bestEpoch(history);
  const sign = read(history, context, best);
  const message = PROVISIONAL_MESSAGES[lang](sign.reason, {
    bestEpoch: best,
    maxLr: formatLr(context.config.maxLr, lang),
    from: sign.reason === 'diverged' ? String(sign.from) : formatLoss(sign.from, lang),
    to: formatLoss(sign.to, lang),
    running: context.stopReason === 'running',
  });
  return { code: sign.code, message, bestEpoch: best, evidence: [], final: false };
}
