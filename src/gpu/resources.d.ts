export interface GpuResources {
    /** Buffers made and not yet destroyed (pooled ones included). */
    buffers: number;
    /** WebGPU backends not yet disposed: one per engine on the GPU. */
    backends: number;
    /** Pipelines compiled since the page loaded. */
    pipelines: number;
    /** Devices asked for since the page loaded. */
    devices: number;
}
export declare function gpuResources(): GpuResources;
