import type { EpochStats } from './types';
/** The notebook's start (−1, 1), then (a, b) after every epoch that reported them. */
export declare function parameterPath(history: readonly EpochStats[]): [number, number][];
/** The (a, b) of y = a·x + b with the least squared error on these points: where SGD is headed. */
export declare function leastSquaresLine(x: readonly number[], y: readonly number[]): [number, number];
