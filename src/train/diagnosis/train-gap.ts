/**
 * Why the train loss ended above the valid loss, when the notes' rule ("train loss above
 * valid loss: the LR is too low or the epochs too few") was tested and does not hold. The
 * cause is measured, not guessed: the run's training set is evaluated once more with its
 * final weights (train-evaluation.ts, as fastai's `validate` on the training set), and
 * - that loss is no longer above the valid loss: the gap came from how the epoch's train loss
 *   is taken, a mean of mini-batch losses while the weights were still improving ('averaging');
 * - it stays above, but not once each class is weighted as in the validation set, and the
 *   run thins a class (imbalance) or copies one (oversampling): the training mix ('class-mix');
 * - it stays above regardless: the training rows of this split are harder ('harder-rows').
 * The weight penalty is no cause: it goes into the gradients, never into a loss shown.
 *
 * @example
 * // given: const config: RunConfig, last: EpochStats
 * gapCause(config, last, { loss: 0.0812 }); // 'harder-rows' where the valid loss is 0.077
 */
import { THRESHOLDS } from './diagnosis';
import type { EpochStats, RunConfig } from '../types';

export type GapCause = 'averaging' | 'class-mix' | 'harder-rows';

export interface TrainSetLoss {
  /** RunResult.finalTrainEvalLoss. */
  loss: number;
  /** RunResult.finalTrainEvalLossValidMix. */
  validMixLoss?: number;
}

/** Train loss ended above valid loss by THRESHOLDS.underfitMargin: the notes' sign of under-fitting. */
export function trainAboveValid(last: EpochStats | undefined): boolean {
  return last !== undefined && last.trainLoss > THRESHOLDS.underfitMargin * last.validLoss;
}

/** The measured cause of train loss above valid loss; null when the training set was not evaluated. */
export function gapCause(config: RunConfig, last: EpochStats, evaluated: TrainSetLoss | undefined): GapCause | null {
  if (!evaluated) return null;
  const above = (loss: number) => loss > THRESHOLDS.underfitMargin * last.validLoss;
  if (!above(evaluated.loss)) return 'averaging';
  const mixChanged = config.oversample || config.imbalance > 1;
  if (mixChanged && evaluated.validMixLoss !== undefined && !above(evaluated.validMixLoss)) return 'class-mix';
  return 'harder-rows';
}
