/**
 * What the page holds on the GPU, counted where it is made, for tests that check nothing
 * leaks: after a run, a removed element or a lost device, the counts come back down.
 *
 * @example
 * const before = gpuResources();   // { buffers: 0, bindGroups: 0, backends: 0, pipelines: 0, devices: 0 }
 */
import { liveBufferCount } from './buffers';
import { deviceCount } from './device';
import { liveBackendCount, liveBindGroupCount } from './gpu-backend';
import { compiledPipelineCount } from './pipelines';

export interface GpuResources {
  /** Buffers made and not yet destroyed (pooled ones included). */
  buffers: number;
  /** Bind groups cached by the live backends. */
  bindGroups: number;
  /** WebGPU backends not yet disposed: one per engine on the GPU. */
  backends: number;
  /** Pipelines compiled since the page loaded. */
  pipelines: number;
  /** Devices asked for since the page loaded. */
  devices: number;
}

export function gpuResources(): GpuResources {
  return { buffers: liveBufferCount(), bindGroups: liveBindGroupCount(), backends: liveBackendCount(), pipelines: compiledPipelineCount(), devices: deviceCount() };
}
