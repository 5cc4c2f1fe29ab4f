/**
 * Every kernel the backend dispatches, its bind-group layout written out by hand, and a
 * per-device cache of compiled pipelines: a WeakMap keyed by the device, so a lost device
 * takes its pipelines with it.
 */
import { SHADERS, type ShaderName } from './shaders';

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
export const WORKGROUP_SIZE = 64;

export const KERNELS = {
  fill: { shader: 'elementwise', entryPoint: 'fill', bindings: ['uniform', 'write'] },
  activate: { shader: 'elementwise', entryPoint: 'activation_forward', bindings: ['uniform', 'read', 'write'] },
  activationBackward: { shader: 'elementwise', entryPoint: 'activation_backward', bindings: ['uniform', 'read', 'read', 'write'] },
  gatherRows: { shader: 'elementwise', entryPoint: 'gather_rows', bindings: ['uniform', 'read', 'read', 'read', 'write'] },
  gatherRowsU32: { shader: 'elementwise', entryPoint: 'gather_rows_u32', bindings: ['uniform', 'read', 'read', 'read', 'write'] },
  uniform: { shader: 'random', entryPoint: 'uniform_', bindings: ['uniform', 'write'] },
  randomWords: { shader: 'random', entryPoint: 'random_words', bindings: ['uniform', 'write'] },
  matmul: { shader: 'matmul', entryPoint: 'matmul', bindings: ['uniform', 'read', 'read', 'read', 'write'], fixedWorkgroup: true },
  matmulDirect: { shader: 'matmul', entryPoint: 'matmul_direct', bindings: ['uniform', 'read', 'read', 'read', 'write'] },
  sumRows: { shader: 'reduce', entryPoint: 'sum_rows', bindings: ['uniform', 'read', 'write'] },
  sum: { shader: 'reduce', entryPoint: 'sum', bindings: ['uniform', 'read', 'read', 'write'] },
  mse: { shader: 'loss', entryPoint: 'mse', bindings: ['uniform', 'read', 'read', 'write', 'write', 'write'] },
  softmaxCrossEntropy: {
    shader: 'loss',
    entryPoint: 'softmax_cross_entropy',
    bindings: ['uniform', 'read', 'read', 'write', 'write', 'write'],
  },
  binaryCrossEntropy: {
    shader: 'loss',
    entryPoint: 'binary_cross_entropy',
    bindings: ['uniform', 'read', 'read', 'write', 'write', 'write'],
  },
  countErrors: { shader: 'loss', entryPoint: 'count_errors', bindings: ['uniform', 'read', 'read', 'write'] },
  sgd: { shader: 'optim', entryPoint: 'sgd', bindings: ['uniform', 'read', 'read', 'read', 'write', 'write', null, 'write'] },
  adamw: {
    shader: 'optim',
    entryPoint: 'adamw',
    bindings: ['uniform', 'read', 'read', 'read', 'write', 'write', 'write', 'write'],
  },
  advanceStep: { shader: 'optim', entryPoint: 'advance_step', bindings: ['write'], fixedWorkgroup: true },
  advanceSteps: { shader: 'optim', entryPoint: 'advance_steps', bindings: ['uniform', 'write'], fixedWorkgroup: true },
  planarFeatures: { shader: 'planar', entryPoint: 'planar_features', bindings: ['uniform', 'read', 'write'] },
  penalize: { shader: 'planar', entryPoint: 'penalize', bindings: ['uniform', 'read', 'read', 'write'] },
  lossSurface: { shader: 'surface', entryPoint: 'loss_surface', bindings: ['uniform', 'read', 'read', 'write'] },
  conv2d: { shader: 'conv', entryPoint: 'conv2d', bindings: ['uniform', 'read', 'read', 'read', 'write'] },
  conv2dWeightsGrad: { shader: 'conv', entryPoint: 'conv2d_weights_grad', bindings: ['uniform', 'read', 'read', 'write', 'write'], fixedWorkgroup: true },
  maxPool: { shader: 'pool', entryPoint: 'max_pool', bindings: ['uniform', 'read', 'write'] },
  maxPoolBackward: { shader: 'pool', entryPoint: 'max_pool_backward', bindings: ['uniform', 'read', 'read', 'write'] },
  avgPool: { shader: 'pool', entryPoint: 'avg_pool', bindings: ['uniform', 'read', 'write'] },
  avgPoolBackward: { shader: 'pool', entryPoint: 'avg_pool_backward', bindings: ['uniform', 'read', 'write'] },
  batchNorm: { shader: 'batchnorm', entryPoint: 'batch_norm', bindings: ['uniform', 'read', 'read', 'read', 'write', 'write', 'write', 'write'] },
  batchNormBackward: {
    shader: 'batchnorm',
    entryPoint: 'batch_norm_backward',
    bindings: ['uniform', 'read', 'read', 'read', 'write', 'write', 'write', 'write'],
  },
  linearSgdEpochs: {
    shader: 'fused',
    entryPoint: 'linear_sgd_epochs',
    bindings: ['uniform', 'read', 'read', 'write', 'write', 'write', 'write', 'write', 'write', 'uniform'],
    fixedWorkgroup: true,
  },
  augmentImages: { shader: 'augment', entryPoint: 'augment_images', bindings: ['uniform', 'read', 'read', 'read', 'write'] },
} as const satisfies Record<string, KernelSpec>;

