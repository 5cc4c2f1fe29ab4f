/**
 * The what-if runs that test the advice, round by round, each round planned from what the
 * last showed (what-if-plan.ts), within MAX_ROUNDS: a constant-rate run's own epochs stand in
 * for those that change only the epochs (what-if-reuse.ts); the rest train in as few batches
 * as their data allow.
 *
 * @example
 * import { loadBuiltin } from '../train/data/builtin-sets';
 * import { RunData } from './run-data';
 * import type { PlannedRun } from '../train/diagnosis/what-if-plan';
 * import type { TrainOutcome } from '../train/loop/trainer';
 * // given: const backend: Backend, run: PlannedRun, main: TrainOutcome
 * const whatIfs = await trainWhatIfRounds(backend, new RunData(loadBuiltin), run, main, { onWhatIf: (w) => console.log(w.code, w.gain) });
 */
import type { Backend } from '../backend';
import { releaseData } from '../train/data/device-data';
import { trainLinearBatch } from '../train/loop/linear-batch';
import { pacing } from '../train/loop/pacing';
import { sharesBatch } from '../train/loop/batches';
import { trainModels, type TrainOutcome } from '../train/loop/trainer';
import type { RunConfig, WhatIf } from '../train/types';
import { finalValidLoss, whatIfResult } from '../train/diagnosis/what-if';
import { MAX_ROUNDS, nextWhatIfs, planWhatIfs, whatIfConfig, type PlannedRun, type WhatIfPlan } from '../train/diagnosis/what-if-plan';
import { continuedOutcome, whatIfReuse } from '../train/diagnosis/what-if-reuse';
import type { TrainOptions } from './api';
import { linearBatch, type RunData } from './run-data';

/** Every round's what-ifs, each reported (onWhatIf) as it is known; fewer when the signal aborts. */
export async function trainWhatIfRounds(backend: Backend, data: RunData, run: PlannedRun, main: TrainOutcome, options: TrainOptions, startFor: StartFor = () => undefined): Promise<WhatIf[]> {
  const whatIfs: WhatIf[] = [];
  let plans = planWhatIfs(run);
  for (let round = 1; plans.length > 0 && round <= MAX_ROUNDS && !options.signal?.aborted; round++) {
    whatIfs.push(...(await trainWhatIfs(backend, data, run.config, plans, main, options, startFor)));
    plans = nextWhatIfs(run, whatIfs);
  }
  return whatIfs;
}

/** One round: each plan's what-if, reused from the main run where it can be, else trained. */
/** The state a photo model's run goes on from (StageCarry.startFor): a what-if of an unfrozen run starts where the run did. */
export type StartFor = (config: RunConfig) => Float32Array | undefined;

async function trainWhatIfs(backend: Backend, data: RunData, config: RunConfig, plans: WhatIfPlan[], main: TrainOutcome, options: TrainOptions, startFor: StartFor): Promise<WhatIf[]> {
  const mainFinal = finalValidLoss(main.history, main.stopReason);
  const reuses = plans.map((plan) => whatIfReuse(config, plan.change, main));
  const toTrain = plans.flatMap((_, i) => (reuses[i]!.kind === 'prefix' ? [] : [i]));
  const runs = toTrain.map((i) => {
    const reuse = reuses[i]!;
    const run = { ...whatIfConfig(config, plans[i]!.change), seeds: 1 };
    if (reuse.kind === 'continue') return { config: { ...run, epochs: reuse.epochs }, startWeights: reuse.startWeights };
    return { config: run, startState: startFor(run) };
  });
  const trained = await trainRuns(backend, data, runs, options.signal);
  return plans.flatMap((plan, i) => {
    const reuse = reuses[i]!;
    const outcome = reuse.kind === 'prefix' ? reuse.outcome : trained[toTrain.indexOf(i)];
    // Stopped before it trained.
    if (!outcome) return [];
    const { history, stopReason } = reuse.kind === 'continue' ? continuedOutcome(main, outcome) : outcome;
    const whatIf = whatIfResult(plan, history, stopReason, mainFinal);
    options.onWhatIf?.(whatIf);
    return [whatIf];
  });
}

/**
 * Runs to their ends in as few batches as their data allow: line's in one fused dispatch
 * (all their epochs in it: nothing is drawn until each ends), the MLPs' on one data set
 * (another rate, other epochs) in the same dispatches; more rows need data of their own.
 */
async function trainRuns(backend: Backend, data: RunData, runs: { config: RunConfig; startWeights?: number[]; startState?: Float32Array }[], signal?: AbortSignal): Promise<(TrainOutcome | undefined)[]> {
  if (runs.length === 0) return [];
  const configs = runs.map((r) => r.config);
  const batch = linearBatch(backend, configs);
  if (batch) {
    try {
      return await trainLinearBatch(backend, batch.runs.map((run, i) => ({ ...run, startWeights: runs[i]!.startWeights })), { signal, epochsPerChunk: Infinity });
    } finally {
      batch.release();
    }
  }
  if (runs.some((r) => r.startWeights)) throw new Error('Only the fused line epochs continue a run from given weights.');
  const byData = new Map<number, number[]>();
  configs.forEach((config, i) => {
    // A run that goes on from a kept state trains alone (photo models train one at a time anyway).
    const key = runs[i]!.startState ? i : configs.findIndex((other, j) => !runs[j]!.startState && sharesBatch(other, config));
    byData.set(key, [...(byData.get(key) ?? []), i]);
  });
  const limit = pacing(backend).batchLimit;
  const groups = [...byData.values()].flatMap((all) => Array.from({ length: Math.ceil(all.length / limit) }, (_, c) => all.slice(c * limit, (c + 1) * limit)));
  const outcomes: (TrainOutcome | undefined)[] = [];
  for (const group of groups) {
    if (signal?.aborted) break;
    const tables = await data.load(backend, configs[group[0]!]!);
    try {
      const trained = await trainModels(backend, tables, group.map((i) => configs[i]!), { signal, startState: runs[group[0]!]!.startState });
      group.forEach((i, j) => (outcomes[i] = trained[j]));
    } finally {
      releaseData(backend, tables);
    }
  }
  return outcomes;
}
