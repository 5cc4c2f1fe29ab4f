/**
 * The loss chart and the LR / momentum strip under it, kept in step with the host after each
 * of its updates: both are made when first on screen (in a task after the host's render) and
 * made anew when the task's kind, the language or the colours change (uPlot takes its colours
 * at creation: a theme or a `--tp-*` property changed means new charts); otherwise the run's history, its what-if
 * curves, the seed band and the schedule are handed to them. Both are destroyed when the host
 * leaves the page. The host renders `.root`, `.chart-host` and `.schedule-host`.
 *
 * @example
 * import type { LitElement } from 'lit';
 * // given: const host: LitElement, config: RunConfig, run: ChartRun
 * const chart = new ChartController(host, () => ({ config, run, lang: 'en' }), { syncKey: 'tp0' });
 * const png = await chart.toPNG();
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { scenarioOf, whatIfChange, whatIfLabel, type Diagnosis, type EpochStats, type Language, type RunConfig, type RunResult, type WhatIf } from '../engine/index';
import { strings } from './i18n';
import type { RunSummary } from './kept-runs';
import { LossChart, readColors, type ChartOverlay } from './loss-chart';
import { differenceLabel } from './run-differences';
import { ScheduleChart } from './schedule-chart';

/** What the chart reads of the training: the TrainingController's state. */
export interface ChartRun {
  /** The run's own settings, once one has begun. */
  config: RunConfig | null;
  running: boolean;
  history: EpochStats[];
  whatIfs: WhatIf[];
  result: RunResult | null;
  diagnosis: Diagnosis | null;
}

export interface ChartInput {
  /** The host's settings as they are now: what the chart shows before a run, and between runs. */
  config: RunConfig;
  run: ChartRun;
  lang: Language;
  /** A kept run to lay over the current one (kept-runs.ts), or none. */
  compared?: RunSummary | null;
}

/**
 * The what-if runs (ghost curves), the diagnosis citing one of them, with several seeds every
 * seed's history (the band), and a kept run to compare with, named by what differs from this run.
 */
export function chartOverlay({ config, run, lang, compared }: ChartInput): ChartOverlay {
  const ran = run.config ?? config;
  const ghosts = run.whatIfs.map((whatIf) => ({
    label: whatIfLabel(whatIf, ran, lang),
    change: whatIfChange(whatIf, ran, lang),
    whatIf,
  }));
  const against = compared ? { label: differenceLabel(compared.config, ran, lang), history: compared.history } : null;
  return { ghosts, seeds: run.result?.seedHistories ?? [], diagnosis: run.diagnosis, compared: against };
}

export class ChartController implements ReactiveController {
  private chart: LossChart | null = null;
  private strip: ScheduleChart | null = null;
  /** The charts' task kind and language, and their colours: a change makes them anew. */
  private chartKind = '';
  private colorKey = '';
  /** Set while the first charts wait for their task. */
  private made: Promise<void> | null = null;

  constructor(
    private readonly host: ReactiveControllerHost & { readonly renderRoot: ParentNode; readonly isConnected: boolean },
    private readonly input: () => ChartInput,
    private readonly options: {
      /** One element's loss chart and strip share their cursor, and no other element's. */
      syncKey: string;
      /** The epoch under the cursor, or null when it leaves. */
      onCursor?: (epoch: number | null) => void;
    },
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    // An update queued before the element left still runs: a chart made then would never be
    // destroyed, and uPlot's window listeners with it (found by e2e/load-lifetime.spec.ts).
    if (!this.host.isConnected) return;
    // The first charts are made in a task of their own, with what the host holds by then: in the
    // task of the element's first render they made one of 120-210 ms as a course page loaded.
    if (!this.chart) {
      this.made ??= new Promise((resolve) =>
        setTimeout(() => {
          this.made = null;
          if (this.host.isConnected) this.sync(this.input());
          resolve();
        }, 0),
      );
      return;
    }
    this.sync(this.input());
  }

  hostDisconnected(): void {
    this.chart?.destroy();
    this.chart = null;
    this.strip?.destroy();
    this.strip = null;
    this.chartKind = '';
  }

  /** The chart with its title and legend. */
  async toPNG(): Promise<Blob> {
    await this.made;
    if (!this.chart) throw new Error('The chart is not on screen yet.');
    return this.chart.toPNG();
  }

  private sync(input: ChartInput): void {
    const root = this.host.renderRoot.querySelector<HTMLElement>('.root');
    const chartHost = this.host.renderRoot.querySelector<HTMLElement>('.chart-host');
    if (!chartHost || !root) return;
    const { config, run, lang } = input;
    const t = strings(lang);
    const classification = scenarioOf(config).chartsErrorRate || config.data?.task === 'classification';
    const kind = `${classification}|${lang}`;
    const colors = readColors(root);
    const colorKey = JSON.stringify(colors);
    // A new kind or new colours: both charts are made anew (uPlot takes its colours at creation).
    if (kind !== this.chartKind || colorKey !== this.colorKey) {
      this.chart?.destroy();
      const labels = {
        title: t.chartTitle,
        epoch: t.epoch,
        stepLoss: t.stepLoss,
        trainLoss: t.trainLoss,
        validLoss: t.validLoss,
        errorRate: t.errorRate,
        best: t.best,
        loss: t.loss,
        seedsLow: t.seedsLow,
        seedsHigh: t.seedsHigh,
        evidence: t.evidence,
        ghostFinal: t.ghostFinal,
        ghostDiverged: t.ghostDiverged,
        compared: t.compared,
      };
      const { syncKey, onCursor } = this.options;
      this.chart = new LossChart(chartHost, { classification, labels, colors, lang, onCursor, syncKey });
      this.strip?.destroy();
      const scheduleHost = this.host.renderRoot.querySelector<HTMLElement>('.schedule-host');
      const stripLabels = { epoch: t.epoch, lr: t.lr, momentum: t.momentum, lrAxis: t.lrAxis, momentumAxis: t.momentumAxis, group: t.lrGroup };
      this.strip = scheduleHost ? new ScheduleChart(scheduleHost, { labels: stripLabels, colors, lang, syncKey }) : null;
      this.chartKind = kind;
      this.colorKey = colorKey;
    }
    const shown = run.config && run.running ? run.config : config;
    // Both x axes are the run's own epochs: a what-if that trains longer is clipped at the edge.
    this.chart!.update(run.history, chartOverlay(input), shown.epochs);
    this.strip?.update(shown);
    if (!run.running) this.chart!.flush();
  }
}
