/**
 * The hidden layers' activations and their slopes, in float64: the CPU backend's epilogue and
 * the kernel checks' reference. The slope is written in terms of the output y, as the
 * backward kernels read it: no pre-activation is kept.
 *
 * @example
 * activate('tanh', 0.5);          // 0.4621…
 * activationSlope('tanh', 0.4621); // 1 − y² = 0.786…
 */
import type { Activation } from '../backend';

export function activate(activation: Activation, x: number): number {
  switch (activation) {
    case 'relu':
      return x > 0 ? x : 0;
    case 'tanh':
      return Math.tanh(x);
    case 'sigmoid':
      return 1 / (1 + Math.exp(-x));
    case 'linear':
      return x;
  }
}

export function activationSlope(activation: Activation, y: number): number {
  switch (activation) {
    case 'relu':
      return y > 0 ? 1 : 0;
    case 'tanh':
      return 1 - y * y;
    case 'sigmoid':
      return y * (1 - y);
    case 'linear':
      return 1;
  }
}
