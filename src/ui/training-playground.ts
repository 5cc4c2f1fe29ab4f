/** The <training-playground> element; its documentation is on the class. */
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { defineOnce } from './define';
import {
  CsvError,
  formatLoss,
  formatLr,
  parseCsv,
  resolveConfig,
  type ActivationName,
  type BackendChoice,
  type Dataset,
  type Diagnosis,
  type EngineResources,
  type EpochStats,
  type Language,
  type LrFindResult,
  type OptimizerName,
  type PlanarFeature,
  type RegularizationName,
  type RunConfig,
  type RunResult,
  type Scenario,
  type ScheduleName,
  type WhatIf,
  leastSquaresLine,
  parameterPath,
  whatIfChange,
  whatIfLabel,
} from '../train/engine';
import { ATTRIBUTE_OF, fastaiCall, parseControls } from './control-values';
import { renderControls, type ControlProperty } from './controls';
import { loadEngine } from './engine-loader';
import { emit } from './events';
import { resolveLanguage, strings, type Strings } from './i18n';
import { LossChart, readColors, type ChartOverlay } from './loss-chart';
import { styles } from './styles';
import { TrainingController } from './training-controller';
import { classErrorsView } from './views/class-errors-view';
import { digitsView } from './views/digits-view';
import { ScheduleChart } from './schedule-chart';
import { SurfacePictures } from './surface-picture';
import { SPEEDS, VIEWS, type LinePanel, type Speed, type View } from './views/line-panel';
import './views/line-panel';
import { lrFindView } from './views/lr-find-view';
import { planarView } from './views/planar-view';
import './views/network-diagram';

export type Theme = 'light' | 'dark' | 'auto';
const THEMES: Theme[] = ['light', 'dark', 'auto'];
const BACKENDS: BackendChoice[] = ['auto', 'webgpu', 'cpu'];
export type WhatIfSetting = 'on' | 'off';
const WHAT_IF_SETTINGS: WhatIfSetting[] = ['on', 'off'];
/** Properties whose change means a new run. */
const TRAINING_PROPERTIES = [
  'scenario', 'epochs', 'maxLr', 'optimizer', 'schedule', 'batchSize', 'trainSize', 'hiddenLayers', 'imbalance', 'oversample', 'seed', 'seeds', 'whatIf',
  'noise', 'activation', 'regularization', 'regRate', 'features',
] as const;

let nextId = 0;
/** A message above the controls: a setting replaced, data that failed, the GPU reset, a run refused. */
interface Notice {
  kind: 'setting' | 'data' | 'gpu' | 'training';
  text: string;
}
/** How long a `src` server may take to answer before the element gives up and says so. */
export const LOAD_TIMEOUT_MS = 15_000;

/**
 * @tagname training-playground
 *
 * `<training-playground>`: train a model in the page and watch train and valid loss, with the
 * lesson-2 diagnosis of what went wrong. Trains when connected (and visible) and again after
 * every change, unless `manual`.
 *
 * @example
 * ```html
 * <training-playground scenario="digits" epochs="8" max-lr="3e-3" controls="epochs max-lr lr-find"></training-playground>
 * ```
 *
 * @fires train-start - detail: the resolved RunConfig
 * @fires epoch-end - detail: EpochStats
 * @fires train-end - detail: RunResult (the main run's, with the provisional diagnosis)
 * @fires diagnosis - detail: Diagnosis, the final one, once the what-if runs have spoken
 * @fires playground-error - detail: { code, message }
 * @csspart controls - the sliders and inputs
 * @csspart chart - the loss chart
 * @csspart view - the scenario's own picture
 * @csspart diagnosis - what went wrong, in words
 * @csspart code - the equivalent fastai call
 * @cssprop --tp-train-color - train loss
 * @cssprop --tp-valid-color - valid loss
 * @cssprop --tp-accent - buttons, sliders, error rate
 * @cssprop --tp-background - the element's background
 * @cssprop --tp-foreground - text and axes
 * @cssprop --tp-font-family - every text, the chart's included
 */

export class TrainingPlayground extends LitElement {
  static override styles = styles;

