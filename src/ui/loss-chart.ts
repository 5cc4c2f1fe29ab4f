/**
 * A thin uPlot wrapper for the loss chart: options built once, `setData` at most once a frame,
 * sized by a ResizeObserver, colours read from the host's custom properties, and a PNG with
 * the title and legend drawn in (the bare canvas has neither). The axes are the run's own:
 * what-if curves (ghosts) are clipped at the edges, with a marker and their final value
 * (ghost-layer.ts); the one the diagnosis cites is drawn bold and named "evidence". A kept run
 * laid over the run (`compare`) is drawn dotted in the run's colours, faded, named by what
 * differs; it never widens the axes either, so an earlier run that exploded leaves through the top.
 *
 * @example
 * // given: const container: HTMLElement, host: HTMLElement, labels: ChartLabels, history: EpochStats[], config: RunConfig
 * const chart = new LossChart(container, { classification: true, labels, colors: readColors(host), lang: 'en' });
 * chart.update(history, { ghosts: [], seeds: [], diagnosis: null }, config.epochs);
 * chart.destroy();
 */
import uPlot from 'uplot';
import { ContainerWidth } from './container-width';
import { formatLoss, formatLr, type Diagnosis, type EpochStats, type Language, type WhatIf } from '../engine/index';
import { chartColumnsWith, EPOCH_INCREMENTS, isDark, logRange, logTicks, runExtent, withAlpha, type Column } from './chart-data';
import { ghostLayer, type LayerGhost } from './ghost-layer';
import { citedGhost, ghostStyle } from './ghost-marks';

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
  /** The cited ghost's name in the legend: "evidence: max_lr ×10". */
  evidence: (label: string) => string;
  /** In the tip over a ghost: "final valid loss 0.31". */
  ghostFinal: (loss: string) => string;
  /** A ghost's final value when its loss went non-finite. */
  ghostDiverged: string;
  /** A compared run's curve in the legend: "train loss, earlier run: max_lr 0.01 → 0.1". */
  compared: (curve: string, label: string) => string;
}

/** A kept run laid over the current one: what differs, in words, and its epochs. */
export interface ChartCompared {
  label: string;
  history: EpochStats[];
}

/** A what-if curve: its short name, its change in words, and the run itself. */
export interface ChartGhost {
  label: string;
  change: string;
  whatIf: WhatIf;
}

/** What the chart draws beside the run: what-if curves, every seed's history, and the diagnosis citing one curve. */
export interface ChartOverlay {
  ghosts: ChartGhost[];
  seeds: EpochStats[][];
  /** The final diagnosis's cited what-if is drawn bold; null or provisional: all are faint. */
  diagnosis: Diagnosis | null;
  /** A kept run to compare with, or none. */
  compared?: ChartCompared | null;
}

const NO_OVERLAY: ChartOverlay = { ghosts: [], seeds: [], diagnosis: null };

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
 * from the run's blue and orange and the error rate's violet (no amber, sky or purple), and
 * readable on both themes' backgrounds.
 */
const GHOST_COLORS = ['#0d9488', '#db2777', '#65a30d', '#c026d3', '#0e7490', '#4d7c0f', '#be123c'];
/** The same hues, lighter (Tailwind's 400 shades), for a dark background. */
const GHOST_COLORS_DARK = ['#2dd4bf', '#f472b6', '#a3e635', '#e879f9', '#22d3ee', '#4ade80', '#fb7185'];

export const CHART_HEIGHT = 260;
/** Fixed axis widths, the same on both charts, so their plots line up epoch for epoch. */
export const LEFT_AXIS_SIZE = 56;
export const RIGHT_AXIS_SIZE = 44;
/** The right axes' label: the error rate here, the momentum on the strip; always reserved, so both plots end at the same x. */
export const RIGHT_LABEL_SIZE = 20;
/** Where the error-rate column sits in chartColumns. */
const ERROR_SERIES = 4;
/** A compared run's curves: dotted, at this alpha of the run's own colours. */
const COMPARED_DASH = [2, 4];
const COMPARED_ALPHA = 0.6;
/** The run's train and valid loss, counted from its first series (the batch loss). */
const TRAIN_OFFSET = 1;
const VALID_OFFSET = 2;

/** A series as the PNG's legend draws it. */
interface LegendEntry {
  label: string;
  color: string;
  width: number;
}

