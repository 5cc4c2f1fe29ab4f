/**
 * The final diagnosis, judged the way a learner judges advice: follow it and see whether the
 * model gets better. After the main run, one run per piece of advice is trained with that
 * change alone (max_lr 10× smaller, 10× larger; 3× the epochs; only as many epochs as the
 * best one; all the training rows), then, as a learner keeps moving a slider that helps,
 * max_lr 100× smaller or larger where 10× helped at all. The diagnosis names the change that
 * lowered the final validation loss most, when it lowered it by at least 25 %. A diverged run
 * is "LR too high" whatever else helps.
 *
 * @example
 * const plans = planWhatIfs(config, outcome.history, outcome.stopReason, data.availableTrainRows);
 * const first = plans.map(train);                        // each plan's config, trained
 * const more = followUpWhatIfs(config, first).map(train);
 * const diagnosis = judgeWhatIfs(config, outcome.history, outcome.stopReason, [...first, ...more], 'en');
 */
import { LIMITS } from './config';
import { barelyMoved, bestEpoch, solved } from './diagnosis';
import { DIAGNOSIS_MESSAGES, type ChangeWords } from './diagnosis-messages';
import { formatLoss, formatLr } from './format';
import type { Diagnosis, DiagnosisCode, EpochStats, Language, RunConfig, StopReason, WhatIf } from './types';

/** A change counts when the what-if's final valid loss is at most this fraction of the run's. */
export const HELPS_BELOW = 0.75;
/** The same as a gain (run ÷ what-if): 1 / 0.75. */
export const HELPFUL_GAIN = 1 / HELPS_BELOW;
/** "Too few epochs" is tested with this many times the epochs. */
export const MORE_EPOCHS = 3;
/** Fewer epochs are worth a run when the best epoch came at least this many epochs before the end. */
const FEWER_EPOCHS_MARGIN = 2;

export interface WhatIfPlan {
  code: DiagnosisCode;
  change: Partial<RunConfig>;
}

const round = (x: number) => Number(x.toPrecision(6));

/** The what-if runs that test each piece of advice for this run, in the order they are trained. */
export function planWhatIfs(config: RunConfig, history: EpochStats[], stopReason: StopReason, availableTrainRows: number): WhatIfPlan[] {
  const plans: WhatIfPlan[] = [];
  // Nothing a learner could see get better: no advice to test.
  if (stopReason !== 'diverged' && solved(history)) return plans;
  const lr = (factor: number, code: DiagnosisCode) => {
    const maxLr = round(config.maxLr * factor);
    if (maxLr >= LIMITS.maxLr[0] && maxLr <= LIMITS.maxLr[1]) plans.push({ code, change: { maxLr } });
  };
  lr(1 / 10, 'lr-too-high');
  if (stopReason === 'diverged') {
    // Whatever else would help, a run that blew up needs a smaller rate: find one that holds.
    lr(1 / 100, 'lr-too-high');
    return plans;
  }
  lr(10, 'lr-too-low');
  if (config.epochs < LIMITS.epochs[1]) plans.push({ code: 'too-few-epochs', change: { epochs: Math.min(LIMITS.epochs[1], MORE_EPOCHS * config.epochs) } });
  const best = bestEpoch(history);
  if (best >= 1 && config.epochs - best >= FEWER_EPOCHS_MARGIN) plans.push({ code: 'too-many-epochs', change: { epochs: best } });
  const rows = Math.min(config.trainSize, availableTrainRows);
  if (rows < availableTrainRows) plans.push({ code: 'more-data', change: { trainSize: availableTrainRows } });
  return plans;
}

/** A what-if's record from its run: final valid loss (Infinity when it diverged) and gain. */
export function whatIfResult(plan: WhatIfPlan, history: EpochStats[], stopReason: StopReason, mainFinal: number): WhatIf {
  const finalValidLoss = stopReason === 'diverged' || history.length === 0 ? Infinity : history.at(-1)!.validLoss;
  const gain = finalValidLoss === Infinity ? 0 : mainFinal / finalValidLoss;
  return { code: plan.code, change: plan.change, finalValidLoss, gain, history };
}

/** The main run's final validation loss; Infinity when it diverged. */
export function finalValidLoss(history: EpochStats[], stopReason: StopReason): number {
  return stopReason === 'diverged' || history.length === 0 ? Infinity : history.at(-1)!.validLoss;
}

/**
 * The second round: a learner who saw max_lr 10× smaller or larger help at all keeps moving
 * the slider, to 100×; so does one whose run learnt nothing, when the 10× move learnt nothing
 * either (Adam at max_lr 10 stuck at chance, where max_lr 1 is stuck too and 0.1 learns). (A diverged run already tried 100× smaller in the first round.)
 */
