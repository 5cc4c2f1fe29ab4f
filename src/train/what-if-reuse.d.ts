import type { TrainOutcome } from './trainer';
import type { RunConfig } from './types';
export type WhatIfReuse = {
    kind: 'prefix';
    outcome: TrainOutcome;
} | {
    kind: 'continue';
    epochs: number;
    startWeights: number[];
} | {
    kind: 'none';
};
export declare function whatIfReuse(config: RunConfig, change: Partial<RunConfig>, main: TrainOutcome): WhatIfReuse;
/** The run's history, then the continuation's epochs numbered on from it. */
export declare function continuedOutcome(main: TrainOutcome, continuation: TrainOutcome): TrainOutcome;