export type KernelName = keyof typeof KERNELS;
export type PipelineConstants = Record<string, number>;

export interface CompiledKernel {
  pipeline: GPUComputePipeline;
  layout: GPUBindGroupLayout;
  /** The binding numbers in use, in order. */
  slots: number[];
  key: string;
}

const caches = new WeakMap<GPUDevice, Map<string, CompiledKernel>>();
let compiledPipelines = 0;

/** Pipelines compiled since the page loaded, on every device: grows only with new kernels or a new device. */
export function compiledPipelineCount(): number {
  return compiledPipelines;
}
const modules = new WeakMap<GPUDevice, Map<ShaderName, GPUShaderModule>>();

function shaderModule(device: GPUDevice, shader: ShaderName): GPUShaderModule {
  let byName = modules.get(device);
  if (!byName) modules.set(device, (byName = new Map()));
  let module = byName.get(shader);
  if (!module) {
    module = device.createShaderModule({ label: `${shader}.wgsl`, code: SHADERS[shader] });
    byName.set(shader, module);
  }
  return module;
}

const bufferType = { uniform: 'uniform', read: 'read-only-storage', write: 'storage' } as const;

/**
 * The compiled pipeline of a kernel with these override constants. `onError` hears, later,
 * of a pipeline that failed validation (a driver that rejects a kernel, say).
 */
export function compileKernel(
  device: GPUDevice,
  name: KernelName,
  constants: PipelineConstants,
  onError: (message: string) => void,
): CompiledKernel {
  const spec: KernelSpec = KERNELS[name];
  const overrides = spec.fixedWorkgroup ? constants : { WORKGROUP_SIZE, ...constants };
  const key = `${name}${JSON.stringify(overrides)}`;
  let cache = caches.get(device);
  if (!cache) caches.set(device, (cache = new Map()));
  const cached = cache.get(key);
  if (cached) return cached;

  const slots = spec.bindings.flatMap((kind, binding) => (kind ? [binding] : []));
  device.pushErrorScope('validation');
  const layout = device.createBindGroupLayout({
    label: `${name} layout`,
    entries: slots.map((binding) => ({
      binding,
      visibility: GPUShaderStage.COMPUTE,
      buffer: { type: bufferType[spec.bindings[binding] as Exclude<BindingKind, null>] },
    })),
  });
  const pipeline = device.createComputePipeline({
    label: `${name} pipeline`,
    layout: device.createPipelineLayout({ label: `${name} pipeline layout`, bindGroupLayouts: [layout] }),
    compute: { module: shaderModule(device, spec.shader), entryPoint: spec.entryPoint, constants: overrides },
  });
  void device.popErrorScope().then((error) => {
    if (error) onError(`The "${name}" kernel failed to compile on this GPU: ${error.message}`);
  });
  const compiled = { pipeline, layout, slots, key };
  cache.set(key, compiled);
  compiledPipelines++;
  return compiled;
}
