/**
 * Labelled GPU buffers with a live count (so tests can see that nothing leaks), and a pool of
 * staging buffers for readback that never maps a buffer that is already in use.
 */
/** Read when called, not at import: in Node the GPU* globals arrive after this module loads. */
export declare function storageUsage(): GPUBufferUsageFlags;
/** How many buffers made here are not yet destroyed. */
export declare function liveBufferCount(): number;
export declare function createBuffer(device: GPUDevice, label: string, bytes: number, usage: GPUBufferUsageFlags, mapped?: boolean): GPUBuffer;
export declare function destroyBuffer(buffer: GPUBuffer): void;
/** A uniform buffer holding `data`, written at creation. */
export declare function createUniform(device: GPUDevice, label: string, data: ArrayBuffer): GPUBuffer;
/**
 * Staging buffers for readback: each is handed out only while unmapped and not in flight,
 * and returned after its copy has been taken.
 */
export declare class StagingPool {
    private readonly device;
    private readonly free;
    private readonly all;
    constructor(device: GPUDevice);
    acquire(bytes: number): GPUBuffer;
    release(buffer: GPUBuffer): void;
    destroy(): void;
}
/**
 * Released storage buffers, kept by size for the next tensor that needs one: a run that
 * repeats the last one's shapes (a slider moved) creates no buffer and, since bind groups
 * are keyed by buffer, no bind group either. Reuse is safe because every write and dispatch
 * goes through the one queue, in order, after the work that last used the buffer.
 */
export declare class BufferPool {
    private readonly limitBytes;
    private readonly free;
    private bytes;
    constructor(limitBytes?: number);
    take(bytes: number): GPUBuffer | undefined;
    give(buffer: GPUBuffer): void;
    destroy(): void;
}
