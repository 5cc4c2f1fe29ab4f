/**
 * The Backend on WebGPU. Operations are recorded as dispatches into one compute pass and
 * submitted only when something must leave the device (a read) or the host must write, so
 * a training epoch is one command buffer. Uniforms and bind groups are cached by content:
 * the dispatches of step t + 1 reuse those of step t, and nothing is created per step.
 *
 * @example
 * const { device, description } = await acquireDevice();
 * const backend = new GpuBackend(device, description);
 * const c = backend.tensor(m * n, 'c');
 * backend.matmul(a, b, c, { m, n, k });
 * const values = await backend.read(c);
 */
import { type AdamSettings, type CopyRange, type Backend, type DType, type LinearEpochShape, type LinearEpochTensors, type LossKind, type LossTensors, type MatmulShape, type ModelBatch, type OptimizerBatch, type OptimizerTensors, type RandomPosition, type StridedView, type SurfaceGrid, type Tensor, type TensorRange } from '../backend';
/** Which matmul kernel to run: chosen by size ('auto'), or forced, for checks and benchmarks. */
export type MatmulStrategy = 'auto' | 'tiled' | 'direct';
/** WebGPU backends made and not yet disposed: one per engine, so one per element on the GPU. */
export declare function liveBackendCount(): number;
export declare class GpuBackend implements Backend {
    readonly device: GPUDevice;
    readonly description: string;
    readonly kind: "webgpu";
    matmulStrategy: MatmulStrategy;
    private readonly cpuEmulated;
    /** SwiftShader's matmuls run at 1.4–2 GFLOP/s here; a real GPU, even a small integrated one, 20 or more. */
    readonly flopsPerSecond: number;
    private encoder;
    private pass;
    private readonly uniforms;
    private readonly bindGroups;
    private readonly tensors;
    private readonly staging;
    private readonly pool;
    private readonly step;
    private disposed;
    private readonly errors;
    /** Set once the device is lost: this backend is then unusable and a new one is needed. */
    lostMessage: string | null;
    /** Resolves with lostMessage when the device is lost. */
    readonly lost: Promise<string>;
    constructor(device: GPUDevice, description: string);
    tensor(length: number, label: string, dtype?: DType): Tensor;
    slice(parent: Tensor, offset: number, length: number, label: string): Tensor;
    write(tensor: Tensor, data: Float32Array | Uint32Array, offset?: number): void;
    copy(source: Tensor, target: Tensor, range?: CopyRange): void;
    read(tensor: Tensor): Promise<Float32Array>;
    readWords(tensor: Tensor): Promise<Uint32Array>;
    /**
     * Copies every range into one staging buffer behind the recorded work, submits once and
     * maps once. The staging buffers come from a pool, so several readbacks can be in flight
     * while the next epoch is already being recorded.
     */
    readRanges(ranges: TensorRange[]): Promise<Float32Array[]>;
    release(tensor: Tensor): void;
    fill(view: StridedView, value: number): void;
    uniform(view: StridedView, lo: number, hi: number, at: RandomPosition): void;
    randomWords(view: StridedView, at: RandomPosition): void;
    matmul(a: Tensor, b: Tensor, out: Tensor, shape: MatmulShape): void;
    private matmulKernel;
    reluBackward(gradOut: Tensor, activation: Tensor, gradIn: Tensor, count: number): void;
    sumRows(x: Tensor, rows: number, cols: number, out: Tensor, scale: number, batch?: ModelBatch): void;
    sum(x: Tensor, count: number, out: Tensor, index: number, scale: number, atStep?: boolean, batch?: ModelBatch): void;
    gatherRows(source: Tensor, order: Tensor, out: Tensor, rows: number, cols: number, stepsPerEpoch: number): void;
    loss(kind: LossKind, t: LossTensors, rows: number, classes: number, scale: number, rowsPerModel?: number): void;
    countErrors(logits: Tensor, labels: Tensor, wrong: Tensor, rows: number, classes: number): void;
    sgd(t: OptimizerTensors, count: number, weightDecay: number, batch?: OptimizerBatch): void;
    adamw(t: OptimizerTensors, count: number, s: AdamSettings, batch?: OptimizerBatch): void;
    /** One model unless batched: then each model's schedule stride and length, every slot written. */
    private optimizerParams;
    linearSgdEpochs(t: LinearEpochTensors, shape: LinearEpochShape): void;
    lossSurface(x: Tensor, y: Tensor, rows: number, out: Tensor, g: SurfaceGrid): void;
    setStep(step: number): void;
    advanceStep(): void;
    flush(): void;
    dispose(): void;
    /** The encoder recorded work goes into, begun on first use after a submit. */
    private commandEncoder;
    private endPass;
    private allocate;
    private randomParams;
    private own;
    private assertUsable;
    private dispatch;
    private uniformFor;
    private submit;
}
