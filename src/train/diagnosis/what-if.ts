/**
 * The verdict of the what-if runs, judged the way a learner judges advice: follow it and see
 * whether the model gets better (what-if-plan.ts says which runs are trained). A change
 * counts when it lowers the final validation loss by at least 25 %; among the changes that
 * count and come within 10 % of the best gain, the smallest one is the recommendation
 * (×10 before ×100, 3× the epochs before 10×): nearly the whole gain for the least change.
 * A diverged run is "LR too high" whatever else helps. Where nothing counts, a class that the
 * model fails still calls for more data (oversampling first, as the notes say), and a run
 * that barely learnt is never called healthy (final-diagnosis.ts says so in words).
 *
 * @example
 * // given: const config: RunConfig, history: EpochStats[], stopReason: StopReason, whatIfs: WhatIf[]
 * const { code, cited } = verdict(config, history, stopReason, whatIfs); // 'lr-too-low', the ×1000 run
 */
import { barelyMoved, failingClass, overfits, solved, THRESHOLDS, type FailingClass } from './diagnosis';
import { CHANGE_MESSAGES, type ChangeWords } from './diagnosis-messages';
import { formatLr } from '../format';
import type { Diagnosis, DiagnosisCode, EpochStats, Language, RunConfig, StopReason, WhatIf } from '../types';
import { adviceOnly, finalValidLoss, HELPFUL_GAIN } from './what-if-gain';
import type { WhatIfPlan } from './what-if-plan';

// The measure of a gain lives apart (what-if-gain.ts) because the plan of the runs reads it
// too, and this file reads the plan's type: one file each way was an import cycle.
export { adviceOnly, finalValidLoss, HELPFUL_GAIN } from './what-if-gain';

/** Changes whose gain is within this factor of the best one's are as good: the smallest is advised. */
export const NEAR_BEST = 1.1;
/**
 * Oversampling's size on the scale of |log10(factor)| the other changes are measured on: it
 * copies rows of the smaller classes, about a doubling of the data, less than any 3× or 10×.
 */
const OVERSAMPLE_SIZE = Math.log10(2);

/** A what-if's record from its run: final valid loss (Infinity when it diverged) and gain. */
export function whatIfResult(plan: WhatIfPlan, history: EpochStats[], stopReason: StopReason, mainFinal: number): WhatIf {
  const final = finalValidLoss(history, stopReason);
  const gain = final === Infinity ? 0 : mainFinal / final;
  return { code: plan.code, change: plan.change, finalValidLoss: final, gain, history, ...(plan.source ? { source: plan.source } : {}) };
}

/** How big a change is, as |log10| of the factor it moves its setting by: ×10 is 1, ×100 is 2, 3× the epochs 0.48. */
export function changeSize(change: Partial<RunConfig>, config: RunConfig): number {
  const factor = (to: number, from: number) => Math.abs(Math.log10(to / from));
  if (change.maxLr !== undefined) return factor(change.maxLr, config.maxLr);
  if (change.epochs !== undefined) return factor(change.epochs, config.epochs);
  if (change.trainSize !== undefined) return factor(change.trainSize, Math.min(config.trainSize, change.trainSize));
  return OVERSAMPLE_SIZE;
}

/** Among what-ifs, the smallest change whose gain is within NEAR_BEST of the best gain (the larger gain on a tie). */
export function smallestNearBest(whatIfs: WhatIf[], config: RunConfig): WhatIf | null {
  const best = Math.max(...whatIfs.map((w) => w.gain));
  const near = whatIfs.filter((w) => w.gain >= best / NEAR_BEST);
  return near.reduce<WhatIf | null>((a, w) => {
    if (a === null) return w;
    const [sa, sw] = [changeSize(a.change, config), changeSize(w.change, config)];
    return sw < sa - 1e-9 || (Math.abs(sw - sa) <= 1e-9 && w.gain > a.gain) ? w : a;
  }, null);
}

/** Why the verdict is what it is: the message's shape follows it. */
export type VerdictKind = 'diverged' | 'helps' | 'failing-class' | 'solved' | 'did-not-learn' | 'healthy';

export interface Verdict {
  code: DiagnosisCode;
  kind: VerdictKind;
  /** The what-if the message cites: the recommendation, or the closest change for 'ok'. */
  cited: WhatIf | null;
  /** A class the model fails (diagnosis.ts, failingClass), whatever the verdict. */
  failing: FailingClass | null;
  /** The run of the notes' advice for that class (oversampling, else all the rows), cited or not. */
  classRemedy: WhatIf | null;
}

const highestGain = (list: WhatIf[]) => list.reduce<WhatIf | null>((a, w) => (a === null || w.gain > a.gain ? w : a), null);

