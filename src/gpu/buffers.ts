/**
 * Labelled GPU buffers with a live count (so tests can see that nothing leaks), and a pool of
 * staging buffers for readback that never maps a buffer that is already in use.
 */

/** Read when called, not at import: in Node the GPU* globals arrive after this module loads. */
export function storageUsage(): GPUBufferUsageFlags {
  return GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC | GPUBufferUsage.COPY_DST;
}

let liveBuffers = 0;

/** How many buffers made here are not yet destroyed. */
export function liveBufferCount(): number {
  return liveBuffers;
}

/** Storage bindings must be non-empty and sizes multiples of 4; 16 keeps every kind happy. */
function paddedSize(bytes: number): number {
  return Math.max(16, Math.ceil(bytes / 16) * 16);
}

export function createBuffer(device: GPUDevice, label: string, bytes: number, usage: GPUBufferUsageFlags, mapped = false): GPUBuffer {
  const size = paddedSize(bytes);
  const buffer = device.createBuffer({ label, size, usage, mappedAtCreation: mapped });
  liveBuffers++;
  return buffer;
}

export function destroyBuffer(buffer: GPUBuffer): void {
  buffer.destroy();
  liveBuffers--;
}

/** A uniform buffer holding `data`, written at creation. */
export function createUniform(device: GPUDevice, label: string, data: ArrayBuffer): GPUBuffer {
  const buffer = createBuffer(device, label, data.byteLength, GPUBufferUsage.UNIFORM, true);
  new Uint8Array(buffer.getMappedRange()).set(new Uint8Array(data));
  buffer.unmap();
  return buffer;
}

/**
 * Staging buffers for readback: each is handed out only while unmapped and not in flight,
 * and returned after its copy has been taken.
 */
export class StagingPool {
  private readonly free: GPUBuffer[] = [];
  private readonly all = new Set<GPUBuffer>();

  constructor(private readonly device: GPUDevice) {}

  acquire(bytes: number): GPUBuffer {
    const index = this.free.findIndex((b) => b.size >= bytes && b.mapState === 'unmapped');
    if (index >= 0) return this.free.splice(index, 1)[0]!;
    const size = 2 ** Math.ceil(Math.log2(Math.max(bytes, 256)));
    const buffer = createBuffer(this.device, `staging ${size} B`, size, GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST);
    this.all.add(buffer);
    return buffer;
  }

  release(buffer: GPUBuffer): void {
    this.free.push(buffer);
  }

  destroy(): void {
    for (const buffer of this.all) destroyBuffer(buffer);
    this.all.clear();
    this.free.length = 0;
  }
}

/**
 * Released storage buffers, kept by size for the next tensor that needs one: a run that
 * repeats the last one's shapes (a slider moved) creates no buffer and, since bind groups
 * are keyed by buffer, no bind group either. Reuse is safe because every write and dispatch
 * goes through the one queue, in order, after the work that last used the buffer.
 */
export class BufferPool {
  private readonly free = new Map<number, GPUBuffer[]>();
  private bytes = 0;

  constructor(private readonly limitBytes = 64 * 1024 * 1024) {}

  take(bytes: number): GPUBuffer | undefined {
    const size = paddedSize(bytes);
    const buffer = this.free.get(size)?.pop();
    if (buffer) this.bytes -= size;
    return buffer;
  }

  give(buffer: GPUBuffer): void {
    if (this.bytes + buffer.size > this.limitBytes) {
      destroyBuffer(buffer);
      return;
    }
    const list = this.free.get(buffer.size) ?? [];
    list.push(buffer);
    this.free.set(buffer.size, list);
    this.bytes += buffer.size;
  }

  destroy(): void {
    for (const list of this.free.values()) list.forEach(destroyBuffer);
    this.free.clear();
    this.bytes = 0;
  }
}