  /**
   * What to train: `line` (lesson 2's SGD from scratch), `digits`, `cancer`, `custom` (a CSV
   * from `src`), or TensorFlow Playground's `circle`, `xor`, `gauss`, `spiral`.
   */
  @property({ reflect: true }) scenario: Scenario = 'line';
  /** Passes over the training data (1–1000); the scenario's default when unset. */
  @property({ type: Number, reflect: true }) epochs?: number;
  /** The largest learning rate of the schedule (fastai's `max_lr`). */
  @property({ attribute: 'max-lr', type: Number, reflect: true }) maxLr?: number;
  /** `sgd` (with momentum under one-cycle) or `adam` (AdamW, as fastai). */
  @property({ reflect: true }) optimizer?: OptimizerName;
  /** `one-cycle` (fastai's `fit_one_cycle`) or `constant` (the notebook's plain steps). */
  @property({ reflect: true }) schedule?: ScheduleName;
  /** Rows a step; larger than the training set means the whole set (full batch). */
  @property({ attribute: 'batch-size', type: Number, reflect: true }) batchSize?: number;
  /** Training rows used, fewer to see what more data would do. */
  @property({ attribute: 'train-size', type: Number, reflect: true }) trainSize?: number;
  /** The `hidden` attribute: layer widths. (HTMLElement.hidden is the boolean hiding property.) */
  @property({ attribute: 'hidden', reflect: true }) hiddenLayers?: string;
  /** cancer: keep 1/n of the minority class, to see imbalance at work. */
  @property({ type: Number, reflect: true }) imbalance?: number;
  /** Oversample the minority class back to balance. */
  @property({ type: Boolean, reflect: true }) oversample = false;
  /** The data, weights and shuffles come from it: the same seed gives the same run (and pixels). */
  @property({ type: Number, reflect: true }) seed?: number;
  /** Seeds trained side by side (1–16): the chart draws the band of their valid losses. */
  @property({ type: Number, reflect: true }) seeds?: number;
  /** circle, xor, gauss, spiral: noise in the points, 0–50 (%). */
  @property({ type: Number, reflect: true }) noise?: number;
  /** The hidden layers' activation: `relu`, `tanh`, `sigmoid` or `linear`. */
  @property({ reflect: true }) activation?: ActivationName;
  /** A penalty on the weights: `none`, `l1` or `l2`. */
  @property({ reflect: true }) regularization?: RegularizationName;
  /** The penalty's weight λ, 0–10. */
  @property({ attribute: 'reg-rate', type: Number, reflect: true }) regRate?: number;
  /** circle, xor, gauss, spiral: the inputs, space-separated from `x1 x2 x1sq x2sq x1x2 sin1 sin2`. */
  @property({ reflect: true }) features?: string;
  /** `on`: after each run, test the advice with what-if runs and show them as faint dashed curves. */
  @property({ attribute: 'what-if', reflect: true }) whatIf: WhatIfSetting = 'on';
  /** Train only on the Train button or `train()`, not on every change. */
  @property({ type: Boolean, reflect: true }) manual = false;
  /** `auto` (WebGPU, else the CPU), `webgpu` or `cpu`. */
  @property({ reflect: true }) backend: BackendChoice = 'auto';
  /** The controls shown, space-separated: epochs max-lr optimizer schedule batch-size train-size hidden imbalance oversample seed scenario lr-find, and for the planar scenarios noise activation regularization reg-rate features step reset. */
  @property({ reflect: true }) controls = 'epochs max-lr';
  /** `light`, `dark`, or `auto` (the reader's preference). */
  @property({ reflect: true }) theme: Theme = 'light';
  /** line's picture: `data` (the points and the fitted line) or `parameters` (the loss surface and the optimiser's path). */
  @property({ reflect: true }) view: View = 'data';
  /** How line's picture replays a run: `1` (a 100-epoch run over about 2 s), `4`, or `instant`. */
  @property({ reflect: true }) speed: Speed = '1';
  /** A CSV to train on with `scenario="custom"`: a header row, numeric features, the target last. */
  @property({ reflect: true }) src?: string;
  /** `en` or `pt-BR`; unset, the page's language. */
  @property() override lang = '';

