/**
 * The LR / momentum strip under the loss chart (fastai's `recorder.plot_lr(show_moms=True)`):
 * the schedule of the current settings, drawn before training starts and redrawn as the
 * sliders move. It shares the loss chart's x axis (same range, same axis widths) and its
 * cursor (uPlot's cursor sync), so an epoch hovered on either is the same epoch on both.
 *
 * @example
 * const strip = new ScheduleChart(host, { labels, colors, classification: false, syncKey: 'tp0' });
 * strip.update(config);
 */
import uPlot from 'uplot';
import { formatLr, scheduleTable, type RunConfig } from '../train/engine';
import { LEFT_AXIS_SIZE, RIGHT_AXIS_SIZE, type ChartColors } from './loss-chart';

export interface ScheduleLabels {
  epoch: string;
  lr: string;
  momentum: string;
}

export const STRIP_HEIGHT = 120;
/** Steps drawn: enough for a smooth cosine whatever the run's own number of steps. */
const MIN_POINTS = 200;

/** The schedule's (epoch, lr, momentum) columns over `epochs`, each step at its fraction of the run. */
export function scheduleColumns(config: RunConfig): [number[], number[], number[]] {
  const steps = Math.max(MIN_POINTS, config.epochs);
  const table = scheduleTable(config.schedule, config.optimizer, config.maxLr, steps);
  const x = Array.from({ length: steps }, (_, i) => ((i + 1) / steps) * config.epochs);
  return [x, x.map((_, i) => table[2 * i]!), x.map((_, i) => table[2 * i + 1]!)];
}

export class ScheduleChart {
  private plot: uPlot;
  private epochs = 1;
  private maxLr = 1;
  private key = '';
  private readonly resize: ResizeObserver;

  constructor(
    private readonly container: HTMLElement,
    /** syncKey: the loss chart's, so both share one cursor. */
    private readonly options: { labels: ScheduleLabels; colors: ChartColors; classification: boolean; syncKey: string },
  ) {
    this.plot = this.create();
    this.resize = new ResizeObserver(() => this.plot.setSize({ width: this.width(), height: STRIP_HEIGHT }));
    this.resize.observe(container);
  }

  /** Draws the schedule `config` would train with; the same settings draw nothing new. */
  update(config: RunConfig, xMax = config.epochs): void {
    const key = JSON.stringify([config.schedule, config.optimizer, config.maxLr, config.epochs, xMax]);
    if (key === this.key) return;
    this.key = key;
    this.epochs = xMax;
    this.maxLr = config.maxLr;
    const columns = scheduleColumns(config);
    this.plot.setData(columns as unknown as uPlot.AlignedData);
    // Plain SGD at a constant rate has no momentum: its line would sit off the strip's scale, so it is shown as off.
    this.plot.setSeries(2, { show: columns[2].some((m) => m > 0) });
  }

  destroy(): void {
    this.resize.disconnect();
    this.plot.destroy();
  }

  private width(): number {
    return Math.max(240, Math.floor(this.container.clientWidth || 480));
  }

  private create(): uPlot {
    const { labels, colors, classification } = this.options;
    const axis = { stroke: colors.foreground, grid: { stroke: 'rgba(127,127,127,0.2)' }, ticks: { stroke: 'rgba(127,127,127,0.3)' }, font: `11px ${colors.font}` };
    const options: uPlot.Options = {
      width: this.width(),
      height: STRIP_HEIGHT,
      series: [
        { label: labels.epoch },
        { label: labels.lr, stroke: colors.accent, width: 2, points: { show: false }, value: (_u, v) => (v == null ? '' : formatLr(v)) },
        { label: labels.momentum, stroke: colors.foreground, width: 1.5, dash: [4, 3], scale: 'mom', points: { show: false } },
      ],
      cursor: { drag: { x: false, y: false }, sync: { key: this.options.syncKey } },
      scales: {
        x: { time: false, range: () => [0, this.epochs] },
        y: { range: () => [0, this.maxLr * 1.1] },
        mom: { range: [0.8, 1] },
      },
      axes: [
        // The epochs are named on the loss chart above.
        { ...axis, size: 28 },
        // Labelled like the loss axis above it (fastai's short name): a label takes room, and both plots must start at the same x.
        { ...axis, label: 'lr', size: LEFT_AXIS_SIZE, splits: () => [0, this.maxLr], values: (_u, ticks) => ticks.map((t) => (t === 0 ? '0' : formatLr(t))) },
        // Only where the loss chart has its error-rate axis, so both plots keep the same width.
        { ...axis, scale: 'mom', side: 1, show: classification, size: RIGHT_AXIS_SIZE, grid: { show: false } },
      ],
      legend: { live: false },
    };
    return new uPlot(options, [[], [], []], this.container);
  }
}
