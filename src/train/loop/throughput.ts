/**
 * The arithmetic rate a backend has shown, measured from the chunks it trained, for each kind
 * of model: conv layers and dense ones run at rates ten times apart on one adapter (on
 * SwiftShader conv ≈ 0.16 GFLOP/s, matmul ≈ 1–2). Chunk sizing and the work limits read it;
 * before the first measurement they use the backend's prior (Backend.flopsPerSecond), a
 * guess that is far off on a real GPU (it refused runs that would take a second) and on a
 * slow laptop (it accepted runs that froze it).
 *
 * @example
 * import { mlpLayers } from '../model/layers';
 * // given: const backend: Backend
 * const meter = throughputOf(backend, mlpLayers(64, [128], 10));
 * meter.observe(2e9, 0.5);     // 2 GFLOP took 0.5 s
 * meter.flopsPerSecond;        // 4e9
 */
import type { Backend } from '../../backend';
import type { Layer } from '../model/layers';

/** A stretch shorter than this says more about latency (a readback's round trip) than about the rate: not counted. */
export const MIN_MEASURED_SECONDS = 0.01;
/**
 * Nor is a stretch of less work than this (10 MFLOP), however long it took: its time is the
 * dispatch and readback overhead, not arithmetic. A line chunk (a few kFLOP) that took 20 ms on
 * a busy machine once read as 1e5 FLOP/s, and the next MLP run on that engine was refused as
 * "6 s a step".
 */
export const MIN_MEASURED_FLOPS = 1e7;
/** The rate is the median of this many latest measurements: one stalled chunk (a tab in the background) does not move it. */
const RECENT = 9;

/** Which rate a model runs at: conv layers' or dense ones'. */
export type ModelFamily = 'conv' | 'dense';

export class Throughput {
  private readonly rates: number[] = [];
  private pinned = false;

  constructor(private readonly prior: number) {}

  /** FLOP/s: the median of the latest measurements, the prior before any. */
  get flopsPerSecond(): number {
    if (this.rates.length === 0) return this.prior;
    const sorted = [...this.rates].sort((a, b) => a - b);
    const mid = sorted.length >> 1;
    return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  }

  /** Whether any stretch has been measured yet (the sizes so far come from the prior). */
  get measured(): boolean {
    return this.rates.length > 0;
  }

  /** `flops` of training that took the device `seconds`; too short a stretch, or too little work, is ignored. */
  observe(flops: number, seconds: number): void {
    if (this.pinned || !(seconds >= MIN_MEASURED_SECONDS) || !(flops >= MIN_MEASURED_FLOPS)) return;
    this.rates.push(flops / seconds);
    if (this.rates.length > RECENT) this.rates.shift();
  }

  /** Holds the rate at `flopsPerSecond` whatever is measured: for tests whose chunk sizes must not depend on timing. */
  pin(flopsPerSecond: number): void {
    this.rates.splice(0, this.rates.length, flopsPerSecond);
    this.pinned = true;
  }
}

const meters = new WeakMap<Backend, Map<ModelFamily, Throughput>>();

export function modelFamily(layers: readonly Layer[]): ModelFamily {
  return layers.some((l) => l.kind === 'conv2d') ? 'conv' : 'dense';
}

/** This backend's meter for models like `layers`, made on first use (it lives as long as the backend). */
export function throughputOf(backend: Backend, layers: readonly Layer[]): Throughput {
  const family = modelFamily(layers);
  const own = meters.get(backend) ?? new Map<ModelFamily, Throughput>();
  meters.set(backend, own);
  const meter = own.get(family) ?? new Throughput(backend.flopsPerSecond);
  own.set(family, meter);
  return meter;
}

/**
 * Times each chunk's readback for a meter: the device's time for a chunk runs from when it was
 * recorded, or when the chunk before it arrived if that was later (the device was busy with
 * that one), to when it arrives. A run's first chunk is not counted: it carries the run's
 * shader compiles and uploads (on SwiftShader seconds of them), which would make a warm-up
 * step read as a slow one and refuse the learner's next run.
 */
export class ChunkClock {
  private lastArrival = 0;
  private arrivals = 0;

  constructor(private readonly meter: Throughput) {}

  /** `values`, the readback of a chunk of `flops` whose recording began at `recordedAt` (performance.now()). */
  time<T>(flops: number, recordedAt: number, values: Promise<T>): Promise<T> {
    return values.then((read) => {
      const now = performance.now();
      if (this.arrivals++ > 0) this.meter.observe(flops, (now - Math.max(recordedAt, this.lastArrival)) / 1000);
      this.lastArrival = now;
      return read;
    });
  }
}
