import type { Diagnosis, EpochStats, Language, RunConfig, StopReason } from './types';
export interface DiagnosisContext {
    config: RunConfig;
    stopReason: StopReason | 'running';
    /** The training set is small: cut by train-size to half or less, or under 10 rows a feature. */
    smallTrainingSet?: boolean;
}
/** The thresholds, each a ratio of losses: signs a learner can see on the chart. */
export declare const THRESHOLDS: {
    /** A later train loss this many times the lowest (or the first step's) means the loss grew. */
    readonly explodedRatio: 1.5;
    /** "Valid loss very large" (the notes): this many times the loss training started from. */
    readonly validVeryLarge: 3;
    /** Final train loss above this fraction of the starting loss: barely moved. */
    readonly barelyMoved: 0.8;
    /** Under-fitting: final train loss above valid loss by this factor... */
    readonly underfitMargin: 1.05;
    /** ...or valid loss still falling by this fraction over the last third of the run. */
    readonly stillImproving: 0.2;
    /** Over-fitting: final valid loss this far above its minimum... */
    readonly overfitRise: 0.1;
    /** ...at least this many epochs after it. */
    readonly overfitEpochsAfter: 2;
    /** More data: over-fitting starts in this first fraction of the run, on a small training set. */
    readonly moreDataEarly: 0.5;
};
export declare function bestEpoch(history: EpochStats[]): number;
/** The provisional diagnosis of a run so far (or of a run that ended without what-ifs). */
export declare function diagnose(history: EpochStats[], context: DiagnosisContext, lang?: Language): Diagnosis;
