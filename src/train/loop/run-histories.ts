/**
 * Each model's run as its chunks come back, written once for every loop: its epochs into its
 * history in order until its own last epoch, 'diverged' at the first non-finite loss or a
 * raised device flag, 'done' at its last epoch, and 'stopped' for a run the pump cut short.
 *
 * @example
 * import type { ChunkReadback } from './chunk-pump';
 * // given: const configs: RunConfig[], chunk: ChunkReadback, stats: (m: number, e: number, epoch: number) => EpochStats | null, flags: Uint32Array
 * const runs = new RunHistories(configs);
 * configs.forEach((_, m) => runs.take(m, chunk, (e, epoch) => stats(m, e, epoch), flags[m] !== 0));
 * const outcomes = runs.outcomes(false); // [{ history, stopReason: 'done' }, …]
 */
import type { Boundary, EpochStats, FilterMaps, RunConfig, StopReason } from '../types';
import type { ChunkReadback } from './chunk-pump';
import type { TrainEvaluation } from './train-evaluation';
import type { ValidationReadout } from './validation-readout';

export interface TrainOutcome {
  history: EpochStats[];
  stopReason: StopReason;
  /** The final weights of a one-layer model without bias: [a, b] for line. */
  params?: number[];
  /** Classification: every validation row's predicted class, the confusion matrix and top losses, from the last validation pass. */
  readout?: ValidationReadout;
  /** Planar runs asked for it: the decision boundary after the last epoch read. */
  boundary?: Boundary;
  /** Asked for (evaluateTraining) and the run done: the whole training set's loss with the final weights. */
  trainEvaluation?: TrainEvaluation;
  /** Asked for (onFilters), a CNN: the filters and maps of the last readback. */
  filters?: FilterMaps;
  /** Asked for (keepState), the run neither diverged nor stopped by its signal: the model's final state (Sequential.readState). */
  state?: Float32Array;
}

export interface ModelRun {
  readonly config: RunConfig;
  readonly history: EpochStats[];
  /** null while it trains. */
  stopReason: StopReason | null;
}

export class RunHistories {
  readonly runs: ModelRun[];

  constructor(configs: readonly RunConfig[]) {
    this.runs = configs.map((config) => ({ config, history: [], stopReason: null }));
  }

  /** Whether any run still trains. */
  training(): boolean {
    return this.runs.some((r) => r.stopReason === null);
  }

  /**
   * Model m's epochs of the chunk, each from `stats(e, epoch)` (e within the chunk, epoch from
   * 0), null when its losses are not finite; `flagged`: the device saw a non-finite gradient or
   * weight, which ends the run after the chunk's epochs even while the losses stayed finite.
   * Returns the epochs added.
   */
  take(m: number, chunk: ChunkReadback, stats: (e: number, epoch: number) => EpochStats | null, flagged: boolean): EpochStats[] {
    const run = this.runs[m]!;
    if (run.stopReason !== null) return [];
    const added: EpochStats[] = [];
    const epochs = Math.min(chunk.epochs, run.config.epochs - chunk.firstEpoch);
    for (let e = 0; e < epochs; e++) {
      const epoch = stats(e, chunk.firstEpoch + e);
      if (epoch === null) {
        run.stopReason = 'diverged';
        return added;
      }
      run.history.push(epoch);
      added.push(epoch);
    }
    if (flagged) run.stopReason = 'diverged';
    else if (run.history.length === run.config.epochs) run.stopReason = 'done';
    return added;
  }

  /** Each run's history and how it ended: a run still training when the pump returned was stopped (`stopped`) or is done. */
  outcomes(stopped: boolean): TrainOutcome[] {
    return this.runs.map((run) => ({ history: run.history, stopReason: run.stopReason ?? (stopped ? 'stopped' : 'done') }));
  }
}
