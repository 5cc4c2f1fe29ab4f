/**
 * A thin uPlot wrapper for the loss chart: options built once, `setData` at most once a frame,
 * sized by a ResizeObserver, colours read from the host's custom properties, and a PNG with
 * the title and legend drawn in (the bare canvas has neither).
 *
 * @example
 * const chart = new LossChart(container, host, { classification: true, labels });
 * chart.update(history);
 * chart.destroy();
 */
import uPlot from 'uplot';
import { formatLr, type EpochStats } from '../train/engine';
import { chartColumnsWith, decadeSplits, logRange, lossExtent, withAlpha, type Column } from './chart-data';

export interface ChartLabels {
  title: string;
  epoch: string;
  stepLoss: string;
  trainLoss: string;
  validLoss: string;
  errorRate: string;
  best: string;
  loss: string;
  /** The seed band's edges in the legend. */
  seedsLow: string;
  seedsHigh: string;
}

/** What the chart draws beside the run: labelled what-if curves and every seed's history. */
export interface ChartOverlay {
  ghosts: { label: string; history: EpochStats[] }[];
  seeds: EpochStats[][];
}

const NO_OVERLAY: ChartOverlay = { ghosts: [], seeds: [] };

export interface ChartColors {
  train: string;
  valid: string;
  accent: string;
  foreground: string;
  background: string;
  font: string;
}

const FALLBACK: ChartColors = {
  train: '#2563eb',
  valid: '#ea580c',
  accent: '#7c3aed',
  foreground: '#1f2937',
  background: '#ffffff',
  font: 'system-ui, sans-serif',
};

/**
 * The colours in force on `element`: styles.ts resolves each --tp-* property, or the theme's
 * default, into a private --_* property, so this reads the value after the theme applied.
 */
export function readColors(element: Element): ChartColors {
  const style = getComputedStyle(element);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    train: read('--_train', FALLBACK.train),
    valid: read('--_valid', FALLBACK.valid),
    accent: read('--_accent', FALLBACK.accent),
    foreground: read('--_fg', FALLBACK.foreground),
    background: read('--_bg', FALLBACK.background),
    font: read('--_font', FALLBACK.font),
  };
}

/**
 * The what-if curves' hues, one each in the order they arrive (÷10, ×10, 3× epochs, …): apart
 * from the run's blue and orange, and readable on both themes' backgrounds.
 */
const GHOST_COLORS = ['#0d9488', '#db2777', '#65a30d', '#ca8a04', '#0284c7', '#9333ea', '#64748b'];

export const CHART_HEIGHT = 260;
/** Fixed axis widths, the same on both charts, so their plots line up epoch for epoch. */
export const LEFT_AXIS_SIZE = 56;
export const RIGHT_AXIS_SIZE = 44;
/** Where the error-rate column sits in chartColumns. */
const ERROR_SERIES = 4;


export class LossChart {
  private plot: uPlot;
  private frame = 0;
  private extent: [number | null, number | null] = [null, null];
  private pending: { history: EpochStats[]; overlay: ChartOverlay } | null = null;
  /** The overlay's series (ghost labels, band or not): a change rebuilds the plot. */
  private overlayKey = '[]|false';
  private overlay: ChartOverlay = NO_OVERLAY;
  private readonly resize: ResizeObserver;

  constructor(
    private readonly container: HTMLElement,
    private readonly options: {
      classification: boolean;
      labels: ChartLabels;
      colors: ChartColors;
      /** The epoch under the cursor (on this chart or the strip), or null when it leaves. */
      onCursor?: (epoch: number | null) => void;
      /** Charts with the same key share their cursor: one element's loss chart and strip, no other element's. */
      syncKey?: string;
    },
  ) {
    this.plot = this.create([]);
    this.resize = new ResizeObserver(() => this.plot.setSize({ width: this.width(), height: CHART_HEIGHT }));
    this.resize.observe(container);
  }

  /** The run's length: the x axis spans it from the start, whatever has been trained so far. */
  private epochs = 1;

