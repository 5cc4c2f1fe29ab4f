/**
 * How much a what-if gains, and how much counts: the measure both the plan of the runs
 * (what-if-plan.ts, which widens its search while nothing counts) and the verdict on them
 * (what-if.ts) read. A run's final validation loss is Infinity when it diverged, so a
 * what-if that diverged gains nothing, and a diverged run is beaten by any that held.
 *
 * @example
 * // given: const history: EpochStats[], stopReason: StopReason, whatIf: WhatIf
 * const mainFinal = finalValidLoss(history, stopReason);
 * const helps = whatIf.gain >= HELPFUL_GAIN; // its final valid loss at most 75 % of the run's
 */
import type { EpochStats, StopReason, WhatIf } from '../types';

/** A change counts when the what-if's final valid loss is at most this fraction of the run's. */
export const HELPS_BELOW = 0.75;
/** The same as a gain (run ÷ what-if): 1 / 0.75. */
export const HELPFUL_GAIN = 1 / HELPS_BELOW;

/** A run's final validation loss; Infinity when it diverged (or ran no epoch). */
export function finalValidLoss(history: EpochStats[], stopReason: StopReason): number {
  return stopReason === 'diverged' || history.length === 0 ? Infinity : history.at(-1)!.validLoss;
}

/** The what-ifs that test advice: all but a pretrained run's from-scratch comparison, on which no verdict or search rests. */
export function adviceOnly(whatIfs: WhatIf[]): WhatIf[] {
  return whatIfs.filter((w) => w.source !== 'from-scratch');
}
