/**
 * Judging a diagnosis the way a learner does: follow each piece of advice and see whether the
 * validation loss gets at least 25 % better. Written for the tests alone, from the learner's
 * notes and not from the engine: it imports nothing of the diagnosis it judges (diagnosis.ts,
 * what-if*.ts), trains its own runs one at a time without what-ifs, and its rule for "right"
 * is not to be bent to fit a result. For each random setting (random-settings.ts), the codes
 * whose advice, followed, helps:
 * - `lr-too-high`: max_lr ÷10, then ÷10 again and again while each step lowers the validation
 *   loss further, or while neither the run nor the step learns anything; a run that blew up is
 *   this alone, whatever else helps;
 * - `lr-too-low`: max_lr ×10, then on likewise;
 * - `too-few-epochs`: 3× the epochs, then 10×;
 * - `too-many-epochs`: as many epochs as the one where the validation loss was lowest;
 * - `more-data`: every training row, where train-size cut them; oversampling (copying the
 *   rows you have), where a class fails: its validation error more than twice the overall;
 * - `ok` when none of these helps and no class fails; when none helps and a class fails, only
 *   `more-data` is right (../shared/API.md: the diagnosis is then never `ok`). `ok` is right
 *   too for a classifier that already gets every validation point right with a validation
 *   loss under 0.01: what a learner watches (the error, the picture) cannot get better, and a
 *   ratio of two losses that small is nothing a learner can see.
 * Where several help, any of them is right. A slider stops once a step has helped by 25 %:
 * the code is then right, and further steps cannot make it wrong.
 *
 * @example
 * // given: const engine: Engine
 * const { right } = await rightCodes(engine, { scenario: 'line', maxLr: 1e-5, epochs: 30 }); // Set { 'lr-too-low' }
 */
import { LIMITS } from '../train/config';
import { scenarioOf } from '../train/scenarios/table';
import type { Engine } from '../engine/api';
import type { DiagnosisCode, RunConfig, RunResult } from '../train/types';
import { AVAILABLE_ROWS } from './random-settings';

/** The learner's bar: the validation loss at most this fraction of the run's. */
const HELPS = 0.75;
/** A classifier without a validation error and a validation loss under this has nothing left to show. */
const NOTHING_TO_SEE = 0.01;
/** A run learnt nothing when its last train loss is still above this fraction of the loss it started from. */
const LEARNT_NOTHING = 0.8;

export interface Judged {
  right: Set<DiagnosisCode>;
  /** Every variant tried, with its final valid loss, for reports of misses. */
  tried: { code: DiagnosisCode; change: Partial<RunConfig>; loss: number }[];
  mainLoss: number;
  /** The class that fails, if one does. */
  failingClass: number | null;
}

/** Final validation loss; Infinity when the run diverged. */
function finalLoss(result: RunResult): number {
  return result.stopReason === 'diverged' || result.history.length === 0 ? Infinity : result.history.at(-1)!.validLoss;
}

function learntNothing(result: RunResult): boolean {
  const first = result.history[0];
  const last = result.history.at(-1);
  if (!first || !last) return true;
  return last.trainLoss > LEARNT_NOTHING * (first.stepLosses?.[0] ?? first.trainLoss);
}

/** A class whose validation error at the end is more than twice the overall error rate. */
function failing(result: RunResult): number | null {
  const last = result.history.at(-1);
  if (!last?.classErrorRates || last.errorRate === null) return null;
  const index = last.classErrorRates.findIndex((e) => e > 2 * last.errorRate!);
  return index >= 0 ? index : null;
}

function availableRows(config: RunConfig): number {
  const { data } = scenarioOf(config);
  switch (data.source) {
    case 'line':
      return AVAILABLE_ROWS.line;
    case 'builtin':
      return AVAILABLE_ROWS[data.set];
    case 'planar':
      return AVAILABLE_ROWS.planar;
    case 'custom':
      return Infinity;
  }
}

/** The codes whose advice helps this run, from runs trained here, one at a time, without what-ifs. */
export async function rightCodes(engine: Engine, settings: Partial<RunConfig>, main?: RunResult): Promise<Judged> {
  const run = (change: Partial<RunConfig>) => engine.train({ ...settings, ...change }, { whatIf: false });
  const base = main ?? (await run({}));
  const config = base.config;
  const mainLoss = finalLoss(base);
  const failingClass = failing(base);
  const tried: Judged['tried'] = [];
  if (mainLoss === Infinity) return { right: new Set(['lr-too-high']), tried, mainLoss, failingClass };
  const helps = (loss: number) => loss <= HELPS * mainLoss;
  const attempt = async (code: DiagnosisCode, change: Partial<RunConfig>) => {
    const result = await run(change);
    tried.push({ code, change, loss: finalLoss(result) });
    return result;
  };
  const slide = async (code: DiagnosisCode, factor: number) => {
    let previous = mainLoss;
    for (let maxLr = config.maxLr * factor; maxLr >= LIMITS.maxLr[0] && maxLr <= LIMITS.maxLr[1]; maxLr *= factor) {
      const moved = await attempt(code, { maxLr: Number(maxLr.toPrecision(6)) });
      const loss = finalLoss(moved);
      if (helps(loss)) return;
      // A learner keeps moving a slider that helped, or where nothing learns either way.
      if (!(loss < previous || (learntNothing(base) && learntNothing(moved)))) return;
      previous = loss;
    }
  };
  await slide('lr-too-high', 1 / 10);
  await slide('lr-too-low', 10);
  for (const factor of [3, 10]) {
    const epochs = Math.min(LIMITS.epochs[1], factor * config.epochs);
    if (epochs === config.epochs || tried.some((t) => t.change.epochs === epochs)) continue;
    if (helps(finalLoss(await attempt('too-few-epochs', { epochs })))) break;
  }
  const valid = base.history.map((h) => h.validLoss);
  const best = valid.indexOf(Math.min(...valid)) + 1;
  if (best >= 1 && best < config.epochs) await attempt('too-many-epochs', { epochs: best });
  if (config.trainSize < availableRows(config)) await attempt('more-data', { trainSize: availableRows(config) });
  if (failingClass !== null && !config.oversample) await attempt('more-data', { oversample: true });
  const right = new Set(tried.filter((t) => helps(t.loss)).map((t) => t.code));
  if (right.size === 0) right.add(failingClass !== null ? 'more-data' : 'ok');
  const last = base.history.at(-1)!;
  if (last.errorRate === 0 && last.validLoss < NOTHING_TO_SEE) right.add('ok');
  return { right, tried, mainLoss, failingClass };
}
