/**
 * fastai's lr_find (v1, callbacks/lr_finder.py): train from fresh weights for up to 100
 * mini-batches while the learning rate grows exponentially from 1e-7 to 10, smooth the loss
 * with an exponential moving average (β = 0.98, debiased), and stop once the smoothed loss
 * exceeds 4× the best seen. Steps run on the device in chunks of 10; only the chunk's losses
 * come back.
 *
 * The suggestion follows fastai v1's `recorder.plot(suggestion=True)`: the learning rate
 * where the smoothed loss falls fastest (the most negative gradient, with the first 10 and
 * last 5 points skipped as fastai does), because that is where a step of that size still
 * buys the most progress; if too few points remain, a tenth of the lr at the minimum loss.
 * One change: only the curve up to its minimum (past the skipped start) counts. A loss that spikes (below fastai's 4×
 * stop) and then slowly recovers falls fast after the spike, and fastai's rule then suggests
 * a rate past the blow-up (2.7 on the digits with seed 1, where the descent gives 0.04).
 *
 * @example
 * import type { DeviceData } from '../data/device-data';
 * // given: const backend: Backend, data: DeviceData, config: RunConfig
 * const { lrs, losses, suggestion } = await findLearningRate(backend, data, config);
 */
import type { Backend } from '../../backend';
import type { DeviceData } from '../data/device-data';
import { CONSTANT_MOMENTUM } from '../schedule/schedule';
import { batchPlan, EpochOrders } from './batches';
import { startModel } from './start-models';
import type { LrFindResult, RunConfig } from '../types';

/** A search whose smoothed loss never fell below this fraction of where it began found no descent. */
const FLAT_FRACTION = 0.9;

export const LR_FIND = { start: 1e-7, end: 10, steps: 100, beta: 0.98, stopFactor: 4, chunk: 10, skipStart: 10, skipEnd: 5 } as const;

export function lrFindSchedule(config: RunConfig): Float32Array {
  const table = new Float32Array(LR_FIND.steps * 2);
  for (let i = 0; i < LR_FIND.steps; i++) {
    table[2 * i] = LR_FIND.start * (LR_FIND.end / LR_FIND.start) ** (i / (LR_FIND.steps - 1));
    table[2 * i + 1] = CONSTANT_MOMENTUM[config.optimizer];
  }
  return table;
}

/** Debiased exponential moving average of the raw losses, as fastai's SmoothenValue. */
export function smoothLosses(raw: number[], beta: number = LR_FIND.beta): number[] {
  let average = 0;
  return raw.map((loss, i) => {
    average = beta * average + (1 - beta) * loss;
    return average / (1 - beta ** (i + 1));
  });
}

export function suggestLearningRate(lrs: number[], losses: number[]): number {
  const from = LR_FIND.skipStart;
  // The minimum past the skipped start: there one noisy batch can be the lowest point of a
  // curve that never falls (the spiral's first 100 batches), which left nothing to search.
  const minimum = losses.length > from ? from + losses.slice(from).indexOf(Math.min(...losses.slice(from))) : losses.indexOf(Math.min(...losses));
  const to = Math.min(losses.length - LR_FIND.skipEnd, minimum + 1);
  if (to - from >= 3) {
    let best = from;
    let steepest = Infinity;
    for (let i = from; i < to; i++) {
      // numpy.gradient's central difference (the skipped ends keep i away from the edges).
      const slope = (losses[i + 1]! - losses[i - 1]!) / 2;
      if (slope < steepest) {
        steepest = slope;
        best = i;
      }
    }
    return lrs[best]!;
  }
  // Never below the sweep's first rate.
  return Math.max(lrs[0] ?? LR_FIND.start, lrs[Math.max(0, minimum)]! / 10);
}

export async function findLearningRate(backend: Backend, data: DeviceData, config: RunConfig, signal?: AbortSignal): Promise<LrFindResult> {
  const plan = batchPlan(data.trainRows, config.batchSize);
  const schedule = lrFindSchedule(config);
  const epochsNeeded = Math.ceil(LR_FIND.steps / plan.stepsPerEpoch);
  const { model, steps } = startModel(backend, data, config, schedule, plan, epochsNeeded, 1);
  try {
    if (plan.shuffled) steps.writeOrder(new EpochOrders(config.seed, data.trainRows, plan).next(epochsNeeded));
    backend.setStep(0);
    const raw: number[] = [];
    let smoothed: number[] = [];
    for (let first = 0; first < LR_FIND.steps; first += LR_FIND.chunk) {
      if (signal?.aborted) break;
      steps.recordSteps(LR_FIND.chunk);
      const [losses] = await backend.readRanges([{ tensor: steps.losses, offset: first, length: LR_FIND.chunk }]);
      raw.push(...losses!);
      smoothed = smoothLosses(raw);
      let best = Infinity;
      const stopAt = smoothed.findIndex((loss) => {
        if (!Number.isFinite(loss) || loss > LR_FIND.stopFactor * best) return true;
        best = Math.min(best, loss);
        return false;
      });
      if (stopAt >= 0) {
        smoothed = smoothed.slice(0, stopAt);
        break;
      }
    }
    const lrs = Array.from({ length: smoothed.length }, (_, i) => schedule[2 * i]!);
    const searched = smoothed.slice(Math.min(LR_FIND.skipStart, smoothed.length - 1));
    const flat = Math.min(...searched) > FLAT_FRACTION * searched[0]!;
    return { lrs, losses: smoothed, suggestion: suggestLearningRate(lrs, smoothed), ...(flat ? { flat } : {}) };
  } finally {
    steps.dispose();
    model.dispose();
  }
}
