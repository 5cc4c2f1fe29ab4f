/**
 * `npm run bench -- --scaling`: how the cost of an epoch grows with the work. The line with
 * 10² … 10⁶ rows (full batch, one step an epoch), and the digits-shaped MLP 64-w-10 with
 * w = 128 … 1024 and batches of 64, 256, 1024 on synthetic data (2,048 rows, 64 features,
 * 10 classes). Each point is a run of EPOCHS epochs after one untimed run of the same
 * settings, divided by its epochs: setup (data, weights, pipelines already compiled) included.
 */
import type { Engine } from '../src/engine/index';
import type { Dataset, RunConfig } from '../src/train/types';
import { prepareData, type PreparedData } from '../src/train/data/prepare';
import { defaultConfig } from '../src/train/config';
import { lineData, type LineData, type Timing } from './workloads';

/** A peer's two scaling workloads (TF.js's or jax-js's), run on the backend it has set up. */
export interface ScalingPeer {
  line(data: LineData, steps: number): Promise<Timing>;
  mlp(data: PreparedData, hidden: number, batch: number, epochs: number): Promise<Timing>;
}

export const SCALING_LINE_ROWS = [1e2, 1e3, 1e4, 1e5, 1e6];
export const MLP_WIDTHS = [128, 256, 512, 1024];
export const MLP_BATCHES = [64, 256, 1024];
const EPOCHS = 10;
const MLP_ROWS = 2048;

export interface ScalingRow {
  series: 'line' | 'mlp';
  contender: string;
  /** Rows (line) or the hidden width (MLP). */
  size: number;
  batch: number;
  /** Multiply-adds ×2 an epoch: forward, backward and update of the training steps and the validation pass. */
  flops: number;
  steps: number;
  msPerEpoch: number;
}

/** Synthetic data of the digits' shape, the same for every contender (a fixed LCG, not Math.random). */
export function syntheticDigits(): Dataset {
  let state = 12345;
  const next = () => ((state = (state * 1103515245 + 12345) >>> 0) / 2 ** 32);
  const features = Float32Array.from({ length: MLP_ROWS * 64 }, next);
  const labels = Float32Array.from({ length: MLP_ROWS }, () => Math.floor(next() * 10));
  return { features, rows: MLP_ROWS, featureCount: 64, labels, task: 'classification', classCount: 10 };
}

function mlpWork(width: number, batch: number, trainRows: number, validRows: number): { flops: number; steps: number } {
  const perRow = 2 * (64 * width + width * 10);
  const steps = Math.floor(trainRows / Math.min(batch, trainRows));
  return { flops: 3 * perRow * steps * Math.min(batch, trainRows) + perRow * validRows, steps };
}

async function perEpoch(run: () => Promise<unknown>): Promise<number> {
  await run();
  const start = performance.now();
  await run();
  return (performance.now() - start) / EPOCHS;
}

/** Ours through `engine`, else the peer. */
export async function scaling(contender: string, engine: Engine | null, peer: ScalingPeer | null, say: (line: string) => void): Promise<ScalingRow[]> {
  const rows: ScalingRow[] = [];
  const add = (row: Omit<ScalingRow, 'contender'>) => {
    rows.push({ ...row, contender });
    say(`scaling ${row.series} ${row.size}${row.series === 'mlp' ? ` b${row.batch}` : ''} ${contender}: ${row.msPerEpoch.toFixed(2)} ms/epoch`);
  };
  for (const n of SCALING_LINE_ROWS) {
    // Rows × (forward 2 + gradient 4 + update) ≈ 12 flops, and the 100 validation rows.
    const work = { flops: 12 * n + 4 * 100, steps: 1 };
    const config: Partial<RunConfig> = { scenario: 'line', trainSize: n, epochs: EPOCHS, maxLr: 0.1, schedule: 'constant', optimizer: 'sgd' };
    const data = engine ? null : lineData(n);
    const ms = await perEpoch(() => (engine ? engine.train(config, { whatIf: false }) : peer!.line(data!, EPOCHS)));
    add({ series: 'line', size: n, batch: n, ...work, msPerEpoch: ms });
  }
  const dataset = syntheticDigits();
  const prepared = prepareData(dataset, { ...defaultConfig('custom'), seed: 0 }, { standardize: false });
  for (const batch of MLP_BATCHES) {
    for (const width of MLP_WIDTHS) {
      const work = mlpWork(width, batch, prepared.train.rows, prepared.valid.rows);
      const config: Partial<RunConfig> = { scenario: 'custom', data: dataset, hidden: [width], batchSize: batch, epochs: EPOCHS, maxLr: 3e-3, schedule: 'constant', optimizer: 'adam' };
      const ms = await perEpoch(() => (engine ? engine.train(config, { whatIf: false }) : peer!.mlp(prepared, width, batch, EPOCHS)));
      add({ series: 'mlp', size: width, batch, ...work, msPerEpoch: ms });
    }
  }
  return rows;
}
