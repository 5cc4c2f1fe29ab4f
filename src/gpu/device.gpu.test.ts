import { describe, expect, it } from 'vitest';
import { liveBufferCount } from './buffers';
import { acquireDevice, onDeviceLost, WebGpuUnavailableError } from './device';
import { GpuBackend } from './gpu-backend';
import { SHADERS, type ShaderName } from './shaders';
import { nodeGpu } from '../testing/node-webgpu';

describe('the WebGPU runtime', () => {
  it('says what to do when the browser has no WebGPU at all', async () => {
    const error = await acquireDevice(undefined).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WebGpuUnavailableError);
    expect((error as WebGpuUnavailableError).reason).toBe('no-webgpu');
    expect((error as Error).message).toMatch(/navigator\.gpu is missing/);
  });

  it('says so when WebGPU finds no adapter', async () => {
    const noAdapter = { requestAdapter: async () => null } as unknown as GPU;
    const error = await acquireDevice(noAdapter).catch((e: unknown) => e);
    expect((error as WebGpuUnavailableError).reason).toBe('no-adapter');
  });

  it('says so when the adapter refuses to create a device', async () => {
    const refusing = {
      requestAdapter: async () => ({ limits: {}, info: {}, requestDevice: async () => Promise.reject(new Error('no more devices today')) }),
    } as unknown as GPU;
    const error = await acquireDevice(refusing).catch((e: unknown) => e);
    expect((error as WebGpuUnavailableError).reason).toBe('device-failed');
    expect((error as Error).message).toMatch(/refused to create a device: Error: no more devices today/);
  });

  it('reports a kernel whose shader does not compile as a clear error on the next read, not a hang', async () => {
    const { device, description } = await acquireDevice(nodeGpu());
    const shaders = SHADERS as Record<ShaderName, string>;
    const original = shaders.surface;
    // No test in this file has compiled the surface kernel on this device: its module is made from the broken source.
    shaders.surface = `${original}\nfn broken( {`;
    try {
      const backend = new GpuBackend(device, description);
      const x = backend.tensor(4, 'x');
      const out = backend.tensor(1, 'surface');
      backend.lossSurface(x, x, 2, out, { aMin: 0, aMax: 1, bMin: 0, bMax: 1, cols: 1, rows: 1 });
      await expect(backend.read(out)).rejects.toThrow(/The "lossSurface" kernel failed to compile on this GPU: .*error/s);
      backend.dispose();
    } finally {
      shaders.surface = original;
    }
  });

  it('shares one device between callers, and names the adapter', async () => {
    const [a, b] = await Promise.all([acquireDevice(nodeGpu()), acquireDevice(nodeGpu())]);
    expect(a.device).toBe(b.device);
    expect(a.description).not.toBe('unknown adapter');
  });

  it('destroys every buffer it made on dispose', async () => {
    const { device, description } = await acquireDevice(nodeGpu());
    const before = liveBufferCount();
    const backend = new GpuBackend(device, description);
    const x = backend.tensor(1000, 'x');
    backend.fill({ tensor: x, offset: 0, stride: 1, count: 1000 }, 2);
    const sums = backend.tensor(1, 'sum');
    backend.sum(x, 1000, sums, 0, 1);
    expect((await backend.read(sums))[0]).toBe(2000);
    expect(liveBufferCount()).toBeGreaterThan(before);
    backend.dispose();
    expect(liveBufferCount()).toBe(before);
  });

  it('reuses a released buffer for the next tensor of its size instead of creating one', async () => {
    const { device, description } = await acquireDevice(nodeGpu());
    const backend = new GpuBackend(device, description);
    const first = backend.tensor(100, 'first');
    backend.fill({ tensor: first, offset: 0, stride: 1, count: 100 }, 3);
    backend.release(first);
    const live = liveBufferCount();
    const second = backend.tensor(100, 'second');
    expect(liveBufferCount()).toBe(live);
    backend.fill({ tensor: second, offset: 0, stride: 1, count: 100 }, 4);
    expect(Array.from(await backend.read(second)).every((v) => v === 4)).toBe(true);
    // A size the pool does not hold is a new buffer (the read above made a staging buffer too).
    const beforeBigger = liveBufferCount();
    const bigger = backend.tensor(1000, 'bigger');
    expect(liveBufferCount()).toBe(beforeBigger + 1);
    backend.release(bigger);
    backend.dispose();
  });

  it('reports work the GPU rejects as a readable error on the next read', async () => {
    const { device, description } = await acquireDevice(nodeGpu());
    const backend = new GpuBackend(device, description);
    const rows = 8;
    const shared = backend.tensor(rows, 'written twice');
    const nonFinite = backend.tensor(1, 'flag', 'u32');
    // The same buffer bound writable twice in one dispatch is invalid in WebGPU.
    backend.loss('mse', { logits: shared, targets: shared, grad: shared, rowLoss: shared, nonFinite }, rows, 1, 1);
    await expect(backend.read(nonFinite)).rejects.toThrow(/GPU rejected recorded work/);
    backend.dispose();
  });

  it('tells its callers when the device is lost, and hands out a new one afterwards', async () => {
    const first = await acquireDevice(nodeGpu());
    const backend = new GpuBackend(first.device, first.description);
    const heard = new Promise<string>((resolve) => {
      const stop = onDeviceLost((message) => {
        stop();
        resolve(message);
      });
    });
    first.device.destroy();
    expect(await heard).toMatch(/GPU device was lost/);
    expect(() => backend.tensor(4, 'after loss')).toThrow(/lost/);
    const second = await acquireDevice(nodeGpu());
    expect(second.device).not.toBe(first.device);
    const fresh = new GpuBackend(second.device, second.description);
    const t = fresh.tensor(4, 't');
    fresh.fill({ tensor: t, offset: 0, stride: 1, count: 4 }, 1);
    expect(Array.from(await fresh.read(t))).toEqual([1, 1, 1, 1]);
    fresh.dispose();
  });
});
