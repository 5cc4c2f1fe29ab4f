/**
 * From a run's history to uPlot's aligned columns. x counts epochs, with each mini-batch at
 * its fraction of the epoch, so the per-step loss and the per-epoch curves share one axis.
 * Nothing uPlot cannot draw on a log scale gets through: non-finite and non-positive
 * values become null (gaps).
 *
 * @example
 * // given: const history: EpochStats[]
 * const [x, steps, train, valid, errors, best] = chartColumns(history);
 */
import type { EpochStats } from '../engine/index';

export type Column = (number | null)[];

export function positiveOrNull(value: number | null | undefined): number | null {
  return value !== null && value !== undefined && Number.isFinite(value) && value > 0 ? value : null;
}

function finiteOrNull(value: number | null | undefined): number | null {
  return value !== null && value !== undefined && Number.isFinite(value) ? value : null;
}

/** [x, step loss, train loss, valid loss, error rate, lowest valid loss]. */
export type MainColumns = [number[], Column, Column, Column, Column, Column];

/** What is drawn beside the run: what-if runs' valid losses, and the band of several seeds' valid losses. */
export interface ChartExtras {
  ghosts: EpochStats[][];
  /** Every seed's history, the run's own among them; a band needs two or more. */
  seeds: EpochStats[][];
  /** A kept run laid over this one (kept-runs.ts): its train and valid losses. */
  compared?: EpochStats[];
}

/** The columns beside the run's: what-ifs, the compared run's train and valid loss, the seed band. */
export interface ExtraColumns {
  main: MainColumns;
  ghosts: Column[];
  compared: [train: Column, valid: Column] | null;
  band: [Column, Column] | null;
}

/**
 * The run's columns, then one valid-loss column per ghost, the compared run's train and valid
 * losses, then the seed band's lowest and highest valid loss per epoch. Epochs past the run's
 * end (a ghost with 3× the epochs) get x values of their own, where the run's columns are null.
 */
export function chartColumnsWith(history: EpochStats[], extras: ChartExtras): ExtraColumns {
  const main = chartColumns(history);
  const [x] = main;
  const longest = Math.max(history.length, ...extras.ghosts.map((g) => g.length), ...extras.seeds.map((s) => s.length), extras.compared?.length ?? 0);
  for (let epoch = history.length + 1; epoch <= longest; epoch++) {
    x.push(epoch);
    for (const column of main.slice(1) as Column[]) column.push(null);
  }
  // Each epoch's end is at x = epoch: that is where per-epoch values go.
  const atEpoch = new Map<number, number>();
  x.forEach((value, i) => Number.isInteger(value) && atEpoch.set(value, i));
  const perEpoch = (values: (h: EpochStats) => number | null, runs: EpochStats[]) => {
    const column: Column = x.map(() => null);
    for (const h of runs) {
      const i = atEpoch.get(h.epoch);
      if (i !== undefined) column[i] = positiveOrNull(values(h));
    }
    return column;
  };
  const ghosts = extras.ghosts.map((g) => perEpoch((h) => h.validLoss, g));
  const run = extras.compared;
  const compared: ExtraColumns['compared'] = run ? [perEpoch((h) => h.trainLoss, run), perEpoch((h) => h.validLoss, run)] : null;
  if (extras.seeds.length < 2) return { main, ghosts, compared, band: null };
  const lo: Column = x.map(() => null);
  const hi: Column = x.map(() => null);
  for (const [epoch, i] of atEpoch) {
    const values = extras.seeds.map((s) => s[epoch - 1]?.validLoss).filter((v): v is number => v !== undefined && Number.isFinite(v) && v > 0);
    if (values.length < 2) continue;
    lo[i] = Math.min(...values);
    hi[i] = Math.max(...values);
  }
  return { main, ghosts, compared, band: [lo, hi] };
}

export function chartColumns(history: EpochStats[]): MainColumns {
  const x: number[] = [];
  const steps: Column = [];
  const train: Column = [];
  const valid: Column = [];
  const errors: Column = [];
  const best: Column = [];
  let bestIndex = -1;
  let bestValue = Infinity;
  for (const stats of history) {
    const losses = stats.stepLosses?.length ? stats.stepLosses : [stats.trainLoss];
    losses.forEach((loss, s) => {
      const last = s === losses.length - 1;
      x.push(stats.epoch - 1 + (s + 1) / losses.length);
      steps.push(positiveOrNull(loss));
      train.push(last ? positiveOrNull(stats.trainLoss) : null);
      valid.push(last ? positiveOrNull(stats.validLoss) : null);
      errors.push(last ? finiteOrNull(stats.errorRate) : null);
      best.push(null);
      if (last && Number.isFinite(stats.validLoss) && stats.validLoss < bestValue) {
        bestValue = stats.validLoss;
        bestIndex = x.length - 1;
      }
    });
  }
  if (bestIndex >= 0) best[bestIndex] = positiveOrNull(bestValue);
  return [x, steps, train, valid, errors, best];
}

/** A log-scale range that never collapses or goes non-positive, with a little room above and below the curves. */
export function logRange(min: number | null, max: number | null): [number, number] {
  if (min === null || max === null || !(min > 0) || !(max > 0) || !Number.isFinite(min) || !Number.isFinite(max)) return [1e-2, 10];
  if (max / min < 1.5) return [min / 1.5, max * 1.5];
  return [min / 1.2, max * 1.2];
}

