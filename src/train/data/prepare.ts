/**
 * From a whole data set to the training and validation tables a run uses: a seeded 80/20
 * split, the training rows cut to `trainSize`, the minority class thinned by `imbalance`
 * and optionally oversampled back, and features standardised with training statistics only.
 * The validation set is never resampled: it measures the real distribution.
 *
 * @example
 * import { loadCancer } from './builtin';
 * // given: const config: RunConfig
 * const { train, valid } = prepareData(await loadCancer(), config, { standardize: true });
 */
import type { Backbones } from './backbones';
import { inPieces, PIECE_LENGTH } from '../../cpu/in-pieces';
import { RandomStream } from '../../cpu/rng';
import { STREAMS } from '../streams';
import type { Dataset, ImageSize, RunConfig } from '../types';

export const VALID_FRACTION = 0.2;

export interface Table {
  features: Float32Array;
  labels: Float32Array;
  rows: number;
}

export interface PreparedData {
  train: Table;
  valid: Table;
  featureCount: number;
  task: Dataset['task'];
  classCount: number;
  classNames?: string[];
  /** Training rows used / rows the split left for training (before imbalance and oversampling). */
  trainFraction: number;
  /** Rows the split leaves for training: what train-size can use at most. */
  availableTrainRows: number;
  /** Photos: each row one image of this size, channel-first (fashion.ts). */
  imageShape?: ImageSize;
  /** Photos: the bodies pretrained for them (backbones.ts). */
  backbones?: Backbones;
  /**
   * Several seeds' tables one after another (stackPrepared): each table then holds `stacked`
   * copies of `rows` rows, model m's the m-th. Absent: one.
   */
  stacked?: number;
}

/**
 * Several seeds' splits of one data set, stacked, so K models train on them in one batch,
 * model m on the m-th; null when their row counts differ (imbalance can make them).
 */
export function stackPrepared(parts: PreparedData[]): PreparedData | null {
  const [first] = parts as [PreparedData];
  if (parts.some((p) => p.train.rows !== first.train.rows || p.valid.rows !== first.valid.rows)) return null;
  const concat = (arrays: Float32Array[]) => {
    const out = new Float32Array(arrays.reduce((n, a) => n + a.length, 0));
    arrays.reduce((at, a) => (out.set(a, at), at + a.length), 0);
    return out;
  };
  const stack = (tables: Table[]): Table => ({ features: concat(tables.map((t) => t.features)), labels: concat(tables.map((t) => t.labels)), rows: tables[0]!.rows });
  return { ...first, train: stack(parts.map((p) => p.train)), valid: stack(parts.map((p) => p.valid)), stacked: parts.length };
}

/**
 * Rows `indices` of a data set, copied into a table in that order.
 *
 * @example
 * // given: const data: Dataset
 * const firstTen = take(data, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
 */
export function take(data: Dataset, indices: number[]): Table {
  const table = emptyTable(data, indices.length);
  copyRows(data, indices, table, 0, indices.length);
  return table;
}

/**
 * As take, a few MB a task (inPieces), for tables as large as fashion's photos.
 *
 * @example
 * // given: const photos: Dataset, order: number[]
 * const shuffled = await takeInPieces(photos, order);
 */
export async function takeInPieces(data: Dataset, indices: number[]): Promise<Table> {
  const table = emptyTable(data, indices.length);
  const rowsAPiece = Math.max(1, Math.floor(PIECE_LENGTH / data.featureCount));
  await inPieces(indices.length, rowsAPiece, (from, to) => copyRows(data, indices, table, from, to));
  return table;
}

function emptyTable(data: Dataset, rows: number): Table {
  return { features: new Float32Array(rows * data.featureCount), labels: new Float32Array(rows), rows };
}

/** Rows `indices[from..to)` of the data set into the same rows of `table`. */
function copyRows(data: Dataset, indices: number[], table: Table, from: number, to: number): void {
  const d = data.featureCount;
  for (let i = from; i < to; i++) {
    const row = indices[i]!;
    table.features.set(data.features.subarray(row * d, (row + 1) * d), i * d);
    table.labels[i] = data.labels[row]!;
  }
}

function countByClass(data: Dataset, indices: number[]): number[] {
  const counts = new Array<number>(data.classCount).fill(0);
  for (const i of indices) counts[data.labels[i]!]!++;
  return counts;
}

