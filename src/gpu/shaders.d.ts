export declare const SHADERS: {
    readonly elementwise: any;
    readonly fused: any;
    readonly loss: any;
    readonly matmul: any;
    readonly optim: any;
    readonly random: any;
    readonly reduce: any;
    readonly surface: any;
};
export type ShaderName = keyof typeof SHADERS;
