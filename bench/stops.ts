/**
 * How long Stop takes, per scenario and backend (issue 23): each scenario's run is stopped at
 * 20 moments drawn from a seeded generator, from its first epoch on, and the time from the
 * abort to the run's end (`onTrainEnd`, which the element turns into its `train-end`) is
 * kept. A run that ended before its moment came is counted, not timed. Median and worst.
 */
import type { Engine, RunConfig } from '../src/engine/index';
import { median } from './workloads';

/** Long runs, so a stop finds them training: line and the MLPs as learners use them, a heavy MLP, and photos. */
export const STOP_CONFIGS: Record<string, Partial<RunConfig>> = {
  // 1,000 epochs (the most) last tens of milliseconds: its stops come within 3 ms of the first epoch.
  line: { scenario: 'line', epochs: 1000 },
  digits: { scenario: 'digits', epochs: 300 },
  // Each stop comes within 600 ms of the first epoch: a few epochs are enough, and more were refused
  // by the work limit (about 17 minutes) once the page's earlier digits runs had measured its rate.
  'digits 1024-1024 batch 8': { scenario: 'digits', hidden: [1024, 1024], batchSize: 8, epochs: 5 },
  spiral: { scenario: 'spiral', epochs: 1000 },
  fashion: { scenario: 'fashion', model: 'cnn-tiny', trainSize: 512, epochs: 10 },
};

export const STOPS = 20;

export interface StopTiming {
  medianMs: number;
  worstMs: number;
  /** Stops timed (the others found the run over). */
  timed: number;
}

/** A seeded generator of delays, so every run of the bench stops at the same moments. */
function delays(seed: number, count: number, maxMs: number): number[] {
  let s = seed >>> 0;
  return Array.from({ length: count }, () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32) * maxMs);
}

export async function ourStops(engine: Engine, config: Partial<RunConfig>, maxDelayMs = 600): Promise<StopTiming> {
  const times: number[] = [];
  for (const delay of delays(23, STOPS, maxDelayMs)) {
    const controller = new AbortController();
    let stoppedAt = 0;
    let endedAt = 0;
    let firstEpoch = () => undefined as void;
    const started = new Promise<void>((resolve) => (firstEpoch = resolve));
    const run = engine.train(config, { signal: controller.signal, whatIf: false, onEpoch: () => firstEpoch(), onTrainEnd: () => (endedAt = performance.now()) });
    await Promise.race([started, run]);
    await new Promise((resolve) => setTimeout(resolve, delay));
    stoppedAt = performance.now();
    controller.abort();
    const result = await run;
    if (result.stopReason === 'stopped') times.push(endedAt - stoppedAt);
  }
  return { medianMs: times.length ? median(times) : NaN, worstMs: times.length ? Math.max(...times) : NaN, timed: times.length };
}
