/**
 * A multi-layer perceptron recorded on a Backend. All parameters live in one flat buffer
 * (each weight and bias a slice aligned for binding), and so do their gradients and the
 * optimizer's moments: one optimizer dispatch updates every layer.
 *
 * It may hold K independent models of the one architecture (what-if runs): model m's
 * parameters follow model m − 1's, each operation runs all K at once with the model as the
 * grid's z, and model m's rows of every activation follow model m − 1's.
 *
 * `line` is the one-layer case without bias: y = x @ (a, b) with x's second column all ones,
 * exactly the lesson-2 notebook.
 *
 * @example
 * const model = new Mlp(backend, mlpLayers(64, [128], 10));
 * model.initialize(seed);
 * model.forward(x, rows, activations);
 */
import { type Backend, type Tensor } from '../backend';
export interface LayerShape {
    inputs: number;
    outputs: number;
    bias: boolean;
    relu: boolean;
}
/** Hidden ReLU layers with biases, then a linear output layer. */
export declare function mlpLayers(inputs: number, hidden: number[], outputs: number): LayerShape[];
export declare class Mlp {
    private readonly backend;
    readonly layers: LayerShape[];
    readonly models: number;
    readonly weights: Tensor;
    readonly grads: Tensor;
    readonly moment1: Tensor;
    readonly moment2: Tensor;
    /** One model's flat length, alignment padding included (padding has zero gradient, so it stays put). */
    readonly parameterCount: number;
    /** All the models' parameters: models × parameterCount. */
    readonly totalParameters: number;
    private readonly slices;
    private readonly owned;
    constructor(backend: Backend, layers: LayerShape[], models?: number);
    get outputs(): number;
    /**
     * PyTorch's nn.Linear initialisation (kaiming_uniform_ with a = √5): weights and biases
     * uniform in ±1/√fan_in, drawn on the device from the seeded generator; model m from
     * seeds[m], so it starts where it would alone.
     */
    initialize(seeds: number | number[]): void;
    /** Sets every weight of a one-layer model without bias, in each model: line's starting (a, b) = (−1, 1). */
    setWeights(values: number[]): void;
    /** Activation buffers, one per layer, for `rows` rows of each model; the caller releases them. */
    activations(rows: number, label: string): Tensor[];
    /**
     * `rows` rows through the first `active` models (the others' runs have ended): model m's
     * input rows sit m·xStride into x (0: every model reads the same).
     */
    forward(x: Tensor, rows: number, activations: Tensor[], xStride: number, active?: number): void;
    /** Gradient buffers for backward, one per hidden layer and one scratch for g·Wᵀ; the caller releases them. */
    backwardBuffers(rows: number): {
        hidden: Tensor[];
        scratch: Tensor;
    };
    /** Fills the first `active` models' `grads` from the loss gradient wrt the logits (already scaled for the mean); x as in forward. */
    backward(x: Tensor, rows: number, xStride: number, activations: Tensor[], gradLogits: Tensor, buffers: {
        hidden: Tensor[];
        scratch: Tensor;
    }, active?: number): void;
    dispose(): void;
    private own;
    private zero;
}
