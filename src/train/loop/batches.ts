/**
 * Mini-batches as fastai deals them: how many rows a step and steps an epoch, each epoch's
 * seeded shuffle cut to whole batches, and K models' orders interleaved step by step.
 *
 * @example
 * const plan = batchPlan(1437, 64);                 // { batchRows: 64, stepsPerEpoch: 22, shuffled: true }
 * const orders = new EpochOrders(0, 1437, plan);
 * const firstTwoEpochs = orders.next(2);            // 2 · 22 · 64 row indices
 */
import { RandomStream } from '../../cpu/rng';
import { STREAMS } from '../streams';
import type { RunConfig } from '../types';

export interface BatchPlan {
  batchRows: number;
  stepsPerEpoch: number;
  /** false when every step sees the whole training set, in order. */
  shuffled: boolean;
}

/** fastai drops the last incomplete training batch; a batch larger than the set is the set. */
export function batchPlan(trainRows: number, batchSize: number): BatchPlan {
  const batchRows = Math.min(batchSize, trainRows);
  const stepsPerEpoch = Math.floor(trainRows / batchRows);
  return { batchRows, stepsPerEpoch, shuffled: batchRows < trainRows };
}

/** Row orders for `epochs` epochs, each a fresh seeded shuffle, cut to whole batches. */
export class EpochOrders {
  private readonly rng: RandomStream;
  constructor(
    seed: number,
    private readonly rows: number,
    private readonly plan: BatchPlan,
  ) {
    this.rng = new RandomStream({ seed, stream: STREAMS.epochShuffle, counter: 0 });
  }

  next(epochs: number): Uint32Array {
    const perEpoch = this.plan.stepsPerEpoch * this.plan.batchRows;
    const out = new Uint32Array(epochs * perEpoch);
    for (let e = 0; e < epochs; e++) {
      const order = this.rng.shuffle(Array.from({ length: this.rows }, (_, i) => i));
      out.set(order.slice(0, perEpoch), e * perEpoch);
    }
    return out;
  }
}

/** K models' row orders as one: step s holds model 0's batch of s, then model 1's, and so on. */
export function interleaveOrders(orders: Uint32Array[], batchRows: number): Uint32Array {
  const K = orders.length;
  const steps = orders[0]!.length / batchRows;
  const out = new Uint32Array(K * orders[0]!.length);
  for (let s = 0; s < steps; s++) {
    orders.forEach((order, m) => out.set(order.subarray(s * batchRows, (s + 1) * batchRows), (s * K + m) * batchRows));
  }
  return out;
}

/**
 * Whether runs can train as one batch on one data set: the same data (scenario, seed, rows,
 * resampling), the same architecture, batch and optimizer; the learning rate, the schedule
 * and the number of epochs may differ.
 */
export function sharesBatch(a: RunConfig, b: RunConfig, seedsApart = false): boolean {
  const same = ['scenario', 'trainSize', 'imbalance', 'oversample', 'batchSize', 'optimizer', 'noise', 'activation', 'regularization', 'regRate', 'model', 'augment'] as const;
  const lists = ['hidden', 'features'] as const;
  return same.every((key) => a[key] === b[key]) && lists.every((key) => a[key].join() === b[key].join()) && (seedsApart || a.seed === b.seed) && a.data === b.data;
}
