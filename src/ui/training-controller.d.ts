/**
 * Runs training for the element: one engine per element (the GPU device underneath is shared
 * by the page), one run at a time. A new request aborts the run in progress and replaces any
 * request still waiting, so a dragged slider trains only its latest value; epochs of an
 * aborted run never reach the host, so the chart never mixes two runs.
 *
 * @example
 * const training = new TrainingController(host, () => ({ backend: 'auto' }));
 * training.request(config);
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { type BackendChoice, type Diagnosis, type EpochStats, type Language, type LrFindResult, type RunConfig, type RunResult, type ScenarioPreview, type SurfaceGrid, type WhatIf } from '../train/engine';
export interface ControllerSettings {
    backend: BackendChoice;
    lang: Language;
    /** Test the advice with what-if runs after each run. */
    whatIf: boolean;
}
export declare class TrainingController implements ReactiveController {
    private readonly host;
    private readonly settings;
    /** Tells the learner what went wrong with the GPU, on screen. */
    private readonly notify;
    running: boolean;
    /** The main run has ended and its what-if runs are training. */
    testing: boolean;
    /** The what-if runs of the current run, as each ends. */
    whatIfs: WhatIf[];
    history: EpochStats[];
    result: RunResult | null;
    diagnosis: Diagnosis | null;
    preview: ScenarioPreview | null;
    lrFound: LrFindResult | null;
    lrFinding: boolean;
    config: RunConfig | null;
    /** Why training is on the CPU, when it is. */
    cpuReason: string | null;
    activeBackend: 'webgpu' | 'cpu' | null;
    /** Counts runs begun (a device reset begins one again): views that replay a run start over when it changes. */
    runsBegun: number;
    private engine;
    /** Off the page no engine is made: one made after the element left would never be disposed. */
    private connected;
    private engineBackend;
    private abort;
    private waiting;
    /** Counts requests: a run whose request is no longer the latest was superseded and stays silent. */
    private requests;
    /** The drain loop is running: it takes every request made before it stops. */
    private draining;
    private runId;
    private readonly waiters;
    constructor(host: ReactiveControllerHost & HTMLElement, settings: () => ControllerSettings, 
    /** Tells the learner what went wrong with the GPU, on screen. */
    notify?: (kind: 'gpu' | 'training', message: string) => void);
    hostConnected(): void;
    hostDisconnected(): void;
    /** Trains `config` as soon as the run in progress has stopped; resolves with its result. */
    request(config: RunConfig): Promise<RunResult>;
    stop(): void;
    findLearningRate(config: RunConfig): Promise<LrFindResult>;
    /** line's loss surface over `grid` (see Engine.lossSurface). */
    lossSurface(config: RunConfig, grid: SurfaceGrid): Promise<Float32Array>;
    loadPreview(config: RunConfig): Promise<void>;
    private engineFor;
    /**
     * Runs what is waiting, one run after another. The flag drops in the same step as the last
     * look at `waiting`: a request made after that look starts a new loop. (A loop promise cleared
     * by a `.finally` left a gap of one microtask, in which a request found the old loop still
     * set and stayed waiting for ever.)
     */
    private drain;
    /** A run starts (or starts over): nothing of the last one stays on screen. */
    private begin;
    private run;
}