export function followUpWhatIfs(config: RunConfig, history: EpochStats[], whatIfs: WhatIf[]): WhatIfPlan[] {
  const plans: WhatIfPlan[] = [];
  for (const factor of [1 / 10, 10]) {
    const tenfold = whatIfs.find((w) => w.change.maxLr === round(config.maxLr * factor));
    const further = round(config.maxLr * factor * factor);
    const tried = whatIfs.some((w) => w.change.maxLr === further);
    const keepsMoving = tenfold && (tenfold.gain > 1 || (barelyMoved(history) && barelyMoved(tenfold.history)));
    if (keepsMoving && !tried && further >= LIMITS.maxLr[0] && further <= LIMITS.maxLr[1]) {
      plans.push({ code: tenfold.code, change: { maxLr: further } });
    }
  }
  return plans;
}

/** The change in words, and as a short label for its ghost curve. */
export function changeWords(change: Partial<RunConfig>, config: RunConfig): ChangeWords {
  if (change.maxLr !== undefined) {
    const smaller = change.maxLr < config.maxLr;
    const factor = Math.round(smaller ? config.maxLr / change.maxLr : change.maxLr / config.maxLr);
    return { kind: smaller ? 'lr-smaller' : 'lr-larger', factor, value: formatLr(change.maxLr) };
  }
  if (change.epochs !== undefined) {
    return change.epochs > config.epochs
      ? { kind: 'more-epochs', factor: Math.round(change.epochs / config.epochs), value: change.epochs }
      : { kind: 'fewer-epochs', value: change.epochs, from: config.epochs };
  }
  return { kind: 'more-rows', value: change.trainSize ?? 0, from: config.trainSize };
}

/** A what-if's short name, for its ghost curve: "max_lr ÷10", "3× epochs". */
export function whatIfLabel(whatIf: WhatIf, config: RunConfig, lang: Language): string {
  return DIAGNOSIS_MESSAGES[lang].label(changeWords(whatIf.change, config));
}

/** A what-if's change in words: "max_lr 10× smaller (0.01)". */
export function whatIfChange(whatIf: WhatIf, config: RunConfig, lang: Language): string {
  return DIAGNOSIS_MESSAGES[lang].change(changeWords(whatIf.change, config));
}

/** The what-if a final diagnosis rests on (its advice, followed): null for 'ok' and provisional ones. */
export function advisedWhatIf(diagnosis: Diagnosis, stopReason: StopReason): WhatIf | null {
  if (!diagnosis.final || diagnosis.code === 'ok') return null;
  const { code, evidence } = verdict(stopReason, diagnosis.evidence);
  return code === diagnosis.code ? evidence : null;
}

/** The code the what-ifs support, and the what-if that is its evidence. */
export function verdict(stopReason: StopReason, whatIfs: WhatIf[]): { code: DiagnosisCode; evidence: WhatIf | null } {
  const best = (list: WhatIf[]) => list.reduce<WhatIf | null>((a, w) => (a === null || w.gain > a.gain ? w : a), null);
  if (stopReason === 'diverged') {
    const held = best(whatIfs.filter((w) => w.code === 'lr-too-high' && w.finalValidLoss < Infinity));
    return { code: 'lr-too-high', evidence: held };
  }
  const top = best(whatIfs);
  if (top && top.gain >= HELPFUL_GAIN) return { code: top.code, evidence: top };
  return { code: 'ok', evidence: top };
}

/** The final diagnosis from the main run and its what-ifs, with the evidence in its message. */
export function judgeWhatIfs(config: RunConfig, history: EpochStats[], stopReason: StopReason, whatIfs: WhatIf[], lang: Language = 'en'): Diagnosis {
  const { code, evidence } = verdict(stopReason, whatIfs);
  const catalog = DIAGNOSIS_MESSAGES[lang];
  const message = catalog.final(code, {
    bestEpoch: bestEpoch(history),
    change: evidence ? catalog.change(changeWords(evidence.change, config)) : null,
    whatIfLoss: evidence ? formatLoss(evidence.finalValidLoss) : '—',
    mainLoss: formatLoss(finalValidLoss(history, stopReason)),
    allHigher: evidence !== null && evidence.gain < 1,
    divergedAt: stopReason === 'diverged' ? history.length + 1 : null,
    solved: stopReason !== 'diverged' && solved(history),
  });
  return { code, message, bestEpoch: bestEpoch(history), evidence: whatIfs, final: true };
}
