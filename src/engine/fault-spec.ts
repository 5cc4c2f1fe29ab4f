/**
 * Numerical faults, the same on every backend: max_lr 10 on every kind of scenario and optimiser.
 * A run that blows up stops as 'diverged' at once (no later epoch, nothing non-finite in its
 * history), is diagnosed lr-too-high, and the next run with a sane rate trains. A run that
 * survives (Adam's steps are bounded by the rate, not the gradient) is diagnosed as its
 * what-ifs show: lr-too-high exactly when a smaller rate did better.
 *
 * @example
 * import { describe } from 'vitest';
 * describe('numerical faults on the CPU', () => describeNumericalFaults(() => createEngine({ backend: 'cpu' })));
 */
import { expect, it } from 'vitest';
import { regression } from '../train/loop/batch-spec';
import type { Engine } from './api';
import type { OptimizerName, RunConfig } from '../train/types';

const SCENARIOS: Partial<RunConfig>[] = [
  { scenario: 'line', epochs: 100 },
  { scenario: 'digits', epochs: 3 },
  { scenario: 'cancer', epochs: 10 },
  { scenario: 'custom', epochs: 20, data: regression(80) },
  { scenario: 'spiral', epochs: 10, activation: 'tanh', regularization: 'l2', regRate: 0.01, features: ['x1', 'x2', 'x1sq', 'sin1'] },
];
const OPTIMIZERS: OptimizerName[] = ['sgd', 'adam'];

export function describeNumericalFaults(makeEngine: () => Promise<Engine>): void {
  for (const base of SCENARIOS) {
    for (const optimizer of OPTIMIZERS) {
      it(`max_lr 10 on ${base.scenario} with ${optimizer}: diverged at once and lr-too-high, or diagnosed as its what-ifs show; the next run trains`, async () => {
        const engine = await makeEngine();
        const config = { ...base, optimizer, maxLr: 10, seed: 3 };
        const result = await engine.train(config);
        const numbers = [...result.history.flatMap((h) => [h.trainLoss, h.validLoss, h.lr, ...(h.stepLosses ?? []), ...(h.params ?? [])]), ...(result.boundary?.probabilities ?? [])];
        expect(numbers.every(Number.isFinite), 'nothing non-finite reaches the history').toBe(true);
        const smaller = result.diagnosis.evidence.filter((w) => w.change.maxLr !== undefined && w.change.maxLr < 10);
        const summary = `${result.stopReason} after ${result.history.length} epochs, ${result.diagnosis.code}; ${smaller.map((w) => `lr ${w.change.maxLr}: ${w.finalValidLoss.toPrecision(3)}`).join(', ')}`;
        if (result.stopReason === 'diverged') {
          expect(result.history.length, summary).toBeLessThan(result.config.epochs);
          expect(result.diagnosis.code, summary).toBe('lr-too-high');
          // The evidence: a smaller rate that trains (÷10, or ÷100 when ÷10 still blew up), or,
          // when even ÷100 blew up, a message that says so and asks for a much smaller rate.
          if (!smaller.some((w) => Number.isFinite(w.finalValidLoss))) expect(result.diagnosis.message, summary).toMatch(/100× smaller max_lr too\. Try a much smaller max_lr/);
        } else {
          expect(result.stopReason).toBe('done');
          // Survived: the diagnosis follows the evidence (lr-too-high when ÷10 gained 25 % or more).
          const best = [...result.diagnosis.evidence].sort((a, b) => b.gain - a.gain)[0];
          if (best && best.gain >= 1.25 && best.code === 'lr-too-high') expect(result.diagnosis.code, summary).toBe('lr-too-high');
          if (!smaller.some((w) => w.gain >= 1.25)) expect(result.diagnosis.code, summary).not.toBe('lr-too-high');
        }
        console.log(`max_lr 10, ${base.scenario}/${optimizer}: ${summary}`);
        const sane = await engine.train({ ...base, optimizer, seed: 3 }, { whatIf: false });
        expect(sane.stopReason).toBe('done');
        expect(sane.history.every((h) => Number.isFinite(h.validLoss))).toBe(true);
      });
    }
  }
}