/** The least frequent class among `indices` (the lowest index on a tie). */
function minorityClass(data: Dataset, indices: number[]): number {
  const counts = countByClass(data, indices);
  return counts.indexOf(Math.min(...counts.filter((c) => c > 0)));
}

/** Keeps ceil(count / imbalance) rows of the minority class, in their shuffled order. */
function thinMinority(data: Dataset, indices: number[], imbalance: number): number[] {
  if (imbalance <= 1 || data.task !== 'classification') return indices;
  const minority = minorityClass(data, indices);
  const minorityRows = indices.filter((i) => data.labels[i] === minority);
  const keep = new Set(minorityRows.slice(0, Math.max(1, Math.ceil(minorityRows.length / imbalance))));
  return indices.filter((i) => data.labels[i] !== minority || keep.has(i));
}

/** Copies rows of every smaller class, drawn at random, until each has as many as the largest. */
function oversample(data: Dataset, indices: number[], rng: RandomStream): number[] {
  const byClass = Array.from({ length: data.classCount }, () => [] as number[]);
  for (const i of indices) byClass[data.labels[i]!]!.push(i);
  const target = Math.max(...byClass.map((rows) => rows.length));
  const result = [...indices];
  for (const rows of byClass) {
    for (let n = rows.length; n < target && rows.length > 0; n++) result.push(rows[rng.nextBelow(rows.length)]!);
  }
  return rng.shuffle(result);
}

/** Mean and standard deviation per feature over the training rows (population std; 1 where it is 0). */
export function featureStats(table: Table, featureCount: number): { mean: Float64Array; std: Float64Array } {
  const mean = new Float64Array(featureCount);
  const std = new Float64Array(featureCount);
  for (let r = 0; r < table.rows; r++) for (let f = 0; f < featureCount; f++) mean[f]! += table.features[r * featureCount + f]!;
  mean.forEach((m, f) => (mean[f] = m / table.rows));
  for (let r = 0; r < table.rows; r++) {
    for (let f = 0; f < featureCount; f++) std[f]! += (table.features[r * featureCount + f]! - mean[f]!) ** 2;
  }
  std.forEach((s, f) => (std[f] = Math.sqrt(s / table.rows) || 1));
  return { mean, std };
}

function standardize(table: Table, featureCount: number, stats: { mean: Float64Array; std: Float64Array }): void {
  for (let r = 0; r < table.rows; r++) {
    for (let f = 0; f < featureCount; f++) {
      const i = r * featureCount + f;
      table.features[i] = (table.features[i]! - stats.mean[f]!) / stats.std[f]!;
    }
  }
}

/**
 * The rows a run trains on, from `candidates` (rows of `data` in the seed's order): the first
 * `trainSize`, the minority class thinned by `imbalance`, then oversampled back when asked.
 * Apart from prepareData so that a set with a validation set of its own (fashion.ts) resamples
 * its training rows the same way.
 *
 * @example
 * // given: const data: Dataset, config: RunConfig
 * const train = take(data, trainingRows(data, [4, 0, 3, 1, 2], { ...config, trainSize: 3 })); // rows 4, 0 and 3
 */
export function trainingRows(data: Dataset, candidates: number[], config: RunConfig): number[] {
  let rows = thinMinority(data, candidates.slice(0, config.trainSize), config.imbalance);
  if (config.oversample && data.task === 'classification') {
    rows = oversample(data, rows, new RandomStream({ seed: config.seed, stream: STREAMS.resample, counter: 0 }));
  }
  return rows;
}

export function prepareData(data: Dataset, config: RunConfig, options: { standardize: boolean }): PreparedData {
  const order = new RandomStream({ seed: config.seed, stream: STREAMS.split, counter: 0 }).shuffle(
    Array.from({ length: data.rows }, (_, i) => i),
  );
  const trainCount = Math.floor(data.rows * (1 - VALID_FRACTION));
  const validIndices = order.slice(trainCount);
  const trainFraction = Math.min(trainCount, config.trainSize) / trainCount;
  const trainIndices = trainingRows(data, order.slice(0, trainCount), config);
  const train = take(data, trainIndices);
  const valid = take(data, validIndices);
  if (options.standardize) {
    const stats = featureStats(train, data.featureCount);
    standardize(train, data.featureCount, stats);
    standardize(valid, data.featureCount, stats);
  }
  return {
    train,
    valid,
    featureCount: data.featureCount,
    task: data.task,
    classCount: data.classCount,
    trainFraction,
    availableTrainRows: trainCount,
    ...(data.classNames ? { classNames: data.classNames } : {}),
  };
}
