/**
 * From a run's history to uPlot's aligned columns. x counts epochs, with each mini-batch at
 * its fraction of the epoch, so the per-step loss and the per-epoch curves share one axis.
 * Nothing uPlot cannot draw on a log scale gets through: non-finite and non-positive
 * values become null (gaps).
 *
 * @example
 * const [x, steps, train, valid, errors, best] = chartColumns(history);
 */
import type { EpochStats } from '../train/engine';
export type Column = (number | null)[];
export declare function positiveOrNull(value: number | null | undefined): number | null;
/** [x, step loss, train loss, valid loss, error rate, lowest valid loss]. */
export type MainColumns = [number[], Column, Column, Column, Column, Column];
/** What is drawn beside the run: what-if runs' valid losses, and the band of several seeds' valid losses. */
export interface ChartExtras {
    ghosts: EpochStats[][];
    /** Every seed's history, the run's own among them; a band needs two or more. */
    seeds: EpochStats[][];
}
/**
 * The run's columns, then one valid-loss column per ghost, then the seed band's lowest and
 * highest valid loss per epoch. Epochs past the run's end (a ghost with 3× the epochs) get
 * x values of their own, where the run's columns are null.
 */
export declare function chartColumnsWith(history: EpochStats[], extras: ChartExtras): {
    main: MainColumns;
    ghosts: Column[];
    band: [Column, Column] | null;
};
export declare function chartColumns(history: EpochStats[]): MainColumns;
/** A log-scale range that never collapses or goes non-positive, padded a little. */
export declare function logRange(min: number | null, max: number | null): [number, number];
/** Decades the loss axis shows above the lowest epoch loss: a diverging curve leaves through the top. */
export declare const MAX_DECADES = 6;
/** How far the curves beside the run (what-ifs, the seed band) may widen the loss axis, each way. */
export declare const BESIDE_DECADES = 2;
/**
 * The loss axis's extent: the per-epoch train and valid losses decide it, so a single batch
 * loss of 1e-13 cannot squash the curves a learner reads, and a run exploding to 1e35 shows
 * its curve leaving the chart rather than a flat line at the bottom of 36 decades. The curves
 * beside the run widen it by up to BESIDE_DECADES each way: a what-if whose loss reaches 1e-32
 * leaves the chart instead of pushing the run off it.
 */
export declare function lossExtent(columns: MainColumns, beside?: Column[]): [number | null, number | null];
/**
 * Powers of ten inside [min, max], about six of them at most: a diverging run spans 36
 * decades, and uPlot's own log splits then label none.
 */
export declare function decadeSplits(min: number, max: number): number[];
/** `color` at `alpha`: hex colours (what the themes use) and rgb() (what a page may set), else a neutral grey. */
export declare function withAlpha(color: string, alpha: number): string;
