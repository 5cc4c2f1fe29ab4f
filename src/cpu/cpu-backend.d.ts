import { type AdamSettings, type CopyRange, type Backend, type DType, type LinearEpochShape, type LinearEpochTensors, type LossKind, type LossTensors, type MatmulShape, type ModelBatch, type OptimizerBatch, type OptimizerTensors, type RandomPosition, type StridedView, type SurfaceGrid, type Tensor, type TensorRange } from '../backend';
export declare class CpuBackend implements Backend {
    readonly kind: "cpu";
    readonly description = "CPU (TypeScript)";
    readonly flopsPerSecond = 1000000000;
    private step;
    tensor(length: number, label: string, dtype?: DType): Tensor;
    slice(parent: Tensor, offset: number, length: number, label: string): Tensor;
    write(tensor: Tensor, data: Float32Array | Uint32Array, offset?: number): void;
    copy(source: Tensor, target: Tensor, range?: CopyRange): void;
    read(tensor: Tensor): Promise<Float32Array>;
    readRanges(ranges: TensorRange[]): Promise<Float32Array[]>;
    readWords(tensor: Tensor): Promise<Uint32Array>;
    release(): void;
    fill(view: StridedView, value: number): void;
    uniform(view: StridedView, lo: number, hi: number, at: RandomPosition): void;
    randomWords(view: StridedView, at: RandomPosition): void;
    matmul(a: Tensor, b: Tensor, out: Tensor, shape: MatmulShape): void;
    reluBackward(gradOut: Tensor, activation: Tensor, gradIn: Tensor, count: number): void;
    sumRows(x: Tensor, rows: number, cols: number, out: Tensor, scale: number, batch?: ModelBatch): void;
    sum(x: Tensor, count: number, out: Tensor, index: number, scale: number, atStep?: boolean, batch?: ModelBatch): void;
    gatherRows(source: Tensor, order: Tensor, out: Tensor, rows: number, cols: number, stepsPerEpoch: number): void;
    loss(kind: LossKind, t: LossTensors, rows: number, classes: number, scale: number, rowsPerModel?: number): void;
    countErrors(logits: Tensor, labels: Tensor, wrong: Tensor, rows: number, classes: number): void;
    sgd(t: OptimizerTensors, count: number, weightDecay: number, batch?: OptimizerBatch): void;
    adamw(t: OptimizerTensors, count: number, s: AdamSettings, batch?: OptimizerBatch): void;
    /** Runs `update` on each model's parameters that is still training, with its (lr, momentum), and raises its flag when it says so. */
    private eachModel;
    linearSgdEpochs(t: LinearEpochTensors, shape: LinearEpochShape): void;
    lossSurface(x: Tensor, y: Tensor, rows: number, out: Tensor, grid: SurfaceGrid): void;
    setStep(step: number): void;
    advanceStep(): void;
    flush(): void;
    dispose(): void;
}
