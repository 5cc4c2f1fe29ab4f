/**
 * A run's data on the device: training and validation features and targets, and what the
 * loss needs to know about them.
 *
 * @example
 * import { loadCancer } from './builtin';
 * import { prepareData } from './prepare';
 * // given: const backend: Backend, config: RunConfig
 * const line = generateLineData(backend, config);          // the lesson-2 notebook, on the GPU
 * const cancer = await uploadData(backend, prepareData(await loadCancer(), config, { standardize: true })); // a table prepared on the host
 */
import type { Backbones } from './backbones';
import type { Backend, LossKind, Tensor } from '../../backend';
import { inPieces, PIECE_LENGTH } from '../../cpu/in-pieces';
import { packTensors } from '../../packed-tensors';
import { featureMask } from '../../planar-geometry';
import { LINE_ROWS } from '../config';
import type { PreparedData, Table } from './prepare';
import { STREAMS } from '../streams';
import type { ImageSize, PlanarFeature, RunConfig } from '../types';

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
  /** Training rows with train-size left at its default: what "more data" can give. */
  availableTrainRows: number;
  /** Cut by train-size to half or less, or under 10 rows a feature: over-fitting then calls for more data. */
  smallTrainingSet: boolean;
  /** The four tables are slices of one tensor, as the fused linear epochs need. */
  packed: boolean;
  /** Copies of the tables one after another, one per model (several seeds' splits); rows are per copy. Absent: one. */
  stacked?: number;
  /** Photos: each row one image of this size (a CNN's input). */
  image?: ImageSize;
  /** Photos: the bodies pretrained for them, on the host (a run with `pretrained` on loads its network's). */
  backbones?: Backbones;
  /** Every tensor made for the data, released after the run. */
  owned: Tensor[];
}

function lossFor(prepared: PreparedData): { loss: LossKind; outputs: number } {
  if (prepared.task === 'regression') return { loss: 'mse', outputs: 1 };
  return prepared.classCount === 2 ? { loss: 'binary-cross-entropy', outputs: 1 } : { loss: 'softmax-cross-entropy', outputs: prepared.classCount };
}

/**
 * The prepared tables on the device. Regression tables are packed into one tensor (the
 * fused linear epochs can then train a model without hidden layers on them); class labels
 * are u32, so classification tables get a tensor each. Written a few MB a task (inPieces):
 * a write copies its values into fresh memory on the page. Where a write fails, the tables
 * made are released.
 */
