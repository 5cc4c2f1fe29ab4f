/**
 * Statistical checks on uniform samples: Pearson's chi-square over equal bins, and the sample
 * mean and variance against U(lo, hi)'s.
 */

/** χ² critical value for 99 degrees of freedom at p = 0.001 (NIST/SEMATECH tables). */
export const CHI_SQUARE_99_P001 = 148.23;

export function chiSquare(samples: ArrayLike<number>, lo: number, hi: number, bins = 100): number {
  const counts = new Float64Array(bins);
  for (let i = 0; i < samples.length; i++) {
    const bin = Math.min(bins - 1, Math.floor(((samples[i]! - lo) / (hi - lo)) * bins));
    counts[bin]!++;
  }
  const expected = samples.length / bins;
  return counts.reduce((acc, c) => acc + (c - expected) ** 2 / expected, 0);
}

export function moments(samples: ArrayLike<number>): { mean: number; variance: number } {
  let sum = 0;
  for (let i = 0; i < samples.length; i++) sum += samples[i]!;
  const mean = sum / samples.length;
  let sq = 0;
  for (let i = 0; i < samples.length; i++) sq += (samples[i]! - mean) ** 2;
  return { mean, variance: sq / (samples.length - 1) };
}
