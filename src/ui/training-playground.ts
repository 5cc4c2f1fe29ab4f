/** The <training-playground> element; its documentation is on the class. */
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { defineOnce } from './define';
import { scenarioOf, takesPhotos, type ActivationName, type BackendChoice, type CnnName, type Dataset, type Diagnosis, type EngineResources, type EpochStats, type Language, type LrFindResult, type OptimizerName, type Prediction, type RegularizationName, type RunConfig, type RunResult, type Scenario, type ScheduleName } from '../engine/index';
import { ChartController } from './chart-controller';
import { parseControls } from './control-values';
import { renderControls } from './controls';
import { CsvSource } from './csv-source';
import { loadEngine } from './engine-loader';
import { resolveLanguage, strings } from './i18n';
import { KeptRuns, type RunSummary } from './kept-runs';
import { ModelKeeper } from './model-keeper';
import { PhotoBoard, type PhotoSet } from './photo-board';
import { PhotoCamera } from './photo-camera';
import { photoBoardPanel } from './panels/photo-board-panel';
import { Notices } from './notices';
import { codePanel, CodeCopy } from './panels/code-panel';
import { comparePanel } from './panels/compare-panel';
import { advisedSettings, diagnosisPanel } from './panels/diagnosis-panel';
import { headerPanel } from './panels/header-panel';
import { LineSurfaces, scrubLinePanel } from './panels/line-view-panel';
import { lrFindPanel } from './panels/lr-find-panel';
import { modelPanel } from './panels/model-panel';
import { runBar } from './panels/run-bar';
import { PlanarToggles, scenarioView } from './panels/scenario-view-panel';
import { backendChoice, effectiveTheme, reportProblems, resolveSettings, TRAINING_PROPERTIES, type ThemeName, type WhatIfName } from './resolve-settings';
import { ShareState } from './share-state';
import { styles } from './styles';
import { ThemeController } from './theme-controller';
import { TrainingController } from './training-controller';
import type { Speed, View } from './views/line-panel';
import { VisibilityController } from './visibility-controller';

export type Theme = ThemeName;
export type WhatIfSetting = WhatIfName;
/** How long a `src` server may take to answer before the element gives up and says so. */
export const LOAD_TIMEOUT_MS = 15_000;

let nextId = 0;

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
 * @csspart model - the "Your model" panel (controls `model-file`)
 * @csspart photos - the class board of `scenario="photos"`
 * @cssprop --tp-train-color - train loss
 * @cssprop --tp-valid-color - valid loss
 * @cssprop --tp-accent - buttons, sliders, error rate
 * @cssprop --tp-background - the element's background
 * @cssprop --tp-foreground - text and axes
 * @cssprop --tp-font-family - every text, the chart's included
 */

export class TrainingPlayground extends LitElement {
  static override styles = styles;

