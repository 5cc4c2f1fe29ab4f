import type { Dataset, RunConfig } from '../types';
export declare const VALID_FRACTION = 0.2;
export interface Table {
    features: Float32Array;
    labels: Float32Array;
    rows: number;
}
export interface PreparedData {
    train: Table;
    valid: Table;
    featureCount: number;
    task: Dataset['task'];
    classCount: number;
    classNames?: string[];
    /** Training rows used / rows the split left for training (before imbalance and oversampling). */
    trainFraction: number;
    /** Rows the split leaves for training: what train-size can use at most. */
    availableTrainRows: number;
    /**
     * Several seeds' tables one after another (stackPrepared): each table then holds `stacked`
     * copies of `rows` rows, model m's the m-th. Absent: one.
     */
    stacked?: number;
}
/**
 * Several seeds' splits of one data set, stacked, so K models train on them in one batch,
 * model m on the m-th; null when their row counts differ (imbalance can make them).
 */
export declare function stackPrepared(parts: PreparedData[]): PreparedData | null;
/** Mean and standard deviation per feature over the training rows (population std; 1 where it is 0). */
export declare function featureStats(table: Table, featureCount: number): {
    mean: Float64Array;
    std: Float64Array;
};
export declare function prepareData(data: Dataset, config: RunConfig, options: {
    standardize: boolean;
}): PreparedData;
