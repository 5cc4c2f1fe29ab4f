/**
 * The availability ladder for WebGPU, and the one GPUDevice a page shares: several
 * <training-playground> elements on a page use one device, and a lost device is replaced
 * on the next request.
 *
 * @example
 * const { device, description } = await acquireDevice();   // navigator.gpu in a page
 * onDeviceLost((message) => console.warn(message));
 */
export type WebGpuUnavailableReason = 'no-webgpu' | 'no-adapter' | 'device-failed';
/** Why WebGPU cannot be used here, worded for the person who has to act on it. */
export declare class WebGpuUnavailableError extends Error {
    readonly reason: WebGpuUnavailableReason;
    constructor(reason: WebGpuUnavailableReason, message: string);
}
export interface SharedDevice {
    device: GPUDevice;
    /** Adapter vendor and description, e.g. "google: SwiftShader Device (Subzero)". */
    description: string;
}
/** Devices this page has asked for: one, unless a device was lost and replaced. */
export declare function deviceCount(): number;
/** Called with a readable message whenever the shared device is lost. */
export declare function onDeviceLost(listener: (message: string) => void): () => void;
/** The page's shared device, created on first use. Pass `gpu` where there is no navigator.gpu (Node). */
export declare function acquireDevice(gpu?: GPU | undefined): Promise<SharedDevice>;
