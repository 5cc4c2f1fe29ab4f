/**
 * A run's data on the device: training and validation features and targets, and what the
 * loss needs to know about them.
 *
 * @example
 * const data = generateLineData(backend, config);         // the lesson-2 notebook, on the GPU
 * const data = uploadData(backend, prepareData(...));    // a table prepared on the host
 */
import type { Backend, LossKind, Tensor } from '../backend';
import { LINE_ROWS } from './config';
import type { PreparedData, Table } from './data/prepare';
import { STREAMS } from './streams';
import type { RunConfig } from './types';

/** The notebook's true parameters: y = 3x + 2 + U(0, 1) noise. */
export const LINE_TRUE_PARAMS = [3, 2] as const;

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
  /** Cut by train-size to half or less, or under 10 rows a feature: over-fitting then calls for more data. */
  smallTrainingSet: boolean;
  /** Every tensor made for the data, released after the run. */
  owned: Tensor[];
}

function lossFor(prepared: PreparedData): { loss: LossKind; outputs: number } {
  if (prepared.task === 'regression') return { loss: 'mse', outputs: 1 };
  return prepared.classCount === 2 ? { loss: 'binary-cross-entropy', outputs: 1 } : { loss: 'softmax-cross-entropy', outputs: prepared.classCount };
}

export function uploadData(backend: Backend, prepared: PreparedData): DeviceData {
  const { loss, outputs } = lossFor(prepared);
  const classification = prepared.task === 'classification';
  const upload = (table: Table, name: string): [Tensor, Tensor] => {
    const x = backend.tensor(table.features.length, `${name} features`);
    backend.write(x, table.features);
    const y = backend.tensor(table.rows, `${name} targets`, classification ? 'u32' : 'f32');
    backend.write(y, classification ? Uint32Array.from(table.labels) : table.labels);
    return [x, y];
  };
  const [trainX, trainY] = upload(prepared.train, 'train');
  const [validX, validY] = upload(prepared.valid, 'valid');
  return {
    trainX,
    trainY,
    validX,
    validY,
    trainRows: prepared.train.rows,
    validRows: prepared.valid.rows,
    featureCount: prepared.featureCount,
    loss,
    outputs,
    classCount: classification ? prepared.classCount : 0,
    validLabels: classification ? prepared.valid.labels : null,
    smallTrainingSet: prepared.trainFraction <= 0.5 || prepared.train.rows < 10 * prepared.featureCount,
    owned: [trainX, trainY, validX, validY],
  };
}

/**
 * The notebook, on the device:
 *   x = torch.ones(n, 2); x[:,0].uniform_(-1., 1)
 *   y = x @ a + torch.rand(n)        with a = (3., 2.)
 * as one fill, one strided in-place uniform, one uniform for the noise and one accumulating
 * matmul. Validation rows come from the same distribution on other streams.
 */
export function generateLineData(backend: Backend, config: RunConfig): DeviceData {
  const trueParams = backend.tensor(2, 'a (true)');
  backend.write(trueParams, Float32Array.from(LINE_TRUE_PARAMS));
  const make = (rows: number, xStream: number, noiseStream: number, name: string): [Tensor, Tensor] => {
    const x = backend.tensor(rows * 2, `${name} x`);
    backend.fill({ tensor: x, offset: 0, stride: 1, count: rows * 2 }, 1);
    backend.uniform({ tensor: x, offset: 0, stride: 2, count: rows }, -1, 1, { seed: config.seed, stream: xStream, counter: 0 });
    const y = backend.tensor(rows, `${name} y`);
    backend.uniform({ tensor: y, offset: 0, stride: 1, count: rows }, 0, 1, { seed: config.seed, stream: noiseStream, counter: 0 });
    backend.matmul(x, trueParams, y, { m: rows, n: 1, k: 2, accumulate: true });
    return [x, y];
  };
  const trainRows = config.trainSize;
  const [trainX, trainY] = make(trainRows, STREAMS.lineTrainX, STREAMS.lineTrainNoise, 'train');
  const [validX, validY] = make(LINE_ROWS, STREAMS.lineValidX, STREAMS.lineValidNoise, 'valid');
  return {
    trainX,
    trainY,
    validX,
    validY,
    trainRows,
    validRows: LINE_ROWS,
    featureCount: 2,
    loss: 'mse',
    outputs: 1,
    classCount: 0,
    validLabels: null,
    smallTrainingSet: trainRows < 10 * 2,
    owned: [trainX, trainY, validX, validY, trueParams],
  };
}

export function releaseData(backend: Backend, data: DeviceData): void {
  for (const t of data.owned) backend.release(t);
}