/** Decades the loss axis shows above the lowest epoch loss: a diverging curve leaves through the top. */
export const MAX_DECADES = 6;

/** How far the run's batch losses and its seed band may widen the loss axis beyond its epoch losses, each way. */
export const NOISE_DECADES = 1;

/**
 * The loss axis's extent, from the run alone: its per-epoch train and valid losses decide it,
 * widened by its batch losses and its seeds' band by NOISE_DECADES at most, so a single batch
 * loss of 1e-13 cannot squash the curves a learner reads, and a run exploding to 1e35 shows
 * its curve leaving the chart rather than a flat line at the bottom of 36 decades. What-if
 * runs never widen it, nor does a compared kept run: a ghost that goes higher or lower is
 * clipped at the edge, with a marker (ghost-marks.ts).
 */
export function runExtent(columns: MainColumns, band: [Column, Column] | null = null): [number | null, number | null] {
  const present = (list: Column) => list.filter((v): v is number => v !== null);
  const epochs = present([...columns[2], ...columns[3]]);
  const noise = present([...columns[1], ...(band ? [...band[0], ...band[1]] : [])]);
  const base = epochs.length ? epochs : noise;
  if (!base.length) return [null, null];
  const lo = Math.min(...base);
  const hi = Math.min(Math.max(...base), lo * 10 ** MAX_DECADES);
  if (!noise.length) return [lo, hi];
  const top = Math.min(Math.max(hi, ...noise), hi * 10 ** NOISE_DECADES, lo * 10 ** MAX_DECADES);
  return [Math.max(Math.min(lo, ...noise), lo / 10 ** NOISE_DECADES), top];
}

/**
 * Ticks for a log axis over [min, max], about six at most: powers of ten when three or more
 * fit (a diverging run spans 36 decades, and uPlot's own log splits then label none), else
 * 1, 2 and 5 of each decade, else every digit, else evenly spaced values: a run whose losses
 * span less than a decade still gets numbers to read its curves against.
 */
export function logTicks(min: number, max: number): number[] {
  if (!(min > 0) || !(max > min) || !Number.isFinite(max)) return [];
  const decades = decadeSplits(min, max);
  if (decades.length >= 3) return decades;
  for (const mantissas of [[1, 2, 5], [1, 2, 3, 4, 5, 6, 7, 8, 9]]) {
    const ticks = mantissaTicks(min, max, mantissas);
    if (ticks.length >= 3 && ticks.length <= 7) return ticks;
  }
  return evenTicks(min, max);
}

/** Powers of ten inside [min, max], thinned to about six. */
export function decadeSplits(min: number, max: number): number[] {
  if (!(min > 0) || !(max > min)) return [];
  const first = Math.ceil(Math.log10(min) - 1e-9);
  const last = Math.floor(Math.log10(max) + 1e-9);
  const step = Math.max(1, Math.ceil((last - first + 1) / 6));
  const splits: number[] = [];
  for (let e = first; e <= last; e += step) splits.push(Number(`1e${e}`));
  return splits;
}

/** m·10^e inside [min, max] for each mantissa m, written exactly (2e-3, not 0.0020000000000000005). */
function mantissaTicks(min: number, max: number, mantissas: number[]): number[] {
  const ticks: number[] = [];
  for (let e = Math.floor(Math.log10(min)); e <= Math.ceil(Math.log10(max)); e++) {
    for (const m of mantissas) {
      const tick = Number(`${m}e${e}`);
      if (tick >= min * (1 - 1e-9) && tick <= max * (1 + 1e-9)) ticks.push(tick);
    }
  }
  return ticks;
}

/** About four evenly spaced round values inside [min, max]. */
function evenTicks(min: number, max: number): number[] {
  const rough = (max - min) / 4;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? 10 * magnitude;
  const ticks: number[] = [];
  for (let k = Math.ceil(min / step); k * step <= max; k++) ticks.push(Number((k * step).toPrecision(12)));
  return ticks;
}

/** A colour's red, green and blue: hex colours (what the themes use) and rgb() (what a page may set), else a neutral grey. */
function channels(color: string): number[] {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color.trim());
  const rgb = /^rgba?\(\s*(\d+)[\s,]+(\d+)[\s,]+(\d+)/i.exec(color.trim());
  return hex ? hex.slice(1).map((h) => parseInt(h, 16)) : rgb ? rgb.slice(1).map(Number) : [127, 127, 127];
}

/** `color` at `alpha`. */
export function withAlpha(color: string, alpha: number): string {
  const [r, g, b] = channels(color);
  return `rgba(${r},${g},${b},${alpha})`;
}

/** A dark background (WCAG relative luminance under 0.2): the what-if curves take their lighter hues on it. */
export function isDark(background: string): boolean {
  const [r, g, b] = channels(background).map((c) => {
    const v = c / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b! < 0.2;
}

/** Tick steps for an epoch axis: whole epochs only (uPlot would pick 2.5 on a 20-epoch run). */
export const EPOCH_INCREMENTS = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10000];