  /** Queues the history (and what is drawn beside it) for the next animation frame; only the latest is drawn. */
  update(history: EpochStats[], overlay: ChartOverlay = NO_OVERLAY, epochs = history.length): void {
    this.pending = { history, overlay };
    this.epochs = Math.max(1, epochs);
    this.frame ||= requestAnimationFrame(() => {
      this.frame = 0;
      this.draw();
    });
  }

  private draw(): void {
    if (!this.pending) return;
    const { history, overlay } = this.pending;
    this.pending = null;
    const key = `${JSON.stringify(overlay.ghosts.map((g) => g.label))}|${overlay.seeds.length > 1}`;
    const data = this.columns(history, overlay);
    if (key !== this.overlayKey) {
      this.overlayKey = key;
      this.overlay = overlay;
      this.plot.destroy();
      this.plot = this.create(data);
    } else {
      this.plot.setData(data);
    }
  }

  /** The columns this chart has (regression charts have no error-rate series at all), and the loss axis's extent. */
  private columns(history: EpochStats[], overlay: ChartOverlay): uPlot.AlignedData {
    const { main, ghosts, band } = chartColumnsWith(history, { ghosts: overlay.ghosts.map((g) => g.history), seeds: overlay.seeds });
    const beside: Column[] = [...ghosts, ...(band ?? [])];
    this.extent = lossExtent(main, beside);
    const columns: unknown[] = [...main];
    if (!this.options.classification) columns.splice(ERROR_SERIES, 1);
    return [...columns, ...beside] as uPlot.AlignedData;
  }

  /** Draws everything queued now: for a frozen final picture and for exports. */
  flush(): void {
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.draw();
  }

  /** The chart with its title and legend, as a PNG. */
  async toPNG(): Promise<Blob> {
    this.flush();
    const { colors, labels } = this.options;
    const source = this.plot.ctx.canvas;
    const scale = source.width / this.plot.width || 1;
    const canvas = document.createElement('canvas');
    const titleHeight = 32 * scale;
    const legendHeight = 28 * scale;
    canvas.width = source.width;
    canvas.height = source.height + titleHeight + legendHeight;
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = colors.background;
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.fillStyle = colors.foreground;
    ctx.font = `600 ${15 * scale}px ${colors.font}`;
    ctx.fillText(labels.title, 10 * scale, 22 * scale);
    ctx.drawImage(source, 0, titleHeight);
    let x = 10 * scale;
    const y = titleHeight + source.height + 18 * scale;
    ctx.font = `${12 * scale}px ${colors.font}`;
    for (const series of this.plot.series.slice(1)) {
      if (series.show === false) continue;
      ctx.fillStyle = typeof series.stroke === 'function' ? colors.foreground : String(series.stroke ?? colors.foreground);
      ctx.fillRect(x, y - 8 * scale, 14 * scale, 4 * scale);
      ctx.fillStyle = colors.foreground;
      const label = String(series.label ?? '');
      ctx.fillText(label, x + 20 * scale, y);
      x += (28 + ctx.measureText(label).width / scale) * scale;
    }
    return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The chart could not be encoded as PNG.'))), 'image/png'));
  }

  destroy(): void {
    if (this.frame) cancelAnimationFrame(this.frame);
    this.resize.disconnect();
    this.plot.destroy();
  }

  private width(): number {
    return Math.max(240, Math.floor(this.container.clientWidth || 480));
  }

