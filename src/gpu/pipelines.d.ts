/**
 * Every kernel the backend dispatches, its bind-group layout written out by hand, and a
 * per-device cache of compiled pipelines: a WeakMap keyed by the device, so a lost device
 * takes its pipelines with it.
 */
import { type ShaderName } from './shaders';
/** One binding slot: a uniform, a read-only or a read-write storage buffer, or unused (null). */
export type BindingKind = 'uniform' | 'read' | 'write' | null;
export interface KernelSpec {
    shader: ShaderName;
    entryPoint: string;
    bindings: readonly BindingKind[];
    /** The module sets its own workgroup size; the rest take the WORKGROUP_SIZE override. */
    fixedWorkgroup?: true;
}
/** Threads per workgroup for the 1-D kernels: the WORKGROUP_SIZE override of each module. */
export declare const WORKGROUP_SIZE = 64;
export declare const KERNELS: {
    readonly fill: {
        readonly shader: "elementwise";
        readonly entryPoint: "fill";
        readonly bindings: readonly ["uniform", "write"];
    };
    readonly reluBackward: {
        readonly shader: "elementwise";
        readonly entryPoint: "relu_backward";
        readonly bindings: readonly ["uniform", "read", "read", "write"];
    };
    readonly gatherRows: {
        readonly shader: "elementwise";
        readonly entryPoint: "gather_rows";
        readonly bindings: readonly ["uniform", "read", "read", "read", "write"];
    };
    readonly gatherRowsU32: {
        readonly shader: "elementwise";
        readonly entryPoint: "gather_rows_u32";
        readonly bindings: readonly ["uniform", "read", "read", "read", "write"];
    };
    readonly uniform: {
        readonly shader: "random";
        readonly entryPoint: "uniform_";
        readonly bindings: readonly ["uniform", "write"];
    };
    readonly randomWords: {
        readonly shader: "random";
        readonly entryPoint: "random_words";
        readonly bindings: readonly ["uniform", "write"];
    };
    readonly matmul: {
        readonly shader: "matmul";
        readonly entryPoint: "matmul";
        readonly bindings: readonly ["uniform", "read", "read", "read", "write"];
        readonly fixedWorkgroup: true;
    };
    readonly matmulDirect: {
        readonly shader: "matmul";
        readonly entryPoint: "matmul_direct";
        readonly bindings: readonly ["uniform", "read", "read", "read", "write"];
    };
    readonly sumRows: {
        readonly shader: "reduce";
        readonly entryPoint: "sum_rows";
        readonly bindings: readonly ["uniform", "read", "write"];
    };
    readonly sum: {
        readonly shader: "reduce";
        readonly entryPoint: "sum";
        readonly bindings: readonly ["uniform", "read", "read", "write"];
    };
    readonly mse: {
        readonly shader: "loss";
        readonly entryPoint: "mse";
        readonly bindings: readonly ["uniform", "read", "read", "write", "write", "write"];
    };
    readonly softmaxCrossEntropy: {
        readonly shader: "loss";
        readonly entryPoint: "softmax_cross_entropy";
        readonly bindings: readonly ["uniform", "read", "read", "write", "write", "write"];
    };
    readonly binaryCrossEntropy: {
        readonly shader: "loss";
        readonly entryPoint: "binary_cross_entropy";
        readonly bindings: readonly ["uniform", "read", "read", "write", "write", "write"];
    };
    readonly countErrors: {
        readonly shader: "loss";
        readonly entryPoint: "count_errors";
        readonly bindings: readonly ["uniform", "read", "read", "write"];
    };
    readonly sgd: {
        readonly shader: "optim";
        readonly entryPoint: "sgd";
        readonly bindings: readonly ["uniform", "read", "read", "read", "write", "write", null, "write"];
    };
    readonly adamw: {
        readonly shader: "optim";
        readonly entryPoint: "adamw";
        readonly bindings: readonly ["uniform", "read", "read", "read", "write", "write", "write", "write"];
    };
    readonly advanceStep: {
        readonly shader: "optim";
        readonly entryPoint: "advance_step";
        readonly bindings: readonly ["write"];
        readonly fixedWorkgroup: true;
    };
    readonly advanceSteps: {
        readonly shader: "optim";
        readonly entryPoint: "advance_steps";
        readonly bindings: readonly ["uniform", "write"];
        readonly fixedWorkgroup: true;
    };
    readonly lossSurface: {
        readonly shader: "surface";
        readonly entryPoint: "loss_surface";
        readonly bindings: readonly ["uniform", "read", "read", "write"];
    };
    readonly linearSgdEpochs: {
        readonly shader: "fused";
        readonly entryPoint: "linear_sgd_epochs";
        readonly bindings: readonly ["uniform", "read", "read", "write", "write", "write", "write", "write", "write", "uniform"];
        readonly fixedWorkgroup: true;
    };
};
export type KernelName = keyof typeof KERNELS;
export type PipelineConstants = Record<string, number>;
export interface CompiledKernel {
    pipeline: GPUComputePipeline;
    layout: GPUBindGroupLayout;
    /** The binding numbers in use, in order. */
    slots: number[];
    key: string;
}
/** Pipelines compiled since the page loaded, on every device: grows only with new kernels or a new device. */
export declare function compiledPipelineCount(): number;
/**
 * The compiled pipeline of a kernel with these override constants. `onError` hears, later,
 * of a pipeline that failed validation (a driver that rejects a kernel, say).
 */
export declare function compileKernel(device: GPUDevice, name: KernelName, constants: PipelineConstants, onError: (message: string) => void): CompiledKernel;
