/**
 * WebGPU in Node for the GPU tests: Dawn from the `webgpu` package, on the Vulkan driver that
 * scripts/with-webgpu.mjs points it at (SwiftShader where there is no GPU). A missing adapter
 * throws: in CI that must fail the run, never skip it.
 */
import { create, globals } from 'webgpu';
import { gpuBackend } from '../engine/backends';
import type { GpuBackend } from '../gpu/gpu-backend';

let gpu: GPU | null = null;

/** navigator.gpu's stand-in in Node, with the GPU* globals (GPUBufferUsage, …) installed. */
export function nodeGpu(): GPU {
  if (!gpu) {
    Object.assign(globalThis, globals);
    gpu = create([]) as GPU;
  }
  return gpu;
}

/**
 * A backend on the shared device of Node's WebGPU, built as the engine builds one. Typed as
 * the WebGPU class, not the contract: the kernel tests force its matmul variant.
 */
export async function createTestBackend(): Promise<GpuBackend> {
  return (await gpuBackend({ gpu: nodeGpu() })) as GpuBackend;
}