  private create(data: uPlot.AlignedData): uPlot {
    const { classification, labels, colors } = this.options;
    const axis = { stroke: colors.foreground, grid: { stroke: 'rgba(127,127,127,0.2)' }, ticks: { stroke: 'rgba(127,127,127,0.3)' }, font: `12px ${colors.font}` };
    const series: uPlot.Series[] = [
      { label: labels.epoch },
      { label: labels.stepLoss, stroke: colors.train, alpha: 0.25, width: 1, spanGaps: true, points: { show: false } },
      { label: labels.trainLoss, stroke: colors.train, width: 2, spanGaps: true },
      { label: labels.validLoss, stroke: colors.valid, width: 2, spanGaps: true },
      ...(classification ? [{ label: labels.errorRate, stroke: colors.accent, width: 1.5, dash: [6, 4], spanGaps: true, scale: 'err' }] : []),
      { label: labels.best, stroke: colors.valid, fill: colors.valid, width: 0, points: { show: true, size: 11, fill: colors.valid, stroke: colors.foreground } },
      // What-if runs: faint, dashed, each named in the legend, where a click hides it.
      ...this.overlay.ghosts.map((g, i) => ({
        label: g.label,
        stroke: withAlpha(GHOST_COLORS[i % GHOST_COLORS.length]!, 0.7),
        width: 1.5,
        dash: [5, 4],
        spanGaps: true,
        points: { show: false },
      })),
      ...(this.overlay.seeds.length > 1
        ? [labels.seedsLow, labels.seedsHigh].map((label) => ({ label, stroke: withAlpha(colors.valid, 0.5), width: 1, spanGaps: true, points: { show: false } }))
        : []),
    ];
    const bandEdge = series.length - 1;
    const bands: uPlot.Band[] = this.overlay.seeds.length > 1 ? [{ series: [bandEdge, bandEdge - 1], fill: withAlpha(colors.valid, 0.25) }] : [];
    const options: uPlot.Options = {
      width: this.width(),
      height: CHART_HEIGHT,
      series,
      bands,
      cursor: { drag: { x: false, y: false }, ...(this.options.syncKey ? { sync: { key: this.options.syncKey } } : {}) },
      hooks: {
        setCursor: [
          (u) => {
            const idx = u.cursor.idx;
            const epoch = idx == null ? null : (u.data[0][idx] ?? null);
            this.options.onCursor?.(epoch);
          },
        ],
      },
      scales: {
        // From the start to the run's end (or a longer what-if's), as the strip below.
        x: { time: false, range: (_u, _min, max) => [0, Math.max(this.epochs, max ?? 0)] },
        // Guarded first (no data, zero, a flat line), then snapped to decades as uPlot's log axis expects.
        y: { distr: 3, log: 10, range: () => uPlot.rangeLog(...logRange(...this.extent), 10, true) as uPlot.Range.MinMax },
        err: { range: [0, 1] },
      },
      axes: [
        { ...axis, label: labels.epoch },
        // Our own decades, kept as they are: uPlot's log filter would drop them on a long range.
        { ...axis, label: labels.loss, size: LEFT_AXIS_SIZE, splits: (_u, _i, min, max) => decadeSplits(min, max), filter: (_u, splits) => splits, values: (_u, ticks) => ticks.map((t) => formatLr(t)) },
        { ...axis, scale: 'err', side: 1, show: classification, size: RIGHT_AXIS_SIZE, grid: { show: false }, values: (_u, ticks) => ticks.map((t) => `${Math.round(t * 100)}%`) },
      ],
      legend: { live: false },
    };
    const plot = new uPlot(options, data.length ? data : (series.map(() => []) as unknown as uPlot.AlignedData), this.container);
    this.makeLegendKeyboardOperable(plot);
    return plot;
  }

  /** uPlot's legend toggles series on click; let Enter and Space do the same from the keyboard. */
  private makeLegendKeyboardOperable(plot: uPlot): void {
    plot.root.querySelectorAll<HTMLElement>('.u-legend .u-series').forEach((row, i) => {
      if (i === 0) return;
      row.tabIndex = 0;
      row.setAttribute('role', 'button');
      const sync = () => row.setAttribute('aria-pressed', String(plot.series[i]?.show !== false));
      sync();
      row.addEventListener('keydown', (event) => {
        if (event.key !== 'Enter' && event.key !== ' ') return;
        event.preventDefault();
        plot.setSeries(i, { show: plot.series[i]?.show === false });
        sync();
      });
      row.addEventListener('click', () => queueMicrotask(sync));
    });
  }
}
