/**
 * The LR / momentum strip under the loss chart (fastai's `recorder.plot_lr(show_moms=True)`):
 * the schedule of the current settings, drawn before training starts and redrawn as the
 * sliders move. It shares the loss chart's x axis (same range, same axis widths) and its
 * cursor (uPlot's cursor sync), so an epoch hovered on either is the same epoch on both. The
 * momentum has its own axis on the right, labelled, whenever its curve shows.
 *
 * @example
 * import { readColors } from './loss-chart';
 * // given: const host: HTMLElement, labels: ScheduleLabels, config: RunConfig
 * const strip = new ScheduleChart(host, { labels, colors: readColors(host), lang: 'en', syncKey: 'tp0' });
 * strip.update(config);
 */
import uPlot from 'uplot';
import { formatLoss, formatLr, scheduleTable, type Language, type RunConfig } from '../engine/index';
import { LEFT_AXIS_SIZE, RIGHT_AXIS_SIZE, RIGHT_LABEL_SIZE, type ChartColors } from './loss-chart';
import { EPOCH_INCREMENTS } from './chart-data';

export interface ScheduleLabels {
  epoch: string;
  /** The curves' names in the legend. */
  lr: string;
  momentum: string;
  /** The axes' short names: "lr" and "momentum". */
  lrAxis: string;
  momentumAxis: string;
}

export const STRIP_HEIGHT = 120;
/** Steps drawn: enough for a smooth cosine whatever the run's own number of steps. */
const MIN_POINTS = 200;
/** fit_one_cycle's momentum runs between 0.95 and 0.85; Adam's constant β1 is 0.9. */
export const MOMENTUM_TICKS = [0.85, 0.9, 0.95];

/** The schedule's (epoch, lr, momentum) columns over `epochs`, each step at its fraction of the run. */
export function scheduleColumns(config: RunConfig): [number[], number[], number[]] {
  const steps = Math.max(MIN_POINTS, config.epochs);
  const table = scheduleTable(config.schedule, config.optimizer, config.maxLr, steps);
  const x = Array.from({ length: steps }, (_, i) => ((i + 1) / steps) * config.epochs);
  return [x, x.map((_, i) => table[2 * i]!), x.map((_, i) => table[2 * i + 1]!)];
}

/** Plain SGD at a constant rate has no momentum: its line would sit off the strip's scale, so neither it nor its axis shows. */
export function hasMomentum(momentum: number[]): boolean {
  return momentum.some((m) => m > 0);
}

export class ScheduleChart {
  private plot: uPlot;
  private epochs = 1;
  private maxLr = 1;
  private momentum = true;
  private key = '';
  private readonly resize: ResizeObserver;

  constructor(
    private readonly container: HTMLElement,
    /** syncKey: the loss chart's, so both share one cursor. */
    private readonly options: { labels: ScheduleLabels; colors: ChartColors; lang: Language; syncKey: string },
  ) {
    this.plot = this.create([[], [], []]);
    this.resize = new ResizeObserver(() => this.plot.setSize({ width: this.width(), height: STRIP_HEIGHT }));
    this.resize.observe(container);
  }

  /** Draws the schedule `config` would train with, over the run's own epochs as the loss chart above; the same settings draw nothing new. */
  update(config: RunConfig): void {
    const key = JSON.stringify([config.schedule, config.optimizer, config.maxLr, config.epochs]);
    if (key === this.key) return;
    this.key = key;
    this.epochs = config.epochs;
    this.maxLr = config.maxLr;
    const columns = scheduleColumns(config);
    const momentum = hasMomentum(columns[2]);
    if (momentum !== this.momentum) {
      // The momentum axis comes and goes with its curve: uPlot takes axes at creation.
      this.momentum = momentum;
      this.plot.destroy();
      this.plot = this.create(columns);
    } else {
      this.plot.setData(columns as unknown as uPlot.AlignedData);
    }
  }

  destroy(): void {
    this.resize.disconnect();
    this.plot.destroy();
  }

  private width(): number {
    return Math.max(240, Math.floor(this.container.clientWidth || 480));
  }

  private create(data: [number[], number[], number[]]): uPlot {
    const { labels, colors, lang } = this.options;
    const axis = { stroke: colors.foreground, grid: { stroke: 'rgba(127,127,127,0.2)' }, ticks: { stroke: 'rgba(127,127,127,0.3)' }, font: `11px ${colors.font}` };
    const options: uPlot.Options = {
      width: this.width(),
      height: STRIP_HEIGHT,
      series: [
        { label: labels.epoch },
        { label: labels.lr, stroke: colors.accent, width: 2, points: { show: false }, value: (_u, v) => (v == null ? '' : formatLr(v, lang)) },
        { label: labels.momentum, show: this.momentum, stroke: colors.foreground, width: 1.5, dash: [4, 3], scale: 'mom', points: { show: false } },
      ],
      cursor: { drag: { x: false, y: false }, sync: { key: this.options.syncKey } },
      scales: {
        x: { time: false, range: () => [0, this.epochs] },
        y: { range: () => [0, this.maxLr * 1.1] },
        mom: { range: [0.8, 1] },
      },
      axes: [
        // The epochs are named on the loss chart above.
        { ...axis, size: 28, incrs: EPOCH_INCREMENTS, values: (_u, ticks) => ticks.map((t) => formatLoss(t, lang)) },
        // Labelled like the loss axis above it: a label takes room, and both plots must start at the same x.
        { ...axis, label: labels.lrAxis, size: LEFT_AXIS_SIZE, splits: () => [0, this.maxLr], values: (_u, ticks) => ticks.map((t) => (t === 0 ? '0' : formatLr(t, lang))) },
        // Always the loss chart's right-hand width, so both plots end at the same x; labelled and ticked while momentum shows.
        {
          ...axis,
          scale: 'mom',
          side: 1,
          size: RIGHT_AXIS_SIZE,
          label: this.momentum ? labels.momentumAxis : '',
          labelSize: RIGHT_LABEL_SIZE,
          grid: { show: false },
          ...(this.momentum ? { splits: () => MOMENTUM_TICKS } : { ticks: { show: false }, splits: () => [] }),
          values: (_u, ticks) => ticks.map((t) => formatLoss(t, lang)),
        },
      ],
      legend: { live: false },
    };
    return new uPlot(options, data as unknown as uPlot.AlignedData, this.container);
  }
}