export class LossChart {
  private plot: uPlot;
  private frame = 0;
  private extent: [number | null, number | null] = [null, null];
  private pending: { history: EpochStats[]; overlay: ChartOverlay } | null = null;
  /** The overlay's series (ghost labels, the cited one, band or not): a change rebuilds the plot. */
  private overlayKey = '[]|-1|false';
  private overlay: ChartOverlay = NO_OVERLAY;
  /** The index of the ghost the final diagnosis cites, or -1. */
  private cited = -1;
  /** The legend as shown (the run's series, the what-ifs, the band), for the PNG. */
  private legend: LegendEntry[] = [];
  private readonly width: ContainerWidth;

  constructor(
    private readonly container: HTMLElement,
    private readonly options: {
      classification: boolean;
      labels: ChartLabels;
      colors: ChartColors;
      /** The element's language: every number on the chart is written in it. */
      lang: Language;
      /** The epoch under the cursor (on this chart or the strip), or null when it leaves. */
      onCursor?: (epoch: number | null) => void;
      /** Charts with the same key share their cursor: one element's loss chart and strip, no other element's. */
      syncKey?: string;
    },
  ) {
    this.width = new ContainerWidth(container, (width) => this.plot.setSize({ width, height: CHART_HEIGHT }));
    this.plot = this.create([]);
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
    const cited = citedGhost(overlay.ghosts.map((g) => g.whatIf), overlay.diagnosis);
    const key = `${JSON.stringify(overlay.ghosts.map((g) => g.label))}|${cited}|${overlay.seeds.length > 1}|${overlay.compared?.label ?? ''}`;
    const data = this.columns(history, overlay);
    this.overlay = overlay;
    if (key !== this.overlayKey) {
      this.overlayKey = key;
      this.cited = cited;
      this.plot.destroy();
      this.plot = this.create(data);
    } else {
      this.plot.setData(data);
    }
  }

  /**
   * The columns this chart has: x, the what-ifs and the compared run first (uPlot draws in series
   * order, so the run's curves lie on top of them), the run's (regression charts have no
   * error-rate series at all), the seed band; and the loss axis's extent, the run's alone.
   */
  private columns(history: EpochStats[], overlay: ChartOverlay): uPlot.AlignedData {
    const extras = { ghosts: overlay.ghosts.map((g) => g.whatIf.history), seeds: overlay.seeds, ...(overlay.compared ? { compared: overlay.compared.history } : {}) };
    const { main, ghosts, compared, band } = chartColumnsWith(history, extras);
    this.extent = runExtent(main, band);
    const [x, ...run] = main as [number[], ...Column[]];
    if (!this.options.classification) run.splice(ERROR_SERIES - 1, 1);
    return [x, ...ghosts, ...(compared ?? []), ...run, ...(band ?? [])] as uPlot.AlignedData;
  }

  /** Draws everything queued now: for a frozen final picture and for exports. */
  flush(): void {
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.draw();
  }

  /** The chart with its title and legend (wrapped to the chart's width), as a PNG. */
  async toPNG(): Promise<Blob> {
    this.flush();
    const { colors, labels } = this.options;
    const source = this.plot.ctx.canvas;
    const scale = source.width / this.plot.width || 1;
    const canvas = document.createElement('canvas');
    const titleHeight = 32 * scale;
    const lineHeight = 20 * scale;
    const ctx = canvas.getContext('2d')!;
    const font = `${12 * scale}px ${colors.font}`;
    ctx.font = font;
    // Each shown series' swatch and label, placed left to right and wrapped at the canvas's width.
    const entries: { entry: LegendEntry; x: number; line: number }[] = [];
    const hidden = new Set(this.plot.series.filter((s) => s.show === false).map((s) => String(s.label ?? '')));
    let x = 10 * scale;
    let line = 0;
    for (const entry of this.legend) {
      if (hidden.has(entry.label)) continue;
      const width = (28 + ctx.measureText(entry.label).width / scale) * scale;
      if (x > 10 * scale && x + width > source.width) [x, line] = [10 * scale, line + 1];
      entries.push({ entry, x, line });
      x += width;
    }
    canvas.width = source.width;
    canvas.height = source.height + titleHeight + (line + 1) * lineHeight + 8 * scale;
    ctx.fillStyle = colors.background;
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.fillStyle = colors.foreground;
    ctx.font = `600 ${15 * scale}px ${colors.font}`;
    ctx.fillText(labels.title, 10 * scale, 22 * scale);
    ctx.drawImage(source, 0, titleHeight);
    ctx.font = font;
    for (const { entry, x, line } of entries) {
      const y = titleHeight + source.height + 18 * scale + line * lineHeight;
      // Each swatch as thick as its line (the lowest valid loss, a point, as a square).
      const thickness = (entry.width > 0 ? Math.max(1.5, entry.width) : 8) * scale;
      ctx.fillStyle = entry.color;
      ctx.fillRect(x, y - 4 * scale - thickness / 2, 14 * scale, thickness);
      ctx.fillStyle = colors.foreground;
      ctx.fillText(entry.label, x + 20 * scale, y);
    }
    return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The chart could not be encoded as PNG.'))), 'image/png'));
  }

