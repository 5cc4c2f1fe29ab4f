/**
 * The LR / momentum strip under the loss chart (fastai's `recorder.plot_lr(show_moms=True)`):
 * the schedule of the current settings, drawn before training starts and redrawn as the
 * sliders move. It shares the loss chart's x axis (same range, same axis widths) and its
 * cursor (uPlot's cursor sync), so an epoch hovered on either is the same epoch on both. The
 * momentum has its own axis on the right, labelled, whenever its curve shows. A photo model
 * unfrozen with a slice trains each layer group at its own rate: one curve per group (the
 * head's the solid one), on a log scale so that 1e-6 and 1e-4 both show.
 *
 * @example
 * import { readColors } from './loss-chart';
 * // given: const host: HTMLElement, labels: ScheduleLabels, config: RunConfig
 * const strip = new ScheduleChart(host, { labels, colors: readColors(host), lang: 'en', syncKey: 'tp0' });
 * strip.update(config);
 */
import uPlot from 'uplot';
import { ContainerWidth } from './container-width';
import { formatLoss, formatLr, groupMaxLrs, scheduleTable, type Language, type RunConfig } from '../engine/index';
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
  /** A body group's curve in the legend: "group 1". */
  group: (n: number) => string;
}

export const STRIP_HEIGHT = 120;
/** Steps drawn: enough for a smooth cosine whatever the run's own number of steps. */
const MIN_POINTS = 200;
/** fit_one_cycle's momentum runs between 0.95 and 0.85; Adam's constant β1 is 0.9. */
export const MOMENTUM_TICKS = [0.85, 0.9, 0.95];

/** The schedule's (epoch, lr, momentum) columns over `epochs`, each step at its fraction of the run, then each body group's lr where the groups' rates differ (groupMaxLrs). */
export function scheduleColumns(config: RunConfig): number[][] {
  const steps = Math.max(MIN_POINTS, config.epochs);
  const table = scheduleTable(config.schedule, config.optimizer, config.maxLr, steps);
  const x = Array.from({ length: steps }, (_, i) => ((i + 1) / steps) * config.epochs);
  const lr = x.map((_, i) => table[2 * i]!);
  // One-cycle is linear in max_lr: a group's curve is the head's scaled by its rate.
  const groups = (groupMaxLrs(config) ?? []).slice(0, -1).map((rate) => lr.map((v) => (v * rate) / config.maxLr));
  return [x, lr, x.map((_, i) => table[2 * i + 1]!), ...groups];
}

/** The lowest lr the log scale shows: the smallest group's peak ÷ 1000 (one-cycle's end lies far below). */
const LOG_FLOOR = 1e-3;

/** Plain SGD at a constant rate has no momentum: its line would sit off the strip's scale, so neither it nor its axis shows. */
export function hasMomentum(momentum: number[]): boolean {
  return momentum.some((m) => m > 0);
}

export class ScheduleChart {
  private plot: uPlot;
  private epochs = 1;
  private maxLr = 1;
  private momentum = true;
  /** Body groups drawn (0: one curve on a linear scale). */
  private groups = 0;
  private minLr = 1;
  private key = '';
  private readonly width: ContainerWidth;

  constructor(
    private readonly container: HTMLElement,
    /** syncKey: the loss chart's, so both share one cursor. */
    private readonly options: { labels: ScheduleLabels; colors: ChartColors; lang: Language; syncKey: string },
  ) {
    this.width = new ContainerWidth(container, (width) => this.plot.setSize({ width, height: STRIP_HEIGHT }));
    this.plot = this.create([[], [], []]);
  }

  /** Draws the schedule `config` would train with, over the run's own epochs as the loss chart above; the same settings draw nothing new. */
  update(config: RunConfig): void {
    const key = JSON.stringify([config.schedule, config.optimizer, config.maxLr, config.epochs, groupMaxLrs(config)]);
    if (key === this.key) return;
    this.key = key;
    this.epochs = config.epochs;
    this.maxLr = config.maxLr;
    const columns = scheduleColumns(config);
    const momentum = hasMomentum(columns[2]!);
    const groups = columns.length - 3;
    this.minLr = groups > 0 ? Math.min(...columns.slice(3).map((c) => Math.max(...c))) : this.maxLr;
    if (momentum !== this.momentum || groups !== this.groups) {
      // The momentum axis comes and goes with its curve, and a group's curve with its group: uPlot takes series and axes at creation.
      this.momentum = momentum;
      this.groups = groups;
      this.plot.destroy();
      this.plot = this.create(columns);
    } else {
      this.plot.setData(columns as unknown as uPlot.AlignedData);
    }
  }

  destroy(): void {
    this.width.disconnect();
    this.plot.destroy();
  }

  private create(data: number[][]): uPlot {
    const { labels, colors, lang } = this.options;
    const axis = { stroke: colors.foreground, grid: { stroke: 'rgba(127,127,127,0.2)' }, ticks: { stroke: 'rgba(127,127,127,0.3)' }, font: `11px ${colors.font}` };
    const options: uPlot.Options = {
      width: this.width.px,
      height: STRIP_HEIGHT,
      series: [
        { label: labels.epoch },
        { label: labels.lr, stroke: colors.accent, width: 2, points: { show: false }, value: (_u, v) => (v == null ? '' : formatLr(v, lang)) },
        { label: labels.momentum, show: this.momentum, stroke: colors.foreground, width: 1.5, dash: [4, 3], scale: 'mom', points: { show: false } },
        ...Array.from({ length: this.groups }, (_, g) => ({ label: labels.group(g + 1), stroke: colors.accent, width: 1, dash: [2, 2 + 2 * g], points: { show: false }, value: (_u: uPlot, v: number | null) => (v == null ? '' : formatLr(v, lang)) })),
      ],
      cursor: { drag: { x: false, y: false }, sync: { key: this.options.syncKey } },
      scales: {
        x: { time: false, range: () => [0, this.epochs] },
        y: this.groups > 0 ? { distr: 3, range: () => [this.minLr * LOG_FLOOR, this.maxLr * 2] } : { range: () => [0, this.maxLr * 1.1] },
        mom: { range: [0.8, 1] },
      },
      axes: [
        // The epochs are named on the loss chart above.
        { ...axis, size: 28, incrs: EPOCH_INCREMENTS, values: (_u, ticks) => ticks.map((t) => formatLoss(t, lang)) },
        // Labelled like the loss axis above it: a label takes room, and both plots must start at the same x.
        { ...axis, label: labels.lrAxis, size: LEFT_AXIS_SIZE, splits: () => (this.groups > 0 ? [this.minLr, this.maxLr] : [0, this.maxLr]), values: (_u, ticks) => ticks.map((t) => (t === 0 ? '0' : formatLr(t, lang))) },
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
