/**
 * What the single-model matmul checks (kernel-checks.ts) and the batched ones
 * (batched-kernel-checks.ts) both build on: a case's shape and fused epilogue, and the
 * activations it applies, in float64. Apart from the table, so that a file of checks the table
 * lists imports them without importing the table back.
 *
 * @example
 * const c: MatmulCase = { m: 7, n: 65, k: 63, bias: true, activation: 'relu' };
 * const y = REFERENCE_ACTIVATION[c.activation ?? 'linear'].f(-0.5); // 0
 */
import type { Activation } from '../backend';

export interface MatmulCase {
  m: number;
  n: number;
  k: number;
  transA?: boolean;
  transB?: boolean;
  bias?: boolean;
  activation?: Activation;
  accumulate?: boolean;
}

/** The activations and their slopes (from the output y) in float64, written apart from the CPU backend's. */
export const REFERENCE_ACTIVATION: Record<Activation, { f: (x: number) => number; slope: (y: number) => number }> = {
  linear: { f: (x) => x, slope: () => 1 },
  relu: { f: (x) => Math.max(0, x), slope: (y) => (y > 0 ? 1 : 0) },
  tanh: { f: (x) => Math.tanh(x), slope: (y) => 1 - y * y },
  sigmoid: { f: (x) => 1 / (1 + Math.exp(-x)), slope: (y) => y * (1 - y) },
};