  destroy(): void {
    if (this.frame) cancelAnimationFrame(this.frame);
    this.width.disconnect();
    this.plot.destroy();
  }

  /**
   * The compared run's valid curve, as the ghost layer draws a what-if's: a marker and its final
   * value where it leaves the run's axes, and a tip naming it. Its series follows the what-ifs'.
   */
  private comparedGhost(): LayerGhost[] {
    const compared = this.overlay.compared;
    if (!compared) return [];
    const last = compared.history.at(-1)?.validLoss;
    const { labels, colors } = this.options;
    return [{
      name: labels.compared(labels.validLoss, compared.label),
      change: compared.label,
      finalValidLoss: last !== undefined && Number.isFinite(last) ? last : Infinity,
      history: compared.history,
      color: colors.valid,
      cited: false,
      series: 1 + this.overlay.ghosts.length + 1,
    }];
  }

  /** The what-if curves as the legend names them and the ghost layer draws them. */
  private layerGhosts(): LayerGhost[] {
    const palette = isDark(this.options.colors.background) ? GHOST_COLORS_DARK : GHOST_COLORS;
    return this.overlay.ghosts.map((g, i) => ({
      name: i === this.cited ? this.options.labels.evidence(g.label) : g.label,
      change: g.change,
      finalValidLoss: g.whatIf.finalValidLoss,
      history: g.whatIf.history,
      color: palette[i % palette.length]!,
      cited: i === this.cited,
      series: 1 + i,
    }));
  }

