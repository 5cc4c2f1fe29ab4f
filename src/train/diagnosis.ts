/**
 * Names what went wrong in a run with the lesson-2 notes' own rules:
 * - the loss exploded, or grew instead of falling: LR too high;
 * - training loss above validation loss at the end: under-fitting, and then the LR finder's
 *   suggestion says which of the two causes the notes name it is: an LR far below it is
 *   "LR too low", otherwise "too few epochs";
 * - validation loss fell, then clearly rose while training loss kept falling: too many
 *   epochs; when that starts early in a short run or on a cut training set, fewer epochs
 *   cannot fix it and "more data may help".
 *
 * Works on a partial history too, for the live message while training runs.
 *
 * @example
 * diagnose(result.history, { config, stopReason: 'done', lrSuggestion: 0.02 }, 'pt-BR');
 */
import { DIAGNOSIS_MESSAGES } from './diagnosis-messages';
import { formatLr } from './format';
import type { Diagnosis, DiagnosisCode, EpochStats, Language, RunConfig, StopReason } from './types';

export interface DiagnosisContext {
  config: RunConfig;
  stopReason: StopReason | 'running';
  /** The LR finder's suggestion for this model and data, when known. */
  lrSuggestion?: number;
  /** The training set is small: cut by train-size to half or less, or under 10 rows a feature. */
  smallTrainingSet?: boolean;
}

/** The thresholds, each a ratio of losses; calibrated on the table in diagnosis.test.ts. */
export const THRESHOLDS = {
  /** A later train loss this many times the first step's means the loss grew: LR too high. */
  explodedRatio: 1.5,
  /** A max_lr this many times the suggestion, with poor progress, is too high. */
  aboveSuggestion: 10,
  /** A max_lr below suggestion / this is too low (fastai's 3e-3 is ~13× below digits' 0.038). */
  belowSuggestion: 25,
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

export function bestEpoch(history: EpochStats[]): number {
  let best = 0;
  history.forEach((h, i) => {
    if (best === 0 || h.validLoss < history[best - 1]!.validLoss) best = i + 1;
  });
  return best;
}

function classify(history: EpochStats[], context: DiagnosisContext, best: number): DiagnosisCode {
  const T = THRESHOLDS;
  const { config, lrSuggestion, stopReason } = context;
  if (stopReason === 'diverged') return 'lr-too-high';
  if (history.length === 0) return 'ok';
  const first = history[0]!;
  const last = history[history.length - 1]!;
  const startLoss = first.stepLosses?.[0] ?? first.trainLoss;
  const progress = last.trainLoss / startLoss;
  const farAbove = lrSuggestion !== undefined && config.maxLr > T.aboveSuggestion * lrSuggestion;
  const farBelow = lrSuggestion !== undefined && config.maxLr < lrSuggestion / T.belowSuggestion;

  // The loss grew past where it started, or climbed well above a low it had reached and
  // stayed there: steps too big to settle. A spike the one-cycle decay recovers from is fine.
  let lowest = Infinity;
  let climbed = false;
  for (const h of history) {
    climbed ||= h.trainLoss > T.explodedRatio * lowest;
    lowest = Math.min(lowest, h.trainLoss);
  }
  const unsettled = (climbed || history.some((h) => h.trainLoss > T.explodedRatio * startLoss)) && last.trainLoss > T.explodedRatio * lowest;
  const validVeryLarge = last.validLoss > T.validVeryLarge * startLoss;
  if (unsettled || validVeryLarge || (progress > T.barelyMoved && farAbove)) return 'lr-too-high';

  const bestStats = history[best - 1]!;
  const overfit =
    history.length - best >= T.overfitEpochsAfter &&
    last.validLoss > bestStats.validLoss * (1 + T.overfitRise) &&
    last.trainLoss < bestStats.trainLoss;
  if (overfit) {
    // The notes: if the error worsens before reaching what you want and none of the four
    // problems applies, more data may help. Over-fitting that sets in early on a small
    // training set is not fixed by training fewer epochs.
    const early = best <= Math.max(1, T.moreDataEarly * config.epochs);
    return early && context.smallTrainingSet ? 'more-data' : 'too-many-epochs';
  }
  if (stopReason === 'running') return 'ok';
  return underfitting(history, startLoss) ? (farBelow ? 'lr-too-low' : 'too-few-epochs') : 'ok';
}

export function diagnose(history: EpochStats[], context: DiagnosisContext, lang: Language = 'en'): Diagnosis {
  const best = bestEpoch(history);
  const code = classify(history, context, best);
  const message = DIAGNOSIS_MESSAGES[lang][code]({
    bestEpoch: best,
    maxLr: formatLr(context.config.maxLr),
    suggestion: context.lrSuggestion === undefined ? null : formatLr(context.lrSuggestion),
    divergedAt: context.stopReason === 'diverged' ? history.length + 1 : null,
  });
  return { code, message, bestEpoch: best };
}

/**
 * The notes' under-fitting signs: train loss above valid loss at the end, the loss barely
 * moved, or valid loss still falling fast over the last third (a one-cycle run flattens at
 * its very end whatever happens, so the last epoch alone says little).
 */
function underfitting(history: EpochStats[], startLoss: number): boolean {
  const T = THRESHOLDS;
  const last = history[history.length - 1]!;
  const earlier = history[history.length - 1 - Math.ceil(history.length / 3)];
  const stillImproving = earlier !== undefined && earlier.validLoss - last.validLoss > T.stillImproving * last.validLoss;
  return last.trainLoss > T.underfitMargin * last.validLoss || last.trainLoss > T.barelyMoved * startLoss || stillImproving;
}

/** Whether the final diagnosis needs the LR finder's evidence: an under-fitting run. */
export function needsLrEvidence(history: EpochStats[], stopReason: StopReason): boolean {
  if (stopReason !== 'done' || history.length === 0) return false;
  return underfitting(history, history[0]!.stepLosses?.[0] ?? history[0]!.trainLoss);
}
