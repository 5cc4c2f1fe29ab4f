/**
 * Which stream of the seeded generator each use of randomness draws from, so that changing
 * one thing (the number of epochs, say) never changes the data or the initial weights.
 */
export declare const STREAMS: {
    readonly lineTrainX: 1;
    readonly lineTrainNoise: 2;
    readonly lineValidX: 3;
    readonly lineValidNoise: 4;
    readonly weights: 5;
    readonly split: 6;
    readonly epochShuffle: 7;
    readonly resample: 8;
};