  private create(data: uPlot.AlignedData): uPlot {
    const { classification, labels, colors, lang } = this.options;
    const axis = { stroke: colors.foreground, grid: { stroke: 'rgba(127,127,127,0.2)' }, ticks: { stroke: 'rgba(127,127,127,0.3)' }, font: `12px ${colors.font}` };
    const ghosts = this.layerGhosts();
    // What-if runs, dashed, each named in the legend, where a click hides it: the cited one bold, the others faint.
    const ghostSeries: uPlot.Series[] = ghosts.map((g) => {
      const style = ghostStyle(g.cited);
      return { label: g.name, stroke: withAlpha(g.color, style.alpha), width: style.width, dash: style.dash, spanGaps: true, points: { show: false } };
    });
    const runSeries: uPlot.Series[] = [
      { label: labels.stepLoss, stroke: colors.train, alpha: 0.25, width: 1, spanGaps: true, points: { show: false } },
      { label: labels.trainLoss, stroke: colors.train, width: 2.5, spanGaps: true },
      { label: labels.validLoss, stroke: colors.valid, width: 2.5, spanGaps: true },
      ...(classification ? [{ label: labels.errorRate, stroke: colors.accent, width: 1.5, dash: [6, 4], spanGaps: true, scale: 'err' }] : []),
      { label: labels.best, stroke: colors.valid, fill: colors.valid, width: 0, points: { show: true, size: 11, fill: colors.valid, stroke: colors.foreground } },
    ];
    // A kept run to compare with: dotted, faded, in the run's own colours, named by what differs.
    const comparedSeries: uPlot.Series[] = this.overlay.compared
      ? [
          { label: labels.compared(labels.trainLoss, this.overlay.compared.label), stroke: withAlpha(colors.train, COMPARED_ALPHA), width: 2, dash: COMPARED_DASH, spanGaps: true, points: { show: false } },
          { label: labels.compared(labels.validLoss, this.overlay.compared.label), stroke: withAlpha(colors.valid, COMPARED_ALPHA), width: 2, dash: COMPARED_DASH, spanGaps: true, points: { show: false } },
        ]
      : [];
    const bandSeries: uPlot.Series[] =
      this.overlay.seeds.length > 1
        ? [labels.seedsLow, labels.seedsHigh].map((label) => ({ label, stroke: withAlpha(colors.valid, 0.5), width: 1, spanGaps: true, points: { show: false } }))
        : [];
    // The what-ifs and the compared run drawn first, under the run's curves; the legend names the run's first all the same.
    const beneath = [...ghostSeries, ...comparedSeries];
    const series: uPlot.Series[] = [{ label: labels.epoch }, ...beneath, ...runSeries, ...bandSeries];
    this.legend = [...runSeries, ...beneath, ...bandSeries].map((s) => ({ label: String(s.label ?? ''), color: String(s.stroke ?? colors.foreground), width: s.width ?? 1 }));
    const firstRun = 1 + beneath.length;
    const bandEdge = series.length - 1;
    const bands: uPlot.Band[] = this.overlay.seeds.length > 1 ? [{ series: [bandEdge, bandEdge - 1], fill: withAlpha(colors.valid, 0.25) }] : [];
    const options: uPlot.Options = {
      width: this.width.px,
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
      plugins: [ghostLayer({ ghosts: () => [...this.layerGhosts(), ...this.comparedGhost()], labels, lang, background: colors.background, font: colors.font, runSeries: [firstRun + TRAIN_OFFSET, firstRun + VALID_OFFSET] })],
      scales: {
        // The run's own epochs, as the strip below: a what-if that trains longer leaves through the right edge.
        x: { time: false, range: () => [0, this.epochs] },
        // The run's own losses, with a little room: a what-if that goes higher or lower leaves through the top or bottom.
        y: { distr: 3, log: 10, range: () => logRange(...this.extent) },
        err: { range: [0, 1] },
      },
      axes: [
        // Epochs in the element's language (2,5 in Portuguese), not the browser's.
        { ...axis, label: labels.epoch, incrs: EPOCH_INCREMENTS, values: (_u, ticks) => ticks.map((t) => formatLoss(t, lang)) },
        // Our own ticks, kept as they are: uPlot's log filter would drop them on a long range.
        { ...axis, label: labels.loss, size: LEFT_AXIS_SIZE, splits: (_u, _i, min, max) => logTicks(min, max), filter: (_u, splits) => splits, values: (_u, ticks) => ticks.map((t) => formatLr(t, lang)) },
        // Shown on regression charts too, empty, so this plot ends where the strip's (with its momentum axis) does.
        {
          ...axis,
          scale: 'err',
          side: 1,
          size: RIGHT_AXIS_SIZE,
          label: classification ? labels.errorRate : '',
          labelSize: RIGHT_LABEL_SIZE,
          grid: { show: false },
          ...(classification ? {} : { ticks: { show: false }, splits: () => [] }),
          values: (_u, ticks) => ticks.map((t) => `${Math.round(t * 100)}%`),
        },
      ],
      legend: { live: false },
    };
    const plot = new uPlot(options, data.length ? data : (series.map(() => []) as unknown as uPlot.AlignedData), this.container);
    this.makeLegendKeyboardOperable(plot);
    this.describeGhostsInLegend(plot, [...ghosts, ...this.comparedGhost()]);
    putGhostsAfterRun(plot, beneath.length, runSeries.length);
    return plot;
  }

  /** Each ghost's legend entry says, on hover, what it changed and where it ended. */
  private describeGhostsInLegend(plot: uPlot, ghosts: LayerGhost[]): void {
    const rows = legendRows(plot);
    const { labels, lang } = this.options;
    for (const ghost of ghosts) {
      const row = rows[ghost.series];
      if (!row) continue;
      const final = Number.isFinite(ghost.finalValidLoss) ? labels.ghostFinal(formatLoss(ghost.finalValidLoss, lang)) : labels.ghostDiverged;
      row.title = `${ghost.change} · ${final}`;
      if (ghost.cited) row.classList.add('evidence');
    }
  }

  /** uPlot's legend toggles series on click; let Enter and Space do the same from the keyboard. */
  private makeLegendKeyboardOperable(plot: uPlot): void {
    legendRows(plot).forEach((row, i) => {
      if (i === 0 || !row) return;
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

/**
 * The legend's rows by series index: a legend that is not live has no row for x (uPlot's
 * initLegendRow skips it), so its first row is series 1.
 */
function legendRows(plot: uPlot): (HTMLElement | undefined)[] {
  const rows = [...plot.root.querySelectorAll<HTMLElement>('.u-legend .u-series')];
  return rows.length === plot.series.length ? rows : [undefined, ...rows];
}

/** The legend lists the run's series first and the what-ifs (and a compared run) after them, though they are drawn first (beneath). */
function putGhostsAfterRun(plot: uPlot, ghosts: number, runSeries: number): void {
  const rows = legendRows(plot);
  const lastRun = rows[ghosts + runSeries];
  if (!ghosts || !lastRun) return;
  // uPlot keeps its own references to the rows: moving them keeps their clicks and their on/off state.
  lastRun.after(...rows.slice(1, 1 + ghosts).filter((row): row is HTMLElement => row !== undefined));
}
