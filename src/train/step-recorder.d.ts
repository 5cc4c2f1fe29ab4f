/**
 * Records training steps and validation passes onto a Backend, with nothing to do on the host
 * between steps: the mini-batch rows come from an order buffer indexed by the step counter,
 * the learning rate from the schedule buffer, and each step's loss lands in its own slot of
 * `losses`. A whole epoch is recorded at once and read back once.
 *
 * With a model holding K models (what-if runs on one data set), every step trains all K:
 * step s gathers K·batchRows rows (model m's are the order's m-th block of the step), each
 * model follows its own schedule until its own last step, and its losses, validation losses,
 * errors and flag land in its own slots.
 *
 * @example
 * const steps = new StepRecorder(backend, data, model, settings);
 * steps.recordEpochs(2, stepsPerEpoch); // then read losses and validLoss[0..2)
 */
import { type AdamSettings, type Backend, type Tensor } from '../backend';
import type { DeviceData } from './device-data';
import type { LayerShape, Mlp } from './model';
import type { OptimizerName } from './types';
/** fastai v1's AdamW: β2 0.99, ε 1e-8, decoupled weight decay 0.01. */
export declare const ADAM: AdamSettings;
/** SGD stays the notebook's plain update: no weight decay. */
export declare const SGD_WEIGHT_DECAY = 0;
export interface StepSettings {
    optimizer: OptimizerName;
    /** (lr, momentum) pairs, one per step; with K models, model m's from pair m·scheduleStride. */
    schedule: Float32Array;
    /** Steps each model's schedule and losses hold (the longest run's); one model: the schedule's length. */
    scheduleStride?: number;
    /** Each model's steps in all, after which it stops updating; one model: the schedule's length. */
    modelSteps?: number[];
    batchRows: number;
    /** Steps covered by one order buffer (its length is this × batchRows); 0 = use the training set as it is. */
    stepsPerOrder: number;
    /** Validation slots: passes recorded before one readback. */
    validationSlots: number;
    /** Keep every epoch's weights (line's (a, b)) in `trajectory`. */
    recordParameters?: boolean;
}
/**
 * Whether training runs on the fused linear epochs (one dispatch a chunk): the lesson-2 shape
 * of model (one layer, no bias, one output), MSE, plain SGD, every step the whole training set.
 */
export declare function fusesLinearEpochs(layers: readonly LayerShape[], data: DeviceData, optimizer: OptimizerName, batchRows: number): boolean;
export declare class StepRecorder {
    private readonly backend;
    private readonly data;
    private readonly model;
    private readonly settings;
    /** Model m's step t loss at m·scheduleStride + t. */
    readonly losses: Tensor;
    /** u32 per model. */
    readonly nonFinite: Tensor;
    /** Model m's validation loss of slot e at m·validationSlots + e. */
    readonly validLoss: Tensor;
    /** 1 per misclassified validation row, one aligned block per validation slot: model m's rows from m·validRows. */
    readonly wrong: Tensor | null;
    readonly wrongStride: number;
    readonly scheduleStride: number;
    /**
     * With recordParameters, the weights after each epoch, trajectoryStride() apart: fused (one
     * step an epoch, K = 1), step t's; otherwise validation slot e's, model m's parameterCount
     * further on.
     */
    readonly trajectory: Tensor | null;
    private readonly validTargets;
    /** Without a gather (every step the whole set, in order): the training targets, once per model. */
    private readonly trainTargets;
    /** Each model has its own copy of the tables (stacked), rather than all sharing one. */
    private readonly ownData;
    private readonly optimizerBatches;
    private readonly owned;
    private readonly order;
    private readonly batch;
    private readonly schedule;
    private readonly activations;
    private readonly validActivations;
    private readonly gradLogits;
    private readonly rowLoss;
    private readonly validGrad;
    private readonly validRowLoss;
    private readonly backwardBuffers;
    private readonly wrongSlots;
    /** The lesson-2 model trained full-batch with SGD: one fused dispatch for any number of epochs. */
    private readonly fused;
    constructor(backend: Backend, data: DeviceData, model: Mlp, settings: StepSettings);
    /** Elements between one epoch's weights and the next in `trajectory` (the fused kernel keeps only the features). */
    trajectoryStride(): number;
    /** The row order of the next `stepsPerOrder` steps: batch s is rows [s·K·b, (s+1)·K·b), model m's the m-th b of them. */
    writeOrder(indices: Uint32Array): void;
    /** Targets every model reads, once per model, so K models' rows line up with K copies (one gather, once). */
    private repeatedTargets;
    /**
     * recordEpochs, taking a turn once `msPerTurn` have passed since the last: on the CPU
     * backend recording is computing (on the page's thread, or the worker's), and an epoch of a
     * large model is far longer than a frame. An abort seen at a turn ends the recording there,
     * mid-epoch: Stop answers within a step or so, not at the end of the epoch (what was
     * recorded is dropped).
     */
    recordEpochsInTurns(epochs: number, stepsPerEpoch: number, active: number, msPerTurn: number, signal?: AbortSignal): Promise<void>;
    /** `count` training steps of the first `active` models, without validation (the LR finder's; a piece of a long epoch). */
    recordSteps(count: number, active?: number): void;
    /** The last `count` steps of an epoch recorded in pieces, then its validation into slot 0. */
    finishEpoch(count: number, active?: number): void;
    /**
     * `epochs` epochs of `stepsPerEpoch` steps, epoch e's validation into slot e, for the first
     * `active` models: with the models ordered longest run first, those whose runs have ended
     * cost nothing.
     */
    recordEpochs(epochs: number, stepsPerEpoch: number, active?: number): void;
    /** Records the epochs' steps and validations, pausing (a yield) after each step. */
    private epochSteps;
    private recordFused;
    private recordStep;
    /** The first K models' schedules and lengths, made once per K rather than once per step. */
    private optimizerBatch;
    /** Validation loss into validLoss[slot] (model m's at m·slots + slot) and, for classification, errors into slot's block of `wrong`. */
    private recordValidation;
    /** The validation logits of the last pass (for views: predicted digits, say). */
    get validLogits(): Tensor;
    dispose(): void;
    private own;
}