  /** What to train: `line` (lesson 2's SGD), `digits`, `cancer`, `custom` (`src`'s CSV), `circle`, `xor`, `gauss`, `spiral`, `fashion`, `photos` (the learner's own). */
  @property({ reflect: true }) scenario: Scenario = 'line';
  /** Passes over the training data (1–1000); the scenario's default when unset. */
  @property({ type: Number, reflect: true }) epochs?: number;
  /** The largest learning rate of the schedule (fastai's `max_lr`), or a slice "lo,hi" over the photos' layer groups; one number fine-tuning unfrozen is `slice(hi)`. */
  @property({ attribute: 'max-lr', type: Number, converter: { fromAttribute: (v: string | null) => (v === null ? undefined : v.includes(',') ? v : Number(v)) }, reflect: true }) maxLr?: number | string;
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
  /** Photos: the network, `cnn-small` (the default: conv16–conv32–fc64) or `cnn-tiny`. */
  @property({ reflect: true }) model?: CnnName;
  /** Photos: flip and shift each training photo at random (`on`, the default), or not (`off`). */
  @property({ reflect: true }) augment: 'on' | 'off' = 'on';
  @property({ reflect: true }) pretrained: 'on' | 'off' = 'on'; // photos: start from the shipped pretrained body, or from scratch
  @property({ reflect: true }) stage: 'frozen' | 'unfrozen' = 'frozen'; // photos: fastai's freeze() (head and batch norms train) or unfreeze()
  /** `on`: after each run, test the advice with what-if runs and show them as faint dashed curves. */
  @property({ attribute: 'what-if', reflect: true }) whatIf: WhatIfSetting = 'on';
  /** Train only on the Train button or `train()`, not on every change. */
  @property({ type: Boolean, reflect: true }) manual = false;
  /** `auto` (WebGPU, else the CPU), `webgpu` or `cpu`. */
  @property({ reflect: true }) backend: BackendChoice = 'auto';
  /** The controls shown, space-separated: epochs max-lr optimizer schedule batch-size train-size hidden imbalance oversample seed scenario lr-find model-file (the "Your model" panel), and for the planar scenarios noise activation regularization reg-rate features step reset. */
  @property({ reflect: true }) controls = 'epochs max-lr';
  /** `light`, `dark`, or `auto` (the reader's preference). */
  @property({ reflect: true }) theme: Theme = 'light';
  /** line's picture: `data` (the points and the fitted line) or `parameters` (the loss surface and the optimiser's path). */
  @property({ reflect: true }) view: View = 'data';
  /** How line's picture replays a run: `1` (a 100-epoch run over about 2 s), `4`, or `instant`. */
  @property({ reflect: true }) speed: Speed = '1';
  /** `custom`: a CSV to train on (a header row, numeric features, the target last); `photos`: a JSON manifest `{ "classes": { "grizzly": ["url", …] } }` that fills an empty board. */
  @property({ reflect: true }) src?: string;
  /** `en` or `pt-BR`; unset, the page's language. */
  @property() override lang = '';
  /** Keep the settings (the training attributes and `controls`) in the page URL's hash, read back on connect over the attributes: one element a page. */
  @property({ type: Boolean, reflect: true }) share = false;

  /** The CSV `src` named, once loaded. */
  @state() private customData: Dataset | null = null;
  /** The learner's photos (`photos`), once they can train. */
  @state() private photoData: PhotoSet | null = null;
  private config!: RunConfig;
  /** Attribute problems found in willUpdate, reported (console, playground-error) in updated(). */
  private problems: string[] = [];
  private readonly idPrefix = `tp${nextId++}`;

  private readonly notices = new Notices(this);
  private readonly training = new TrainingController(this, () => ({ backend: backendChoice(this.backend), lang: this.language, whatIf: this.whatIf !== 'off' }), (kind, text) => this.notices.notify(kind, text));
  private readonly visibility = new VisibilityController(this, { busy: () => this.training.running, pause: () => this.training.stop(), resume: () => void this.startRun() });
  private readonly theming = new ThemeController(this);
  private readonly csv = new CsvSource(this, LOAD_TIMEOUT_MS, (data) => (this.customData = data), (kind, text) => this.notices.notify(kind, text));
  private readonly kept = new KeptRuns(this, () => this.training.stepping);
  protected readonly sharing = new ShareState(this, () => this.share); // its work is in its hooks: nothing here reads it
  private readonly chart = new ChartController(this, () => ({ config: this.config, run: this.training, lang: this.language, compared: this.kept.compared }), { syncKey: this.idPrefix, onCursor: (epoch) => scrubLinePanel(this.renderRoot, epoch) });
  private readonly surfaces = new LineSurfaces(this, this.training, () => ({ view: this.view, settings: this.config }));
  private readonly toggles = new PlanarToggles(this);
  private readonly copy = new CodeCopy(this);
  private readonly keeper = new ModelKeeper(this, this.training);
  private readonly board = new PhotoBoard(this, () => this.id || location.pathname, (data) => (this.photoData = data), () => takesPhotos(this.scenario));
  private readonly camera = new PhotoCamera(this, (name, shot) => this.board.addImages(name, [shot]));

  /** What every playground on the page holds together (GPU buffers, bind groups, backends, devices, CPU workers): for tests that check a page does not leak. */
  static async resources(): Promise<EngineResources> { return (await loadEngine()).engineResources(); }

