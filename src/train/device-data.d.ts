/**
 * A run's data on the device: training and validation features and targets, and what the
 * loss needs to know about them.
 *
 * @example
 * const data = generateLineData(backend, config);         // the lesson-2 notebook, on the GPU
 * const data = uploadData(backend, prepareData(...));    // a table prepared on the host
 */
import type { Backend, LossKind, Tensor } from '../backend';
import type { PreparedData } from './data/prepare';
import type { RunConfig } from './types';
/** The notebook's true parameters: y = 3x + 2 + U(0, 1) noise. */
export declare const LINE_TRUE_PARAMS: readonly [3, 2];
export interface DeviceData {
    trainX: Tensor;
    trainY: Tensor;
    validX: Tensor;
    validY: Tensor;
    trainRows: number;
    validRows: number;
    featureCount: number;
    loss: LossKind;
    /** Logits per row: classes for softmax, else 1. */
    outputs: number;
    /** Classes for error counting; 0 for regression. */
    classCount: number;
    /** Host copy of the validation labels, for per-class error rates. */
    validLabels: Float32Array | null;
    /** Training rows with train-size left at its default: what "more data" can give. */
    availableTrainRows: number;
    /** Cut by train-size to half or less, or under 10 rows a feature: over-fitting then calls for more data. */
    smallTrainingSet: boolean;
    /** The four tables are slices of one tensor, as the fused linear epochs need. */
    packed: boolean;
    /** Copies of the tables one after another, one per model (several seeds' splits); rows are per copy. Absent: one. */
    stacked?: number;
    /** Every tensor made for the data, released after the run. */
    owned: Tensor[];
}
/**
 * The prepared tables on the device. Regression tables are packed into one tensor (the
 * fused linear epochs can then train a model without hidden layers on them); class labels
 * are u32, so classification tables get a tensor each.
 */
export declare function uploadData(backend: Backend, prepared: PreparedData): DeviceData;
/**
 * The notebook, on the device:
 *   x = torch.ones(n, 2); x[:,0].uniform_(-1., 1)
 *   y = x @ a + torch.rand(n)        with a = (3., 2.)
 * as one fill, one strided in-place uniform, one uniform for the noise and one accumulating
 * matmul. Validation rows come from the same distribution on other streams.
 */
export declare function generateLineData(backend: Backend, config: RunConfig): DeviceData;
/** What one line data set depends on. */
export interface LineDataSpec {
    seed: number;
    trainRows: number;
}
/**
 * Several line data sets (other seeds, other training rows) as slices of one tensor, so the
 * fused epochs can train a batch of models on them in one dispatch. The data sets own
 * nothing; `owned` goes when the batch is done.
 */
export declare function generateLineTables(backend: Backend, specs: LineDataSpec[]): {
    datasets: DeviceData[];
    owned: Tensor[];
};
export declare function releaseData(backend: Backend, data: DeviceData): void;
