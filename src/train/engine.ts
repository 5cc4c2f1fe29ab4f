/**
 * The headless engine: the only thing the UI imports from train/. It picks a backend
 * (WebGPU when an adapter exists, else the CPU with the reason kept), loads and prepares each
 * scenario's data, runs one training at a time, and diagnoses every run.
 *
 * @example
 * const controller = new AbortController();
 * const engine = await createEngine({ backend: 'auto' });
 * const result = await engine.train({ scenario: 'line', epochs: 100, maxLr: 0.1 }, {
 *   onEpoch: (stats) => console.log(stats.epoch, stats.trainLoss),
 *   signal: controller.signal,
 * });
 * console.log(result.params, result.diagnosis.message);
 * engine.dispose();
 */
import type { Engine, EngineOptions } from './engine-api';
import { gpuResources, type GpuResources } from '../gpu/resources';
import { CpuBackend } from '../cpu/cpu-backend';
import { loadBuiltin } from './data/builtin';
import { gpuBackend, TrainingEngine } from './training-engine';

/**
 * An engine on WebGPU when `backend` allows and an adapter answers, else on the CPU. The CPU
 * engine trains in a Web Worker where the page can make one (the page's own thread stays
 * free: no long task, Stop answers at once); where it cannot (Node, a CSP without blob
 * workers), on the page's thread, handing the page a turn every few steps.
 */
export async function createEngine(options: EngineOptions = {}): Promise<Engine> {
  const choice = options.backend ?? 'auto';
  let fallbackReason: string | null = null;
  if (choice !== 'cpu') {
    try {
      return new TrainingEngine(await gpuBackend(options), options, null, loadBuiltin);
    } catch (error) {
      if (choice === 'webgpu') throw error;
      fallbackReason = error instanceof Error ? error.message : String(error);
    }
  }
  if (options.worker !== false && typeof Worker === 'function') {
    try {
      const { createWorkerEngine } = await import('./worker-engine');
      return await createWorkerEngine(fallbackReason);
    } catch {
      // No worker (blocked, or failed to start): the page's own thread, with turns.
    }
  }
  return new TrainingEngine(await CpuBackend.create(), options, fallbackReason, loadBuiltin);
}

export { defaultConfig, LIMITS, resolveConfig, type ConfigWarning } from './config';
export { parseCsv, CsvError } from './data/csv';
export { diagnose } from './diagnosis';
export { advisedWhatIf, whatIfChange, whatIfLabel } from './what-if';
export { formatLoss, formatLr } from './format';
export type * from './types';
export { gridPoint, type SurfaceGrid } from '../backend';
export { leastSquaresLine, parameterPath } from './parameter-path';
export { LINE_TRUE_PARAMS } from './device-data';
export { scheduleTable } from './schedule';

export type { BackendChoice, Engine, EngineOptions, TrainOptions } from './engine-api';
export { MAX_SURFACE_POINTS } from './engine-api';

/** GPU buffers, backends, pipelines and devices (gpu/resources.ts), and CPU workers. */
export type EngineResources = GpuResources & { workers: number };

/**
 * What the page's engines hold: GPU buffers, backends, pipelines, devices, and CPU workers.
 * For tests that check nothing leaks; the worker count reads 0 until a CPU engine has started.
 *
 * @example
 * // given: const engine: Engine
 * engine.dispose();
 * const { buffers, workers } = await engineResources(); // 0 and 0 once every engine is disposed
 */
export async function engineResources(): Promise<EngineResources> {
  const workers = typeof Worker === 'function' ? (await import('./worker-engine')).liveWorkerCount() : 0;
  return { ...gpuResources(), workers };
}