  /** A run is training (its what-ifs are `testing`). */
  get running(): boolean { return this.training.running; }
  /** The run has ended and its what-if runs are training; the final diagnosis follows. */
  get testing(): boolean { return this.training.testing; }
  /** Where training runs: `webgpu`, or `cpu` (see the badge for why). */
  get activeBackend(): 'webgpu' | 'cpu' { return this.training.activeBackend ?? (backendChoice(this.backend) === 'cpu' ? 'cpu' : 'webgpu'); }
  /** The current run's epochs so far. */
  get history(): EpochStats[] { return this.training.history; }
  /** The last run's result, once it has ended. */
  get result(): RunResult | null { return this.training.result; }
  /** What went wrong, in words: provisional while training, final once the what-ifs have spoken. */
  get diagnosis(): Diagnosis | null { return this.training.diagnosis; }
  /** This element's last 8 runs (`{ id, config, history, diagnosis }`, no CSV rows), newest first, stopped ones too; not the first epochs step() and reset() train. */
  get runs(): RunSummary[] { return this.kept.runs; }
  /** Lays kept run `id`'s curves over the chart, dotted, named by what differs from the run shown, until `compare(null)`; an id `runs` lacks is a RangeError. */
  compare(id: string | null): void { this.kept.compare(id); }
  /** The kept runs as JSON, to save or take to another page (`importRuns`). */
  exportRuns(): string { return this.kept.exportJson(); }
  /** Keeps the runs `exportRuns` wrote after this page's own (new ids, up to 8); other text throws and changes nothing. */
  importRuns(json: string): RunSummary[] { return this.kept.importJson(json); }

  /** Cancels a run in progress and trains afresh with the attributes as they are now (the CSV `src` loaded first); resolves when it and its what-ifs end. */
  async train(): Promise<RunResult> {
    await this.updateComplete;
    if (this.csv.loading) {
      await this.csv.loading.done;
      await this.updateComplete;
    }
    return this.training.request(this.config);
  }

  /** Stops the run in progress; it ends as `stopped` with the epochs it had. */
  stop(): void { this.training.stop(); }
  /** One epoch further: the run's first k + 1 epochs of k shown (the schedule still spans `epochs`: the same numbers); at the last, the whole run. */
  async step(): Promise<RunResult> { await this.updateComplete; return this.training.step(this.config); }
  /** Back to the start: the model's fresh weights (the same seed, the same start) and no epochs. */
  async reset(): Promise<RunResult> { await this.updateComplete; return this.training.request(this.config, 0); }

  /** fastai's `lr_find`: the loss against an exponential sweep of learning rates, and a suggestion. */
  async lrFind(): Promise<LrFindResult> {
    const found = await this.training.findLearningRate(this.config);
    // Its suggestion is tested beside the other what-ifs, so the panel keeps one recommendation.
    if (!found.flat && this.whatIf !== 'off' && !this.manual) void this.startRun();
    return found;
  }

  /** The history as CSV: one row per epoch. */
  toCSV(): string { return this.training.historyCsv(); }

  /** The trained model (the last finished run's, or one loaded since) as a `.safetensors` file PyTorch loads (README, "Models you keep"). */
  exportModel(): Promise<Blob> { return this.keeper.exportModel(); }
  /** Loads a saved model for `predict` and `exportModel`; a bad file rejects, fires `playground-error` (`invalid-model`) and keeps the model there was. */
  importModel(blob: Blob): Promise<void> { return this.keeper.importModel(blob); }
  /** What the model says a photo is (fashion, digits): centre-cropped, scaled to its input, then predicted. */
  predict(image: Blob | ImageBitmap): Promise<Prediction> { return this.keeper.predict(image); }

  /** `photos`: the classes, in the order made, with their photo counts. */
  get classes(): { name: string; count: number }[] { return this.board.classes; }
  /** `photos`: adds photos to a class (made if new), each cropped and scaled to 28 × 28 grey; unreadable ones are left out and said (the promise rejects). */
  addImages(className: string, images: Blob[] | ImageBitmap[]): Promise<void> { return this.board.addImages(className, images); }
  /** `photos`: deletes a class's `index`-th photo, counted in the order added. */
  removeImage(className: string, index: number): void { this.board.removeImage(className, index); }
  /** `photos`: moves a class's `index`-th photo to another class (made if new). */
  relabel(fromClass: string, index: number, toClass: string): void { this.board.relabel(fromClass, index, toClass); }