/** The code the what-ifs support, and the what-if that is its evidence. */
export function verdict(config: RunConfig, history: EpochStats[], stopReason: StopReason, tested: WhatIf[]): Verdict {
  const whatIfs = adviceOnly(tested);
  const failing = stopReason === 'diverged' ? null : failingClass(history);
  // The notes' advice for a class that fails: oversample (copy the data you have), or more rows.
  const classRemedy = failing ? (whatIfs.find((w) => w.change.oversample) ?? whatIfs.find((w) => w.change.trainSize !== undefined) ?? null) : null;
  const base = { failing, classRemedy };
  if (stopReason === 'diverged') {
    const held = whatIfs.filter((w) => w.code === 'lr-too-high' && w.finalValidLoss < Infinity);
    return { ...base, code: 'lr-too-high', kind: 'diverged', cited: smallestNearBest(held, config) };
  }
  // The curves over-fit, and the run stopped at its best epoch confirms it (its final valid loss
  // below the run's by the rise that made the sign): too many epochs. The learner's own slider
  // is the remedy; more rows would help any run on a cut training set, so a larger gain from
  // them does not name this run's problem. Another slider's change wins only where it counts
  // and gains more.
  const fewer = overfits(history) ? whatIfs.find((w) => w.code === 'too-many-epochs' && w.gain >= 1 + THRESHOLDS.overfitRise) : undefined;
  const helpful = whatIfs.filter((w) => w.gain >= HELPFUL_GAIN);
  const slider = helpful.filter((w) => w.change.maxLr !== undefined || w.change.epochs !== undefined);
  if (fewer && !slider.some((w) => w.gain > fewer.gain)) return { ...base, code: 'too-many-epochs', kind: 'helps', cited: fewer };
  if (helpful.length > 0) {
    const cited = smallestNearBest(helpful, config)!;
    return { ...base, code: cited.code, kind: 'helps', cited };
  }
  if (failing) {
    // Never 'ok' beside a failing class (../shared/API.md). Its remedy is advised where it did
    // any good, to the loss or to that class; one that made both worse is evidence, not advice.
    const classError = classRemedy?.history.at(-1)?.classErrorRates?.[failing.index] ?? Infinity;
    const didGood = classRemedy !== null && (classRemedy.gain > 1 || classError < failing.error);
    return { ...base, code: 'more-data', kind: 'failing-class', cited: didGood ? classRemedy : null };
  }
  if (solved(history)) return { ...base, code: 'ok', kind: 'solved', cited: null };
  return { ...base, code: 'ok', kind: barelyMoved(history) ? 'did-not-learn' : 'healthy', cited: highestGain(whatIfs) };
}

/**
 * The what-if a final diagnosis recommends (its "Try it"): `cited`, for a code other than
 * 'ok'; null for 'ok' and provisional ones. (The stop reason, once needed to re-derive it, is
 * kept in the signature for callers that still pass it.)
 */
export function advisedWhatIf(diagnosis: Diagnosis, _stopReason?: StopReason): WhatIf | null {
  if (!diagnosis.final || diagnosis.code === 'ok' || diagnosis.cited === undefined) return null;
  return diagnosis.evidence[diagnosis.cited] ?? null;
}

/** The change in words, and as a short label for its ghost curve. */
export function changeWords(whatIf: Pick<WhatIf, 'change' | 'source'>, config: RunConfig, lang: Language = 'en'): ChangeWords {
  const { change } = whatIf;
  if (whatIf.source === 'from-scratch') return { kind: 'from-scratch' };
  if (change.maxLr !== undefined) {
    if (whatIf.source === 'lr-find') return { kind: 'lr-find', value: formatLr(change.maxLr, lang) };
    const smaller = change.maxLr < config.maxLr;
    const factor = Math.round(smaller ? config.maxLr / change.maxLr : change.maxLr / config.maxLr);
    return { kind: smaller ? 'lr-smaller' : 'lr-larger', factor, value: formatLr(change.maxLr, lang) };
  }
  if (change.epochs !== undefined) {
    return change.epochs > config.epochs
      ? { kind: 'more-epochs', factor: Math.round(change.epochs / config.epochs), value: change.epochs }
      : { kind: 'fewer-epochs', value: change.epochs, from: config.epochs };
  }
  if (change.oversample) return { kind: 'oversample' };
  return { kind: 'more-rows', value: change.trainSize ?? 0, from: config.trainSize };
}

/** A what-if's short name, for its ghost curve: "max_lr ÷10", "3× epochs". */
export function whatIfLabel(whatIf: WhatIf, config: RunConfig, lang: Language): string {
  return CHANGE_MESSAGES[lang].label(changeWords(whatIf, config, lang));
}

/** A what-if's change in words: "max_lr 10× smaller (0.01)". */
export function whatIfChange(whatIf: WhatIf, config: RunConfig, lang: Language): string {
  return CHANGE_MESSAGES[lang].change(changeWords(whatIf, config, lang));
}
