/**
 * The engine that trains where it is created (the page, or the CPU worker): it picks a backend
 * (WebGPU when an adapter exists, else the CPU with the reason kept), loads and prepares each
 * scenario's data, runs one training at a time, and diagnoses every run.
 *
 * @example
 * const engine = new TrainingEngine(new CpuBackend(), {}, null, builtinData);
 */
import type { Backend, BackendKind, SurfaceGrid } from '../backend';
import { GpuBackend } from '../gpu/gpu-backend';
import { type Dataset, type LrFindResult, type RunConfig, type RunResult, type ScenarioPreview } from './types';
import { type Engine, type EngineOptions, type TrainOptions } from './engine-api';
export declare function gpuBackend(options: EngineOptions): Promise<GpuBackend>;
/** The built-in data set a scenario trains on. */
export type BuiltinData = (scenario: 'digits' | 'cancer') => Promise<Dataset>;
export declare class TrainingEngine implements Engine {
    private current;
    private readonly options;
    readonly fallbackReason: string | null;
    /** Where the built-in data sets come from: the bundle on the page; the page, in the worker. */
    private readonly builtin;
    private queue;
    private disposed;
    constructor(current: Backend, options: EngineOptions, fallbackReason: string | null, 
    /** Where the built-in data sets come from: the bundle on the page; the page, in the worker. */
    builtin: BuiltinData);
    get backend(): BackendKind;
    get adapter(): string;
    train(partial: Partial<RunConfig>, options?: TrainOptions): Promise<RunResult>;
    /**
     * The run itself and, with `seeds`, its other seeds, in one batch where the backend allows
     * (line: the fused epochs; the MLPs: each seed's split stacked, on the GPU), else one after
     * another.
     */
    private trainMain;
    /**
     * Each plan's what-if, reported as it is known: a constant-rate run's own epochs stand in
     * for those that change only the epochs (what-if-reuse.ts); the rest train in as few
     * batches as their data allow.
     */
    private trainWhatIfs;
    /**
     * Runs to their ends in as few batches as their data allow: line's in one fused dispatch
     * (all their epochs in it: nothing is drawn until each ends), the MLPs' on one data set
     * (another rate, other epochs) in the same dispatches; more rows need data of their own.
     */
    private trainRuns;
    /** Each seed's split of the data, stacked for one batch; null for line (batched its own way) or when their row counts differ. */
    private stackedSeeds;
    /** The runs as one fused batch on line data generated together, or null when they cannot share one. */
    private linearBatch;
    lrFind(partial: Partial<RunConfig>, options?: {
        signal?: AbortSignal;
    }): Promise<LrFindResult>;
    preview(partial: Partial<RunConfig>): Promise<ScenarioPreview>;
    /**
     * Not queued behind the run in progress (exclusive): the surface reads no step counter and
     * shares no tensor with training, so a learner sees it while the line still trains.
     */
    lossSurface(partial: Partial<RunConfig>, grid: SurfaceGrid): Promise<Float32Array>;
    dispose(): void;
    /**
     * One run at a time: runs share the backend's step counter. A lost GPU is replaced first;
     * one lost under the work is replaced and the work done again, once (after `onReset`).
     */
    private exclusive;
    private replaceDevice;
    private loadData;
    /** The table a non-line scenario trains on, split and prepared on the host. */
    private hostData;
}