  @state() private notices: Notice[] = [];
  @state() private customData: Dataset | null = null;
  /** The CSV being fetched for `src`, while it is. */
  @state() private loading: { url: string; done: Promise<void> } | null = null;
  private loadAbort: AbortController | null = null;
  @state() private prefersDark = false;
  /** The planar picture shows the validation points too. */
  @state() private showValid = false;
  /** The planar picture in the predicted classes' colours only. */
  @state() private discrete = false;
  @state() private copied = false;
  @query('.chart-host') private chartHost?: HTMLElement;
  @query('.schedule-host') private scheduleHost?: HTMLElement;
  @query('tp-line-panel') private linePanel?: LinePanel;
  @query('.root') private root?: HTMLElement;

  private readonly training = new TrainingController(
    this,
    () => ({ backend: this.resolvedBackend, lang: this.language, whatIf: this.whatIf !== 'off' }),
    (kind, text) => this.notify(kind, text),
  );
  private readonly idPrefix = `tp${nextId++}`;
  private chart: LossChart | null = null;
  private strip: ScheduleChart | null = null;
  private readonly surfaces = new SurfacePictures(
    (config, grid) => this.training.lossSurface(config, grid),
    () => this.requestUpdate(),
  );
  private chartKind = '';
  private config!: RunConfig;
  private visible = false;
  private runWhenVisible = false;
  private visibility: IntersectionObserver | null = null;
  private darkQuery: MediaQueryList | null = null;
  private styleWatcher: MutationObserver | null = null;
  private colorKey = '';

  /**
   * What every playground on the page holds together (GPU buffers, backends, pipelines,
   * devices, CPU workers): for tests that check a page does not leak.
   *
   * @example
   * const { buffers } = await TrainingPlayground.resources();
   */
  static async resources(): Promise<EngineResources> {
    return (await loadEngine()).engineResources();
  }

  /** A run is training (its what-ifs are `testing`). */
  get running(): boolean {
    return this.training.running;
  }
  /** The run has ended and its what-if runs are training; the final diagnosis follows. */
  get testing(): boolean {
    return this.training.testing;
  }
  /** Where training runs: `webgpu`, or `cpu` (see the badge for why). */
  get activeBackend(): 'webgpu' | 'cpu' {
    return this.training.activeBackend ?? (this.resolvedBackend === 'cpu' ? 'cpu' : 'webgpu');
  }
  /** The current run's epochs so far. */
  get history(): EpochStats[] {
    return this.training.history;
  }
  /** The last run's result, once it has ended. */
  get result(): RunResult | null {
    return this.training.result;
  }
  /** What went wrong, in words: provisional while training, final once the what-ifs have spoken. */
  get diagnosis(): Diagnosis | null {
    return this.training.diagnosis;
  }

  /**
   * Cancels a run in progress and trains afresh with the attributes as they are now, loading
   * the CSV `src` names first; resolves when this run (and its what-ifs) ends.
   */
  async train(): Promise<RunResult> {
    await this.updateComplete;
    if (this.loading) {
      await this.loading.done;
      await this.updateComplete;
    }
    return this.training.request(this.config);
  }

  /** Stops the run in progress; it ends as `stopped` with the epochs it had. */
  stop(): void {
    this.training.stop();
  }

  /**
   * One epoch further: the run's first k + 1 epochs, where k are those shown (its schedule
   * still spans `epochs`, so they are the whole run's first epochs, and the same seed gives
   * the same ones). Resolves with the stopped run; at the last epoch, with the whole run.
   *
   * @example
   * // given: const el: TrainingPlayground
   * await el.reset(); await el.step(); // epoch 1, its boundary and losses
   */
  async step(): Promise<RunResult> {
    await this.updateComplete;
    const shown = this.running ? this.history.length : (this.result?.history.length ?? 0);
    const next = Math.min(this.config.epochs, shown + 1);
    return this.training.request(this.config, next >= this.config.epochs ? undefined : next);
  }

  /** Back to the start: the model's fresh weights (the same seed, the same start) and no epochs. */
  async reset(): Promise<RunResult> {
    await this.updateComplete;
    return this.training.request(this.config, 0);
  }

