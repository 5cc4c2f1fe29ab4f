/**
 * WebGPU in Node for the GPU tests: Dawn from the `webgpu` package, on the Vulkan driver that
 * scripts/with-webgpu.mjs points it at (SwiftShader where there is no GPU). A missing adapter
 * throws: in CI that must fail the run, never skip it.
 */
import { create, globals } from 'webgpu';
import { GpuBackend } from '../gpu/gpu-backend';
import { acquireDevice } from '../gpu/device';

let gpu: GPU | null = null;

/** navigator.gpu's stand-in in Node, with the GPU* globals (GPUBufferUsage, …) installed. */
export function nodeGpu(): GPU {
  if (!gpu) {
    Object.assign(globalThis, globals);
    gpu = create([]) as GPU;
  }
  return gpu;
}

export async function createTestBackend(): Promise<GpuBackend> {
  const { device, description } = await acquireDevice(nodeGpu());
  return new GpuBackend(device, description);
}
