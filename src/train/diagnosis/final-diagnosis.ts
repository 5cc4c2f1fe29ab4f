/**
 * The final diagnosis in words, from the main run and its what-ifs: the verdict's sentence
 * (what-if.ts) with the evidence it rests on, then, where they apply, a class the model still
 * fails, lr_find's suggestion where it lost, and why the notes' rule ("train loss above valid
 * loss: the LR is too low or the epochs too few") does not apply here (train-gap.ts). Every
 * number is written in the message's language (decimal commas in Portuguese).
 *
 * @example
 * import type { TrainSetLoss } from './train-gap';
 * // given: const config: RunConfig, history: EpochStats[], stopReason: StopReason, whatIfs: WhatIf[], trainSet: TrainSetLoss
 * const diagnosis = judgeWhatIfs({ config, history, stopReason, whatIfs, trainSet }, 'pt-BR');
 * diagnosis.evidence[diagnosis.cited!]; // the change the message recommends
 */
import { bestEpoch, solved, startLoss } from './diagnosis';
import { CHANGE_MESSAGES, FINAL_MESSAGES } from './diagnosis-messages';
import { EVIDENCE_MESSAGES, type TriedChanges } from './evidence-messages';
import { formatLoss, formatLr, localizeDecimal } from '../format';
import { gapCause, trainAboveValid, type TrainSetLoss } from './train-gap';
import type { Diagnosis, EpochStats, Language, RunConfig, StopReason, WhatIf } from '../types';
import { adviceOnly, changeWords, finalValidLoss, HELPFUL_GAIN, verdict, type Verdict } from './what-if';
import { lrLadder } from './what-if-plan';

export interface JudgedRun {
  config: RunConfig;
  history: EpochStats[];
  stopReason: StopReason;
  whatIfs: WhatIf[];
  /** The training set's loss with the final weights (RunResult.finalTrainEvalLoss and its valid-mix twin). */
  trainSet?: TrainSetLoss;
  /** The data's class names, for a class the model fails. */
  classNames?: string[];
}

// A no-break space before the sign: "18.9 %" never wraps between the number and its unit.
const percent = (x: number, lang: Language) => `${localizeDecimal(String(Number((100 * x).toFixed(1))), lang)}\u00a0%`;

/** The final diagnosis from the main run and its what-ifs, with the evidence in its message. */
export function judgeWhatIfs(run: JudgedRun, lang: Language = 'en'): Diagnosis {
  const { config, history, stopReason, whatIfs } = run;
  const judged = verdict(config, history, stopReason, whatIfs);
  const { cited } = judged;
  const words = EVIDENCE_MESSAGES[lang];
  const sentences = [verdictSentence(run, judged, lang)];
  const failing = judged.failing;
  if (failing && !aboutTheClass(judged)) {
    sentences.push(words.failingToo({ className: words.className(run.classNames?.[failing.index] ?? null, failing.index), error: percent(failing.error, lang), overall: percent(failing.overall, lang) }));
  }
  const lrFind = whatIfs.find((w) => w.source === 'lr-find');
  if (lrFind && lrFind !== cited) sentences.push(words.lrFindLost(formatLr(lrFind.change.maxLr!, lang), lrFind.finalValidLoss < Infinity ? formatLoss(lrFind.finalValidLoss, lang) : null));
  const scratch = whatIfs.find((w) => w.source === 'from-scratch');
  const scratchError = scratch?.history.at(-1)?.errorRate;
  const runError = history.at(-1)?.errorRate;
  if (scratch && scratch.finalValidLoss < Infinity && typeof scratchError === 'number' && typeof runError === 'number') {
    sentences.push(words.fromScratch({ loss: formatLoss(scratch.finalValidLoss, lang), error: percent(scratchError, lang), runLoss: formatLoss(finalValidLoss(history, stopReason), lang), runError: percent(runError, lang) }));
  }
  const gap = ruleGapSentence(run, judged, lang);
  if (gap) sentences.push(gap);
  const best = bestEpoch(history);
  return { code: judged.code, message: sentences.join(' '), bestEpoch: best, evidence: whatIfs, final: true, ...(cited ? { cited: whatIfs.indexOf(cited) } : {}), ...(judged.kind === 'did-not-learn' ? { stuck: true as const } : {}) };
}

/** The verdict rests on the notes' advice for a failing class: oversampling, or more rows. */
function aboutTheClass({ kind, failing, cited, classRemedy }: Verdict): boolean {
  return kind === 'failing-class' || (kind === 'helps' && failing !== null && cited !== null && cited === classRemedy);
}