  /** The chart with its title and legend. */
  async toPNG(): Promise<Blob> { await this.updateComplete; return this.chart.toPNG(); }

  private get language(): Language {
    return resolveLanguage(this.lang || this.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang);
  }

  protected override willUpdate(changed: PropertyValues): void {
    const { config, problems } = resolveSettings(this, takesPhotos(this.scenario) ? this.photoData : this.customData, changed);
    this.config = config;
    this.problems = problems;
    for (const text of problems) this.notices.notify('setting', text);
  }

  protected override updated(changed: PropertyValues): void {
    reportProblems(this, this.problems.splice(0));
    if ((changed.has('src') || changed.has('scenario')) && this.src) void (takesPhotos(this.scenario) ? this.board.loadManifest(this.src) : this.csv.load(this.src));
    const dataChanged = ['scenario', 'seed', 'trainSize', 'customData', 'photoData'].some((p) => changed.has(p));
    if (dataChanged) void this.training.loadPreview(this.config);
    const trainingChanged = TRAINING_PROPERTIES.some((p) => changed.has(p)) || changed.has('customData') || changed.has('photoData');
    if (trainingChanged && !this.manual) void this.startRun();
  }

  /** Trains now, or once on screen; `now` (the Train button) skips the wait for visibility. */
  private async startRun(now = false): Promise<void> {
    if (!this.isConnected) return;
    if (!now && !this.visibility.admit()) return;
    if (scenarioOf(this.config).data.source === 'custom' && !this.config.data) return;
    // A failure is reported through playground-error by the controller.
    await this.train().catch(() => undefined);
  }

  protected override render(): TemplateResult {
    const { training, config } = this;
    const t = strings(this.language);
    const controls = parseControls(this.controls).controls;
    const loadingUrl = this.csv.loading?.url ?? null;
    return html`<div class="root" data-theme=${effectiveTheme(this.theme, this.theming.prefersDark)} lang=${this.language}>
      ${headerPanel({ scenario: config.scenario, activeBackend: training.activeBackend, cpuReason: training.cpuReason, loadingUrl }, t)}
      ${this.notices.render(t)}
      ${renderControls(
        { config, controls, strings: t, idPrefix: this.idPrefix },
        { set: (p, v) => ((this as unknown as Record<string, unknown>)[p] = v), lrFind: () => void this.lrFind(), lrFinding: training.lrFinding, step: () => void this.step(), reset: () => void this.reset() },
      )}
      ${runBar({ running: this.running, history: this.history, epochs: config.epochs }, t, () => (this.running ? this.stop() : void this.startRun(true)))}
      <div class="panels">
        <figure part="chart" aria-label=${t.chartTitle}>
          <div class="chart-host"></div>
          <div class="schedule-host" role="img" aria-label=${t.scheduleStrip}></div>
          ${comparePanel({ runs: this.runs, compared: this.kept.compared, current: training.config ?? config }, t, this.idPrefix, (id) => this.compare(id))}
        </figure>
        <div part="view">${scenarioView({ run: training, config, view: this.view, speed: this.speed, surface: this.surfaces.current, toggles: this.toggles, cleaner: training.running ? null : this.board.cleanerFor(training.config) }, t, (view) => (this.view = view))}</div>
      </div>
      ${takesPhotos(config) ? photoBoardPanel(this.board, this.camera, t) : nothing}
      ${lrFindPanel(training.lrFound, controls.includes('lr-find'), this.diagnosis, t)}
      ${diagnosisPanel(training, config, t, (change) => Object.assign(this, advisedSettings(change, training.config ?? config)))}
      ${codePanel(config, this.training, this.copy, t)}
      ${modelPanel(this.keeper, controls.includes('model-file'), t)}
    </div>`;
  }
}

defineOnce('training-playground', TrainingPlayground);

declare global {
  interface HTMLElementTagNameMap {
    'training-playground': TrainingPlayground;
  }
}