export async function uploadData(backend: Backend, prepared: PreparedData): Promise<DeviceData> {
  const { loss, outputs } = lossFor(prepared);
  const classification = prepared.task === 'classification';
  const { train, valid } = prepared;
  const labels = (table: Table) => (classification ? Uint32Array.from(table.labels) : table.labels);
  const contents = [train.features, labels(train), valid.features, labels(valid)];
  const names = ['train features', 'train targets', 'valid features', 'valid targets'];
  const packed = classification ? null : packTensors(backend, contents.map((c) => c.length), 'regression data');
  const tables = packed?.parts ?? contents.map((c, i) => backend.tensor(c.length, names[i]!, c instanceof Uint32Array ? 'u32' : 'f32'));
  const owned = packed ? [packed.whole] : tables;
  try {
    for (const [i, tensor] of tables.entries()) {
      const content = contents[i]!;
      await inPieces(content.length, PIECE_LENGTH, (from, to) => backend.write(tensor, content.subarray(from, to), from));
    }
  } catch (error) {
    owned.forEach((t) => backend.release(t));
    throw error;
  }
  const [trainX, trainY, validX, validY] = tables as [Tensor, Tensor, Tensor, Tensor];
  return {
    trainX,
    trainY,
    validX,
    validY,
    trainRows: prepared.train.rows,
    availableTrainRows: prepared.availableTrainRows,
    validRows: prepared.valid.rows,
    featureCount: prepared.featureCount,
    loss,
    outputs,
    classCount: classification ? prepared.classCount : 0,
    validLabels: classification ? prepared.valid.labels : null,
    smallTrainingSet: prepared.trainFraction <= 0.5 || prepared.train.rows < 10 * prepared.featureCount,
    packed: packed !== null,
    owned,
    ...(prepared.stacked ? { stacked: prepared.stacked } : {}),
    ...(prepared.imageShape ? { image: prepared.imageShape } : {}),
    ...(prepared.backbones ? { backbones: prepared.backbones } : {}),
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
  const { datasets, owned } = generateLineTables(backend, [{ seed: config.seed, trainRows: config.trainSize }]);
  return { ...datasets[0]!, owned };
}

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
export function generateLineTables(backend: Backend, specs: LineDataSpec[]): { datasets: DeviceData[]; owned: Tensor[] } {
  const trueParams = backend.tensor(2, 'a (true)');
  backend.write(trueParams, Float32Array.from(LINE_TRUE_PARAMS));
  // One tensor for every table: the fused epochs bind them as one.
  const lengths = specs.flatMap(({ trainRows }) => [trainRows * 2, trainRows, LINE_ROWS * 2, LINE_ROWS]);
  const { whole, parts } = packTensors(backend, lengths, 'line data');
  const make = (seed: number, x: Tensor, y: Tensor, rows: number, xStream: number, noiseStream: number) => {
    backend.fill({ tensor: x, offset: 0, stride: 1, count: rows * 2 }, 1);
    backend.uniform({ tensor: x, offset: 0, stride: 2, count: rows }, -1, 1, { seed, stream: xStream, counter: 0 });
    // y is made apart and copied in: one dispatch may not read and write the same buffer.
    const noisy = backend.tensor(rows, 'line y');
    backend.uniform({ tensor: noisy, offset: 0, stride: 1, count: rows }, 0, 1, { seed, stream: noiseStream, counter: 0 });
    backend.matmul(x, trueParams, noisy, { m: rows, n: 1, k: 2, accumulate: true });
    backend.copy(noisy, y);
    backend.release(noisy);
  };
  const datasets = specs.map(({ seed, trainRows }, i): DeviceData => {
    const [trainX, trainY, validX, validY] = parts.slice(4 * i, 4 * i + 4) as [Tensor, Tensor, Tensor, Tensor];
    make(seed, trainX, trainY, trainRows, STREAMS.lineTrainX, STREAMS.lineTrainNoise);
    make(seed, validX, validY, LINE_ROWS, STREAMS.lineValidX, STREAMS.lineValidNoise);
    return {
      trainX,
      trainY,
      validX,
      validY,
      trainRows,
      validRows: LINE_ROWS,
      availableTrainRows: LINE_ROWS,
      featureCount: 2,
      loss: 'mse',
      outputs: 1,
      classCount: 0,
      validLabels: null,
      smallTrainingSet: trainRows < 10 * 2,
      packed: true,
      owned: [],
    };
  });
  return { datasets, owned: [whole, trueParams] };
}

/**
 * A planar data set's points (x1, x2) turned into the run's features on the device: each
 * table's x becomes rows × features. The points stay owned until the data goes (a write
 * into a buffer reused at once could land before the kernel has read it).
 */
export function planarFeatureTables(backend: Backend, data: DeviceData, features: readonly PlanarFeature[]): DeviceData {
  const mask = featureMask(features);
  const copies = data.stacked ?? 1;
  const expand = (points: Tensor, rows: number, label: string) => {
    const out = backend.tensor(copies * rows * features.length, label);
    backend.planarFeatures({ tensor: points, rows: copies * rows }, out, mask);
    return out;
  };
  const trainX = expand(data.trainX, data.trainRows, 'train features');
  const validX = expand(data.validX, data.validRows, 'valid features');
  return { ...data, trainX, validX, featureCount: features.length, owned: [...data.owned, trainX, validX] };
}

export function releaseData(backend: Backend, data: DeviceData): void {
  for (const t of data.owned) backend.release(t);
}
