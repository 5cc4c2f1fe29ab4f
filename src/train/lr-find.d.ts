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
 * One change: only the curve up to its minimum counts. A loss that spikes (below fastai's 4×
 * stop) and then slowly recovers falls fast after the spike, and fastai's rule then suggests
 * a rate past the blow-up (2.7 on the digits with seed 1, where the descent gives 0.04).
 *
 * @example
 * const { lrs, losses, suggestion } = await findLearningRate(backend, data, config);
 */
import type { Backend } from '../backend';
import type { DeviceData } from './device-data';
import type { LrFindResult, RunConfig } from './types';
export declare const LR_FIND: {
    readonly start: 1e-7;
    readonly end: 10;
    readonly steps: 100;
    readonly beta: 0.98;
    readonly stopFactor: 4;
    readonly chunk: 10;
    readonly skipStart: 10;
    readonly skipEnd: 5;
};
export declare function lrFindSchedule(config: RunConfig): Float32Array;
/** Debiased exponential moving average of the raw losses, as fastai's SmoothenValue. */
export declare function smoothLosses(raw: number[], beta?: number): number[];
export declare function suggestLearningRate(lrs: number[], losses: number[]): number;
export declare function findLearningRate(backend: Backend, data: DeviceData, config: RunConfig, signal?: AbortSignal): Promise<LrFindResult>;
