/**
 * What-ifs that need no training of their own, or less. With a constant schedule nothing in
 * a step depends on how many epochs the run has in all (the shuffles come epoch by epoch
 * from the seed), so a run with fewer epochs is the run's own first ones, bit for bit: the
 * best-epoch what-if trains nothing. With plain full-batch SGD on line (the lesson-2
 * notebook's `fit`) no state carries between steps either (momentum 0, no shuffles), so a
 * run with more epochs is the run continued from its final weights: the 3× epochs what-if
 * trains 2× the epochs.
 *
 * @example
 * import type { TrainOutcome } from '../loop/trainer';
 * // given: const config: RunConfig, main: TrainOutcome
 * const reuse = whatIfReuse(config, { epochs: 300 }, main); // { kind: 'continue', epochs: 200, startWeights: [a, b] }
 */
import { CONSTANT_MOMENTUM } from '../schedule/schedule';
import { scenarioOf } from '../scenarios/table';
import type { TrainOutcome } from '../loop/trainer';
import type { EpochStats, RunConfig } from '../types';

export type WhatIfReuse =
  | { kind: 'prefix'; outcome: TrainOutcome }
  | { kind: 'continue'; epochs: number; startWeights: number[] }
  | { kind: 'none' };

export function whatIfReuse(config: RunConfig, change: Partial<RunConfig>, main: TrainOutcome): WhatIfReuse {
  const onlyEpochs = Object.keys(change).length === 1 && change.epochs !== undefined;
  const ran = main.history.length;
  if (!onlyEpochs || config.schedule !== 'constant' || main.stopReason !== 'done' || ran !== config.epochs) return { kind: 'none' };
  const epochs = change.epochs!;
  if (epochs <= ran) return { kind: 'prefix', outcome: { history: main.history.slice(0, epochs), stopReason: 'done' } };
  const stateless = scenarioOf(config).model === 'line' && CONSTANT_MOMENTUM[config.optimizer] === 0 && config.batchSize >= config.trainSize;
  if (!stateless || !main.params) return { kind: 'none' };
  return { kind: 'continue', epochs: epochs - ran, startWeights: main.params };
}

/** The run's history, then the continuation's epochs numbered on from it. */
export function continuedOutcome(main: TrainOutcome, continuation: TrainOutcome): TrainOutcome {
  const last = main.history.at(-1)!;
  const history: EpochStats[] = [
    ...main.history,
    ...continuation.history.map((h) => ({ ...h, epoch: h.epoch + last.epoch, elapsedMs: h.elapsedMs + last.elapsedMs })),
  ];
  return { ...continuation, history };
}