  /** fastai's `lr_find`: the loss against an exponential sweep of learning rates, and a suggestion. */
  async lrFind(): Promise<LrFindResult> {
    const found = await this.training.findLearningRate(this.config);
    // Its suggestion is tested beside the other what-ifs, so the panel keeps one recommendation.
    if (!found.flat && this.whatIf !== 'off' && !this.manual) void this.startRun();
    return found;
  }

  /** The history as CSV: one row per epoch. */
  toCSV(): string {
    const rows = this.history.map((h) => [h.epoch, h.trainLoss, h.validLoss, h.errorRate ?? '', h.lr, Math.round(h.elapsedMs)].join(','));
    return ['epoch,train_loss,valid_loss,error_rate,lr,elapsed_ms', ...rows].join('\n') + '\n';
  }

  /** The chart with its title and legend. */
  async toPNG(): Promise<Blob> {
    await this.updateComplete;
    if (!this.chart) throw new Error('The chart is not on screen yet.');
    return this.chart.toPNG();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.darkQuery = matchMedia('(prefers-color-scheme: dark)');
    this.prefersDark = this.darkQuery.matches;
    this.darkQuery.addEventListener('change', this.onSchemeChange);
    // Work waits until the element is on screen, and pauses when it leaves.
    this.visibility = new IntersectionObserver((entries) => this.onVisibility(entries.some((e) => e.isIntersecting)));
    this.visibility.observe(this);
    // Custom properties set on the host or an ancestor's class/style: recolour the canvas.
    this.styleWatcher = new MutationObserver(() => this.requestUpdate());
    this.styleWatcher.observe(this, { attributes: true, attributeFilter: ['style', 'class'] });
    this.styleWatcher.observe(document.documentElement, { attributes: true, attributeFilter: ['style', 'class', 'lang'] });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.darkQuery?.removeEventListener('change', this.onSchemeChange);
    this.visibility?.disconnect();
    this.styleWatcher?.disconnect();
    this.chart?.destroy();
    this.chart = null;
    this.strip?.destroy();
    this.strip = null;
    this.chartKind = '';
  }

  private readonly onSchemeChange = (event: MediaQueryListEvent) => {
    this.prefersDark = event.matches;
  };

  private onVisibility(visible: boolean): void {
    this.visible = visible;
    if (visible && this.runWhenVisible) {
      this.runWhenVisible = false;
      void this.startRun();
    } else if (!visible && this.training.running) {
      this.training.stop();
      this.runWhenVisible = true;
    }
  }

  private get language(): Language {
    return resolveLanguage(this.lang || this.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang);
  }

  private get resolvedBackend(): BackendChoice {
    return BACKENDS.includes(this.backend) ? this.backend : 'auto';
  }

  private get effectiveTheme(): 'light' | 'dark' {
    const theme = THEMES.includes(this.theme) ? this.theme : 'light';
    return theme === 'auto' ? (this.prefersDark ? 'dark' : 'light') : theme;
  }

  private get t(): Strings {
    return strings(this.language);
  }

  protected override willUpdate(changed: PropertyValues): void {
    const { config, warnings } = resolveConfig({
      scenario: this.scenario,
      epochs: this.epochs,
      maxLr: this.maxLr,
      optimizer: this.optimizer,
      schedule: this.schedule,
      batchSize: this.batchSize,
      trainSize: this.trainSize,
      hidden: this.hiddenLayers as unknown as number[] | undefined,
      imbalance: this.imbalance,
      oversample: this.oversample,
      seed: this.seed,
      seeds: this.seeds,
      noise: this.noise,
      activation: this.activation,
      regularization: this.regularization,
      regRate: this.regRate,
      features: this.features as unknown as PlanarFeature[] | undefined,
      ...(this.customData ? { data: this.customData } : {}),
    });
    this.config = config;
    const problems = warnings
      .filter((w) => w.field !== 'data' && changed.has(w.field === 'hidden' ? 'hiddenLayers' : w.field))
      .map((w) => `${ATTRIBUTE_OF[w.field] ?? w.field}: ${w.message}`);
    // null: the attribute was removed, which means the default, silently.
    const invalid = <T>(value: T | null, allowed: readonly T[]) => value !== null && !allowed.includes(value);
    if (changed.has('theme') && invalid(this.theme, THEMES)) problems.push(`theme: "${this.theme}" is not light, dark or auto; using light.`);
    if (changed.has('backend') && invalid(this.backend, BACKENDS)) problems.push(`backend: "${this.backend}" is not auto, webgpu or cpu; using auto.`);
    if (changed.has('whatIf') && invalid(this.whatIf, WHAT_IF_SETTINGS)) problems.push(`what-if: "${this.whatIf}" is not on or off; using on.`);
    if (changed.has('view') && invalid(this.view, VIEWS)) problems.push(`view: "${this.view}" is not data or parameters; using data.`);
    if ((changed.has('view') || changed.has('scenario')) && this.view === 'parameters' && config.scenario !== 'line') {
      problems.push(`view: parameters draws line's two parameters (a, b); ${config.scenario} has more, so the picture shows the data.`);
    }
    if (changed.has('speed') && invalid(this.speed, SPEEDS)) problems.push(`speed: "${this.speed}" is not 1, 4 or instant; using 1.`);
    if (changed.has('controls')) {
      const { unknown } = parseControls(this.controls);
      if (unknown.length) problems.push(`controls: ${unknown.join(', ')} ${unknown.length > 1 ? 'are' : 'is'} not a control; ignored.`);
    }
    for (const message of problems) {
      console.warn(`<training-playground> ${message}`);
      emit(this, 'playground-error', { code: 'invalid-attribute', message });
    }
    for (const text of problems) this.notify('setting', text);
  }

