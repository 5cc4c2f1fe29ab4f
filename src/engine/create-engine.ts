/**
 * The one place that chooses an engine's backend (backends.ts constructs it): WebGPU when
 * `backend` allows and an adapter answers, else the CPU with the reason kept; the CPU in a Web
 * Worker where the page can start one, else on the page's thread.
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
import { gpuResources, type GpuResources } from '../gpu/resources';
import { loadBuiltin } from '../train/data/builtin-sets';
import type { Engine, EngineOptions } from './api';
import { cpuBackend, gpuBackend } from './backends';
import { TrainingEngine } from './training-engine';

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
      // A lost device is replaced by the page's shared one, never by the lost device again.
      const renew = () => gpuBackend({ gpu: options.gpu });
      return new TrainingEngine(await gpuBackend(options), null, loadBuiltin, renew);
    } catch (error) {
      if (choice === 'webgpu') throw error;
      fallbackReason = error instanceof Error ? error.message : String(error);
    }
  }
  if (options.worker !== false && typeof Worker === 'function') {
    try {
      const { createWorkerEngine } = await import('./worker/client');
      return await createWorkerEngine(fallbackReason);
    } catch {
      // No worker (blocked, or failed to start): the page's own thread, with turns.
    }
  }
  return new TrainingEngine(await cpuBackend(), fallbackReason, loadBuiltin, cpuBackend);
}

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
  const workers = typeof Worker === 'function' ? (await import('./worker/client')).liveWorkerCount() : 0;
  return { ...gpuResources(), workers };
}
