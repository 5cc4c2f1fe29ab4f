/**
 * Which stream of the seeded generator each use of randomness draws from, so that changing
 * one thing (the number of epochs, say) never changes the data or the initial weights.
 */
export const STREAMS = {
  lineTrainX: 1,
  lineTrainNoise: 2,
  lineValidX: 3,
  lineValidNoise: 4,
  weights: 5,
  split: 6,
  epochShuffle: 7,
  resample: 8,
  planarPoints: 9,
  /** Each training image's random flip and shift (augmentImages), drawn afresh every step. */
  augment: 10,
} as const;