function verdictSentence(run: JudgedRun, judged: Verdict, lang: Language): string {
  const { config, history, stopReason, whatIfs } = run;
  const { cited } = judged;
  const catalog = CHANGE_MESSAGES[lang];
  const words = EVIDENCE_MESSAGES[lang];
  const loss = (x: number) => formatLoss(x, lang);
  const change = cited ? catalog.change(changeWords(cited, config, lang)) : null;
  const mainLoss = loss(finalValidLoss(history, stopReason));
  if (judged.kind === 'did-not-learn') {
    const last = history.at(-1)!;
    const tried = words.triedAll(triedChanges(adviceOnly(whatIfs), config, lang));
    return words.didNotLearn({ from: loss(startLoss(history)), to: loss(last.trainLoss), valid: mainLoss, tried, change, whatIfLoss: cited ? loss(cited.finalValidLoss) : '—' });
  }
  if (aboutTheClass(judged)) {
    const failing = judged.failing!;
    const remedy = judged.classRemedy;
    const after = remedy?.history.at(-1)?.classErrorRates?.[failing.index];
    return words.failing({
      className: words.className(run.classNames?.[failing.index] ?? null, failing.index),
      error: percent(failing.error, lang),
      overall: percent(failing.overall, lang),
      tested: remedy
        ? { change: catalog.change(changeWords(remedy, config, lang)), classError: after === undefined ? null : percent(after, lang), loss: loss(remedy.finalValidLoss), mainLoss, didGood: remedy === cited, oversampled: remedy.change.oversample === true }
        : null,
      oversampling: config.oversample,
      helps: judged.kind === 'helps',
    });
  }
  return FINAL_MESSAGES[lang](judged.code, {
    bestEpoch: bestEpoch(history),
    change,
    whatIfLoss: cited ? loss(cited.finalValidLoss) : '—',
    mainLoss,
    allHigher: cited !== null && cited.gain < 1,
    divergedAt: stopReason === 'diverged' ? history.length + 1 : null,
    solved: stopReason !== 'diverged' && solved(history),
  });
}

/** The what-ifs grouped for a list: each ladder's factors, then the others by their labels. */
function triedChanges(whatIfs: WhatIf[], config: RunConfig, lang: Language): TriedChanges {
  const tried: TriedChanges = { lrSmaller: [], lrLarger: [], moreEpochs: [], others: [] };
  for (const w of whatIfs) {
    const c = changeWords(w, config, lang);
    if (c.kind === 'lr-smaller') tried.lrSmaller.push(c.factor);
    else if (c.kind === 'lr-larger') tried.lrLarger.push(c.factor);
    else if (c.kind === 'more-epochs') tried.moreEpochs.push(c.factor);
    else tried.others.push(CHANGE_MESSAGES[lang].label(c));
  }
  const sorted = (xs: number[]) => [...new Set(xs)].sort((a, b) => a - b);
  return { lrSmaller: sorted(tried.lrSmaller), lrLarger: sorted(tried.lrLarger), moreEpochs: sorted(tried.moreEpochs), others: tried.others };
}

/**
 * Train loss above valid loss, and the verdict is neither of the two the notes' rule names:
 * the rule's advice as tested, and the measured cause of the gap.
 */
function ruleGapSentence(run: JudgedRun, judged: Verdict, lang: Language): string | null {
  const { config, history, stopReason, whatIfs } = run;
  const last = history.at(-1);
  const ruleNamed = judged.code === 'too-few-epochs' || judged.code === 'lr-too-low';
  // A solved run tests nothing: the gap between two losses near 0 is no sign to explain.
  if (stopReason === 'diverged' || !last || !trainAboveValid(last) || ruleNamed || judged.kind === 'solved') return null;
  const larger = lrLadder(config, whatIfs, 10);
  const moreEpochs = whatIfs.filter((w) => w.code === 'too-few-epochs' && w.change.epochs! > config.epochs);
  const epochFactors = [...new Set(moreEpochs.map((w) => Math.round(w.change.epochs! / config.epochs)))].sort((a, b) => a - b);
  const helped = [...larger, ...moreEpochs].filter((w) => w.gain >= HELPFUL_GAIN).sort((a, b) => b.gain - a.gain)[0];
  const catalog = CHANGE_MESSAGES[lang];
  const loss = (x: number) => formatLoss(x, lang);
  return EVIDENCE_MESSAGES[lang].ruleGap({
    train: loss(last.trainLoss),
    valid: loss(last.validLoss),
    tried: EVIDENCE_MESSAGES[lang].triedRule(larger.map((_, k) => 10 ** (k + 1)), epochFactors),
    helped: helped ? { change: catalog.change(changeWords(helped, config, lang)), loss: loss(helped.finalValidLoss) } : null,
    cause: gapCause(config, last, run.trainSet),
    evaluated: run.trainSet ? loss(run.trainSet.loss) : '—',
    validMix: run.trainSet?.validMixLoss !== undefined ? loss(run.trainSet.validMixLoss) : '—',
    oversample: config.oversample,
  });
}
