/**
 * Judging a diagnosis the way a learner does, independently of the engine's own what-ifs:
 * random settings drawn (seeded) from wide ranges of every setting, and for each, the codes
 * whose advice, followed, lowers the final validation loss by at least 25 %:
 * - `lr-too-high`: max_lr 10× smaller, then 100× if that kept helping (or neither run learnt
 *   anything: stuck at chance); a diverged run is this alone;
 * - `lr-too-low`: max_lr 10× larger, then 100× likewise;
 * - `too-few-epochs`: 3× and 10× the epochs ("3× and more");
 * - `too-many-epochs`: as many epochs as the best one;
 * - `more-data`: every training row, where train-size cut them;
 * - `ok` when none of these helps. Where two changes both help, either is right.
 * Shared by the CPU test and the WebGPU test.
 *
 * @example
 * const settings = randomSettings(64, 2026);
 * const right = await rightCodes(engine, settings[0]);  // e.g. Set { 'lr-too-low', 'too-few-epochs' }
 */
import { RandomStream } from '../cpu/rng';
import { LINE_ROWS, LIMITS } from './config';
import { barelyMoved } from './diagnosis';
import type { Engine } from './engine';
import type { DiagnosisCode, RunConfig, RunResult } from './types';

/** Rows the split leaves for training (80 % of each set): what "every training row" means. */
const AVAILABLE_ROWS = { line: LINE_ROWS, digits: Math.floor(1797 * 0.8), cancer: Math.floor(569 * 0.8) } as const;

type TestScenario = keyof typeof AVAILABLE_ROWS;

export function randomSettings(count: number, seed: number): Partial<RunConfig>[] {
  const rng = new RandomStream({ seed, stream: 0x5e77, counter: 0 });
  const pick = <T>(items: readonly T[]): T => items[rng.nextBelow(items.length)]!;
  const logUniform = (lo: number, hi: number) => Number((lo * (hi / lo) ** rng.nextUnit()).toPrecision(2));
  const intLog = (lo: number, hi: number) => Math.round(logUniform(lo, hi));
  return Array.from({ length: count }, (): Partial<RunConfig> => {
    const scenario = pick<TestScenario>(['line', 'line', 'cancer', 'cancer', 'digits']);
    const cut = rng.nextUnit() < 0.3;
    const common = { scenario, seed: rng.nextBelow(10), schedule: pick(['one-cycle', 'constant'] as const) };
    if (scenario === 'line') {
      return { ...common, epochs: intLog(1, 300), maxLr: logUniform(1e-4, 5), ...(cut ? { trainSize: intLog(5, LINE_ROWS - 1) } : {}) };
    }
    const optimizer = pick(['adam', 'adam', 'sgd'] as const);
    const maxLr = optimizer === 'adam' ? logUniform(1e-5, 1) : logUniform(1e-4, 5);
    const small = scenario === 'digits';
    return {
      ...common,
      optimizer,
      maxLr,
      epochs: intLog(1, small ? 12 : 60),
      batchSize: pick(small ? [32, 64, 128] : [8, 16, 32, 64]),
      hidden: pick(small ? [[32], [64]] : [[16], [64], [32, 16]]),
      ...(cut ? { trainSize: intLog(20, AVAILABLE_ROWS[scenario] - 1) } : {}),
    };
  });
}

/** Final validation loss; Infinity when the run diverged. */
function finalLoss(result: RunResult): number {
  return result.stopReason === 'diverged' || result.history.length === 0 ? Infinity : result.history.at(-1)!.validLoss;
}

export interface Judged {
  right: Set<DiagnosisCode>;
  /** Every variant tried, with its final valid loss, for reports of misses. */
  tried: { code: DiagnosisCode; change: Partial<RunConfig>; loss: number }[];
  mainLoss: number;
}

/** The codes whose advice helps this run, from runs trained here, one at a time, without what-ifs. */
export async function rightCodes(engine: Engine, settings: Partial<RunConfig>, main?: RunResult): Promise<Judged> {
  const run = (change: Partial<RunConfig>) => engine.train({ ...settings, ...change }, { whatIf: false });
  const base = main ?? (await run({}));
  const config = base.config;
  const mainLoss = finalLoss(base);
  const tried: Judged['tried'] = [];
  const attempt = async (code: DiagnosisCode, change: Partial<RunConfig>) => {
    const result = await run(change);
    tried.push({ code, change, loss: finalLoss(result) });
    return result;
  };
  const inRange = (lr: number) => lr >= LIMITS.maxLr[0] && lr <= LIMITS.maxLr[1];
  const slide = async (code: DiagnosisCode, factor: number) => {
    const once = config.maxLr * factor;
    if (!inRange(once)) return;
    const moved = await attempt(code, { maxLr: once });
    const loss = finalLoss(moved);
    // A learner keeps moving a slider that helped, that still blows up, or where neither run learnt anything.
    const stuck = barelyMoved(base.history) && barelyMoved(moved.history);
    if ((loss < mainLoss || (mainLoss === Infinity && loss === Infinity) || stuck) && inRange(once * factor)) await attempt(code, { maxLr: once * factor });
  };
  await slide('lr-too-high', 1 / 10);
  if (mainLoss === Infinity) return { right: new Set(['lr-too-high']), tried, mainLoss };
  await slide('lr-too-low', 10);
  for (const factor of [3, 10]) {
    if (config.epochs < LIMITS.epochs[1]) await attempt('too-few-epochs', { epochs: Math.min(LIMITS.epochs[1], factor * config.epochs) });
  }
  const valid = base.history.map((h) => h.validLoss);
  const best = valid.indexOf(Math.min(...valid)) + 1;
  if (best >= 1 && best < config.epochs) await attempt('too-many-epochs', { epochs: best });
  const available = AVAILABLE_ROWS[config.scenario as TestScenario];
  if (config.trainSize < available) await attempt('more-data', { trainSize: available });
  const right = new Set(tried.filter((t) => t.loss <= 0.75 * mainLoss).map((t) => t.code));
  return { right: right.size > 0 ? right : new Set(['ok']), tried, mainLoss };
}