  protected override updated(changed: PropertyValues): void {
    this.syncChart();
    if (changed.has('src') && this.src) this.loadCsv(this.src);
    const dataChanged = ['scenario', 'seed', 'trainSize', 'customData'].some((p) => changed.has(p));
    if (dataChanged) void this.training.loadPreview(this.config);
    const trainingChanged = TRAINING_PROPERTIES.some((p) => changed.has(p)) || changed.has('customData');
    if (trainingChanged && !this.manual) void this.startRun();
  }

  /** Trains now, or once on screen; `now` (the Train button) skips the wait for visibility. */
  private async startRun(now = false): Promise<void> {
    if (!this.isConnected) return;
    if (!now && !this.visible) {
      this.runWhenVisible = true;
      return;
    }
    if (this.config.scenario === 'custom' && !this.config.data) return;
    try {
      await this.train();
    } catch {
      // Reported through playground-error by the controller.
    }
  }

  /** Shows a notice (the last four stay) until dismissed. */
  private notify(kind: Notice['kind'], text: string): void {
    this.notices = [...this.notices, { kind, text }].slice(-4);
  }

  /** Fetches and parses `src`, saying so while it loads; a server that does not answer in LOAD_TIMEOUT_MS gets a notice. */
  private loadCsv(url: string): void {
    this.loadAbort?.abort();
    const abort = new AbortController();
    this.loadAbort = abort;
    this.loading = { url, done: this.fetchCsv(url, abort) };
  }

  private async fetchCsv(url: string, abort: AbortController): Promise<void> {
    const timer = setTimeout(() => abort.abort(new Error(`Could not load ${url}: no answer after ${LOAD_TIMEOUT_MS / 1000} s.`)), LOAD_TIMEOUT_MS);
    try {
      const response = await fetch(url, { signal: abort.signal }).catch((error: unknown) => {
        // A network failure and a cross-origin refusal look the same from here (a TypeError): name both.
        if (abort.signal.aborted || !(error instanceof TypeError)) throw error;
        throw new Error(
          `Could not load ${url}: the server did not answer, or it does not let this page read the file (CORS). Serve the CSV from this site, or from a server that sends Access-Control-Allow-Origin.`,
        );
      });
      if (!response.ok) throw new Error(`Could not load ${url}: HTTP ${response.status}.`);
      const data = parseCsv(await response.text());
      if (abort === this.loadAbort) this.customData = data;
    } catch (error) {
      // A newer src replaced this one: it says nothing.
      if (abort !== this.loadAbort) return;
      const reason = abort.signal.aborted ? abort.signal.reason : error;
      const message = reason instanceof CsvError ? `${url}: ${reason.message}` : reason instanceof Error ? reason.message : String(reason);
      this.customData = null;
      this.notify('data', message);
      emit(this, 'playground-error', { code: reason instanceof CsvError ? 'invalid-csv' : 'training-failed', message });
    } finally {
      clearTimeout(timer);
      if (abort === this.loadAbort) this.loading = null;
    }
  }

