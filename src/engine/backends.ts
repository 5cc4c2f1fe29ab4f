/**
 * The only file that constructs a concrete backend: WebGPU on a given device or the page's
 * shared one, or the CPU (WebAssembly where the browser has it). create-engine.ts chooses
 * between them; the CPU worker's host (worker/host.ts) takes the CPU one; everything else
 * sees only the Backend contract (src/backend.ts).
 *
 * @example
 * const backend = await gpuBackend({});   // throws WebGpuUnavailableError where there is none
 * const cpu = await cpuBackend();
 */
import type { Backend } from '../backend';
import { CpuBackend } from '../cpu/cpu-backend';
import { loadWasmMatmul } from '../cpu/wasm-matmul';
import { acquireDevice } from '../gpu/device';
import { GpuBackend } from '../gpu/gpu-backend';

/** Where the GPU comes from: a device of the caller's, or the page's shared one (through `gpu` where navigator.gpu is missing). */
export interface GpuSource {
  device?: GPUDevice;
  gpu?: GPU;
}

/** A backend on the caller's device, else on the page's shared one; throws WebGpuUnavailableError where there is none. */
export async function gpuBackend(source: GpuSource): Promise<Backend> {
  if (source.device) return new GpuBackend(source.device, 'provided device');
  const { device, description } = await acquireDevice(source.gpu);
  return new GpuBackend(device, description);
}

/** The CPU backend: its matrix products in WebAssembly SIMD where the browser has it, else TypeScript. */
export async function cpuBackend(): Promise<Backend> {
  return new CpuBackend(await loadWasmMatmul());
}
