/**
 * The availability ladder for WebGPU, and the one GPUDevice a page shares: several
 * <training-playground> elements on a page use one device, and a lost device is replaced
 * on the next request.
 *
 * @example
 * const { device, description } = await acquireDevice();   // navigator.gpu in a page
 * onDeviceLost((message) => console.warn(message));
 */
import { DeviceLostError } from '../backend';

export type WebGpuUnavailableReason = 'no-webgpu' | 'no-adapter' | 'device-failed';

/** Why WebGPU cannot be used here, worded for the person who has to act on it. */
export class WebGpuUnavailableError extends Error {
  constructor(readonly reason: WebGpuUnavailableReason, message: string) {
    super(message);
    this.name = 'WebGpuUnavailableError';
  }
}

export interface SharedDevice {
  device: GPUDevice;
  /** Adapter vendor and description, e.g. "google: SwiftShader Device (Subzero)". */
  description: string;
}

let shared: Promise<SharedDevice> | null = null;
let devicesCreated = 0;

/** Devices this page has asked for: one, unless a device was lost and replaced. */
export function deviceCount(): number {
  return devicesCreated;
}
const lostListeners = new Set<(message: string) => void>();

/** Called with a readable message whenever the shared device is lost. */
export function onDeviceLost(listener: (message: string) => void): () => void {
  lostListeners.add(listener);
  return () => lostListeners.delete(listener);
}

function defaultGpu(): GPU | undefined {
  return typeof navigator === 'undefined' ? undefined : navigator.gpu;
}

/** The page's shared device, created on first use. Pass `gpu` where there is no navigator.gpu (Node). */
export function acquireDevice(gpu: GPU | undefined = defaultGpu()): Promise<SharedDevice> {
  shared ??= createDevice(gpu).catch((error: unknown) => {
    shared = null;
    throw error;
  });
  return shared;
}

function describe(info: GPUAdapterInfo | undefined): string {
  if (!info) return 'unknown adapter';
  const parts = [info.vendor, info.description || info.architecture || info.device].filter(Boolean);
  return parts.join(': ') || 'unknown adapter';
}

async function createDevice(gpu: GPU | undefined): Promise<SharedDevice> {
  if (!gpu) {
    throw new WebGpuUnavailableError(
      'no-webgpu',
      'This browser has no WebGPU (navigator.gpu is missing). Use a recent Chrome or Edge, or serve the page from https:// or http://localhost, where WebGPU is allowed.',
    );
  }
  const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
  if (!adapter) {
    throw new WebGpuUnavailableError(
      'no-adapter',
      'WebGPU is present but found no usable GPU adapter (it may be blocklisted or disabled). Check chrome://gpu, or enable the --enable-unsafe-webgpu flag.',
    );
  }
  let device: GPUDevice;
  try {
    // Ask for what the adapter offers rather than assuming the defaults are the ceiling.
    device = await adapter.requestDevice({
      label: 'training-playground',
      requiredLimits: {
        maxStorageBufferBindingSize: adapter.limits.maxStorageBufferBindingSize,
        maxBufferSize: adapter.limits.maxBufferSize,
        maxStorageBuffersPerShaderStage: Math.min(adapter.limits.maxStorageBuffersPerShaderStage, 10),
      },
    });
  } catch (error) {
    throw new WebGpuUnavailableError('device-failed', `The GPU adapter refused to create a device: ${String(error)}`);
  }
  devicesCreated++;
  const handle: SharedDevice = { device, description: describe(adapter.info) };
  const promise = shared;
  device.onuncapturederror = (event: GPUUncapturedErrorEvent) => {
    console.error(`training-playground: WebGPU error: ${event.error.message}`);
  };
  void device.lost.then((info) => {
    if (shared === promise) shared = null;
    const { message } = new DeviceLostError(info.reason || 'unknown', info.message);
    for (const listener of lostListeners) listener(message);
  });
  return handle;
}