  private syncChart(): void {
    if (!this.chartHost || !this.root) return;
    const t = this.t;
    const classification = this.config.scenario === 'digits' || this.config.scenario === 'cancer' || this.config.data?.task === 'classification';
    const kind = `${classification}|${this.language}`;
    const colors = readColors(this.root);
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
      };
      const lang = this.language;
      this.chart = new LossChart(this.chartHost, { classification, labels, colors, lang, onCursor: (epoch) => this.scrub(epoch), syncKey: this.idPrefix });
      this.strip?.destroy();
      const stripLabels = { epoch: t.epoch, lr: t.lr, momentum: t.momentum, lrAxis: t.lrAxis, momentumAxis: t.momentumAxis };
      this.strip = this.scheduleHost ? new ScheduleChart(this.scheduleHost, { labels: stripLabels, colors, lang, syncKey: this.idPrefix }) : null;
      this.chartKind = kind;
      this.colorKey = colorKey;
    }
    const overlay = this.overlay();
    const config = this.training.config && this.running ? this.training.config : this.config;
    // Both x axes are the run's own epochs: a what-if that trains longer is clipped at the edge.
    this.chart!.update(this.history, overlay, config.epochs);
    this.strip?.update(config);
    if (!this.running) this.chart!.flush();
  }

  /** The epoch hovered on the chart shows in line's picture; leaving shows the run's end again. */
  private scrub(epoch: number | null): void {
    if (this.linePanel) this.linePanel.scrub = epoch === null ? null : Math.round(epoch);
  }

  /** The what-if runs (ghost curves), the diagnosis citing one of them, and, with several seeds, every seed's history (the band). */
  private overlay(): ChartOverlay {
    const config = this.training.config ?? this.config;
    const ghosts = this.training.whatIfs.map((whatIf) => ({
      label: whatIfLabel(whatIf, config, this.language),
      change: whatIfChange(whatIf, config, this.language),
      whatIf,
    }));
    return { ghosts, seeds: this.result?.seedHistories ?? [], diagnosis: this.diagnosis };
  }

  /** Applies the change the final diagnosis advises: the sliders move, and the element retrains. */
  private tryAdvice(change: Partial<RunConfig>): void {
    if (change.maxLr !== undefined) this.maxLr = change.maxLr;
    if (change.epochs !== undefined) this.epochs = change.epochs;
    if (change.trainSize !== undefined) this.trainSize = change.trainSize;
    if (change.oversample !== undefined) this.oversample = change.oversample;
    if (change.imbalance !== undefined) this.imbalance = change.imbalance;
  }

  private set(property: ControlProperty, value: string | number | boolean): void {
    (this as unknown as Record<string, unknown>)[property] = value;
  }

  private async copyCode(): Promise<void> {
    try {
      await navigator.clipboard.writeText(fastaiCall(this.config));
      this.copied = true;
      setTimeout(() => (this.copied = false), 1500);
    } catch {
      // Clipboard refused (no permission): the code stays selectable.
    }
  }

  protected override render(): TemplateResult {
    const t = this.t;
    const last = this.history.at(-1);
    const epochs = this.config.epochs;
    const done = this.history.length;
    return html`<div class="root" data-theme=${this.effectiveTheme} lang=${this.language}>
      <header>
        <h2>${t.scenarioNames[this.config.scenario]}</h2>
        ${this.training.activeBackend === 'cpu'
          ? html`<span class="badge" title=${this.training.cpuReason ?? t.cpuChosen}>${t.cpuBadge}</span>
              <span class="visually-hidden">${this.training.cpuReason ? t.cpuBecause(this.training.cpuReason) : t.cpuChosen}</span>`
          : nothing}
      </header>
      ${this.training.activeBackend === 'cpu' && this.training.cpuReason
        ? html`<p class="status" role="note">${t.cpuBecause(this.training.cpuReason)}</p>`
        : nothing}
      ${this.loading ? html`<p class="status" role="status">${t.loadingData(this.loading.url)}</p>` : nothing}
      ${this.notices.map(
        (notice, i) => html`<div class="notice" role="status"><p><strong>${t.noticeTitles[notice.kind]}:</strong> ${notice.text}</p>
          <button class="secondary" @click=${() => (this.notices = this.notices.filter((_, j) => j !== i))}>${t.dismiss}</button></div>`,
      )}
      ${renderControls(
        { config: this.config, controls: parseControls(this.controls).controls, strings: t, idPrefix: this.idPrefix },
        {
          set: (p, v) => this.set(p, v),
          lrFind: () => void this.lrFind(),
          lrFinding: this.training.lrFinding,
          step: () => void this.step(),
          reset: () => void this.reset(),
        },
      )}
      <div class="actions">
        <!-- One button whose label and action follow the run, so keyboard focus stays on it. -->
        <button class="run" @click=${() => (this.running ? this.stop() : void this.startRun(true))}>${this.running ? t.stop : t.train}</button>
        <div class="progress" role="progressbar" aria-label=${t.progress(done, epochs)} aria-valuemin="0" aria-valuemax=${epochs} aria-valuenow=${done}>
          <span style="width: ${(100 * done) / epochs}%"></span>
        </div>
        <span class="status" aria-live="polite">${this.running ? t.progress(done, epochs) : last ? `${t.trainLoss} ${formatLoss(last.trainLoss, this.language)} · ${t.validLoss} ${formatLoss(last.validLoss, this.language)}` : t.idle}</span>
      </div>
      <div class="panels">
        <figure part="chart" aria-label=${t.chartTitle}>
          <div class="chart-host"></div>
          <div class="schedule-host" role="img" aria-label=${t.scheduleStrip}></div>
        </figure>
        <div part="view">${this.renderView(t)}</div>
      </div>
      ${this.renderLrFind(t)}
      ${this.renderDiagnosis(t)}
      <div part="code" aria-label=${t.code}>
        <code>${fastaiCall(this.config)}</code>
        <button class="secondary" @click=${() => void this.copyCode()}>${this.copied ? t.copied : t.copy}</button>
      </div>
    </div>`;
  }

  private renderDiagnosis(t: Strings): TemplateResult | typeof nothing {
    const diagnosis = this.diagnosis;
    if (!diagnosis) return nothing;
    const config = this.training.config ?? this.config;
    const advised = recommendation(diagnosis);
    // While the what-ifs train, the diagnosis is still the provisional one.
    const state = this.running ? t.running : diagnosis.final ? t.tested : t.provisional;
    return html`<section part="diagnosis" data-code=${diagnosis.code} data-final=${String(diagnosis.final)} data-stuck=${String(diagnosis.stuck === true)} aria-live="polite">
      <h3>${t.diagnosis} · ${state}</h3>
      <p>${diagnosis.message}</p>
      ${this.training.testing ? html`<p class="testing" role="status">${t.testing(this.training.whatIfs.length)}</p>` : nothing}
      ${advised ? html`<button class="try" @click=${() => this.tryAdvice(advised.change)}>${t.tryIt(whatIfChange(advised, config, this.language))}</button>` : nothing}
    </section>`;
  }

  private renderView(t: Strings): TemplateResult | typeof nothing {
    const preview = this.training.preview;
    if (!preview) return nothing;
    if (preview.kind === 'line') return this.renderLinePanel(preview, t);
    if (preview.kind === 'digits') return digitsView(preview, this.running ? null : (this.result?.predictions ?? null), t.digitsView, t.predicted);
    if (preview.kind === 'planar') {
      const { boundary, boundaryStale } = this.training;
      const config = this.training.config ?? this.config;
      const toggle = (label: string, on: boolean, set: (on: boolean) => void) =>
        html`<label class="toggle"><input type="checkbox" .checked=${on} @change=${(e: Event) => set((e.target as HTMLInputElement).checked)} />${label}</label>`;
      const labels = {
        title: t.planarView,
        describe: t.planarPoints,
        axes: [t.featureNames.x1, t.featureNames.x2] as [string, string],
        probability: t.probabilityKey,
        validationError: t.validationError,
      };
      const errorRate = this.history.at(-1)?.errorRate ?? null;
      return html`${planarView({ preview, boundary, stale: boundaryStale, showValid: this.showValid, discrete: this.discrete, errorRate, lang: t.lang, labels })}
        ${toggle(t.showValid, this.showValid, (on) => (this.showValid = on))}
        ${toggle(t.discrete, this.discrete, (on) => (this.discrete = on))}
        <tp-network .features=${config.features} .layers=${config.hidden} .boundary=${boundary}
          .labels=${{ describe: t.networkView, featureNames: t.featureNames }}></tp-network>`;
    }
    // The built-in cancer data names its classes in English; the page's language names them here.
    const names = (preview.classNames ?? []).map((name) =>
      this.config.scenario === 'cancer' ? ((t.cancerClasses as Record<string, string>)[name] ?? name) : name,
    );
    return names.length ? classErrorsView(names, this.history.at(-1)?.classErrorRates ?? null, t.classErrors, t.lang) : nothing;
  }

  /** line's picture, animated, with the choice between the data and the loss surface. */
  private renderLinePanel(points: { x: number[]; y: number[] }, t: Strings): TemplateResult {
    const view: View = this.view === 'parameters' ? 'parameters' : 'data';
    const path = parameterPath(this.history);
    const optimum = leastSquaresLine(points.x, points.y);
    if (view === 'parameters') this.surfaces.follow(this.training.config ?? this.config, path, optimum);
    const labels = {
      line: t.lineView,
      title: t.parameterView,
      slope: t.slope,
      intercept: t.intercept,
      truth: t.truth,
      optimum: t.optimum,
      computing: t.computingSurface,
      replay: t.replay,
      epochShown: t.epochShown,
    };
    return html`<div class="view-choice" role="group" aria-label=${t.pictureChoice}>
        ${VIEWS.map(
          (v) => html`<button class="secondary" aria-pressed=${String(v === view)} @click=${() => (this.view = v)}>${t.viewNames[v]}</button>`,
        )}
      </div>
      <tp-line-panel
        .points=${points}
        .path=${path}
        .run=${this.training.runsBegun}
        .view=${view}
        .speed=${SPEEDS.includes(this.speed) ? this.speed : '1'}
        .surface=${this.surfaces.current}
        .optimum=${optimum}
        .labels=${labels}
      ></tp-line-panel>`;
  }

  private renderLrFind(t: Strings): TemplateResult | typeof nothing {
    const found = this.training.lrFound;
    if (!found || !parseControls(this.controls).controls.includes('lr-find')) return nothing;
    const suggestion = formatLr(found.suggestion, this.language);
    return html`<section class="lr-find" aria-label=${t.lrFindTitle}>
      ${lrFindView(found, t.lrFindTitle, t.suggestion(suggestion))}
      <p class="status" role="note">${this.lrFindNote(found, suggestion, t)}</p>
    </section>`;
  }

  /**
   * What became of lr_find's suggestion. A search in which the loss never fell suggests noise:
   * said so, and never tested. Otherwise it is one of the what-ifs, and the diagnosis below
   * holds the one recommendation: this says whether it is lr_find's pick, and if not, where
   * lr_find's pick ended.
   */
  private lrFindNote(found: LrFindResult, suggestion: string, t: Strings): string {
    if (found.flat) return t.lrFindFlat;
    const diagnosis = this.diagnosis;
    const tested = diagnosis?.final ? diagnosis.evidence.find((w) => w.source === 'lr-find') : undefined;
    if (!tested) return t.lrFindTesting(suggestion);
    if (tested === recommendation(diagnosis!)) return t.lrFindChosen(suggestion);
    return t.lrFindLost(suggestion, formatLoss(tested.finalValidLoss, this.language));
  }
}

/** The diagnosis's one recommendation: the what-if its message cites, when the run needs a change (not 'ok'). */
function recommendation(diagnosis: Diagnosis): WhatIf | null {
  if (!diagnosis.final || diagnosis.code === 'ok' || diagnosis.cited === undefined) return null;
  const cited = diagnosis.evidence[diagnosis.cited];
  return cited && Number.isFinite(cited.finalValidLoss) ? cited : null;
}

defineOnce('training-playground', TrainingPlayground);

declare global {
  interface HTMLElementTagNameMap {
    'training-playground': TrainingPlayground;
  }
}
