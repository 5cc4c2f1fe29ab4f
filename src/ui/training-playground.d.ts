/** The <training-playground> element; its documentation is on the class. */
import { LitElement, type PropertyValues, type TemplateResult } from 'lit';
import { engineResources, type BackendChoice, type Diagnosis, type EpochStats, type LrFindResult, type OptimizerName, type RunResult, type Scenario, type ScheduleName } from '../train/engine';
import { type Speed, type View } from './views/line-panel';
import './views/line-panel';
export type Theme = 'light' | 'dark' | 'auto';
export type WhatIfSetting = 'on' | 'off';
/** How long a `src` server may take to answer before the element gives up and says so. */
export declare const LOAD_TIMEOUT_MS = 15000;
/**
 * @tagname training-playground
 *
 * `<training-playground>`: train a model in the page and watch train and valid loss, with the
 * lesson-2 diagnosis of what went wrong. Trains when connected (and visible) and again after
 * every change, unless `manual`.
 *
 * @example
 * <training-playground scenario="digits" epochs="8" max-lr="3e-3" controls="epochs max-lr lr-find"></training-playground>
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
 * @cssprop --tp-background
 * @cssprop --tp-foreground
 * @cssprop --tp-font-family
 */
export declare class TrainingPlayground extends LitElement {
    static styles: import("lit").CSSResult[];
    scenario: Scenario;
    epochs?: number;
    maxLr?: number;
    optimizer?: OptimizerName;
    schedule?: ScheduleName;
    batchSize?: number;
    trainSize?: number;
    /** The `hidden` attribute: layer widths. (HTMLElement.hidden is the boolean hiding property.) */
    hiddenLayers?: string;
    imbalance?: number;
    oversample: boolean;
    seed?: number;
    /** Seeds trained side by side (1–16): the chart draws the band of their valid losses. */
    seeds?: number;
    /** `on`: after each run, test the advice with what-if runs and show them as faint dashed curves. */
    whatIf: WhatIfSetting;
    manual: boolean;
    backend: BackendChoice;
    controls: string;
    theme: Theme;
    /** line's picture: `data` (the points and the fitted line) or `parameters` (the loss surface and the optimiser's path). */
    view: View;
    /** How line's picture replays a run: `1` (a 100-epoch run over about 2 s), `4`, or `instant`. */
    speed: Speed;
    src?: string;
    lang: string;
    private notices;
    private customData;
    /** The CSV being fetched for `src`, while it is. */
    private loading;
    private loadAbort;
    private prefersDark;
    private copied;
    private chartHost?;
    private scheduleHost?;
    private linePanel?;
    private root?;
    private readonly training;
    private readonly idPrefix;
    private chart;
    private strip;
    private readonly surfaces;
    private chartKind;
    private config;
    private visible;
    private runWhenVisible;
    private visibility;
    private darkQuery;
    private styleWatcher;
    private colorKey;
    /**
     * What every playground on the page holds together (GPU buffers, backends, pipelines,
     * devices, CPU workers): for tests that check a page does not leak.
     *
     * @example
     * const { buffers } = await TrainingPlayground.resources();
     */
    static resources(): ReturnType<typeof engineResources>;
    get running(): boolean;
    /** The run has ended and its what-if runs are training; the final diagnosis follows. */
    get testing(): boolean;
    get activeBackend(): 'webgpu' | 'cpu';
    get history(): EpochStats[];
    get result(): RunResult | null;
    get diagnosis(): Diagnosis | null;
    /**
     * Cancels a run in progress and trains afresh with the attributes as they are now, loading
     * the CSV `src` names first; resolves when this run (and its what-ifs) ends.
     */
    train(): Promise<RunResult>;
    stop(): void;
    lrFind(): Promise<LrFindResult>;
    /** The history as CSV: one row per epoch. */
    toCSV(): string;
    /** The chart with its title and legend. */
    toPNG(): Promise<Blob>;
    connectedCallback(): void;
    disconnectedCallback(): void;
    private readonly onSchemeChange;
    private onVisibility;
    private get language();
    private get resolvedBackend();
    private get effectiveTheme();
    private get t();
    protected willUpdate(changed: PropertyValues): void;
    protected updated(changed: PropertyValues): void;
    /** Trains now, or once on screen; `now` (the Train button) skips the wait for visibility. */
    private startRun;
    /** Shows a notice (the last four stay) until dismissed. */
    private notify;
    /** Fetches and parses `src`, saying so while it loads; a server that does not answer in LOAD_TIMEOUT_MS gets a notice. */
    private loadCsv;
    private fetchCsv;
    private syncChart;
    /** The epoch hovered on the chart shows in line's picture; leaving shows the run's end again. */
    private scrub;
    /** The what-if runs (ghost curves) and, with several seeds, every seed's history (the band). */
    private overlay;
    /** Applies the change the final diagnosis advises: the sliders move, and the element retrains. */
    private tryAdvice;
    private set;
    private copyCode;
    protected render(): TemplateResult;
    private renderDiagnosis;
    private renderView;
    /** line's picture, animated, with the choice between the data and the loss surface. */
    private renderLinePanel;
    private renderLrFind;
}
declare global {
    interface HTMLElementTagNameMap {
        'training-playground': TrainingPlayground;
    }
}
