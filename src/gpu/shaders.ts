/**
 * WGSL sources, one module per kernel family. The only file that imports `?raw`: Vite
 * inlines the text in builds, and Vitest reads the same files in tests. WGSL has no
 * includes, so the activation functions are prepended to the two modules that apply them, and
 * the workgroup sum to the two that reduce over a batch inside a workgroup.
 */
import activation from '../../shaders/activation.wgsl?raw';
import batchnorm from '../../shaders/batchnorm.wgsl?raw';
import conv from '../../shaders/conv.wgsl?raw';
import elementwise from '../../shaders/elementwise.wgsl?raw';
import fused from '../../shaders/fused.wgsl?raw';
import loss from '../../shaders/loss.wgsl?raw';
import matmul from '../../shaders/matmul.wgsl?raw';
import optim from '../../shaders/optim.wgsl?raw';
import planar from '../../shaders/planar.wgsl?raw';
import pool from '../../shaders/pool.wgsl?raw';
import random from '../../shaders/random.wgsl?raw';
import reduce from '../../shaders/reduce.wgsl?raw';
import surface from '../../shaders/surface.wgsl?raw';
import workgroupSum from '../../shaders/workgroup-sum.wgsl?raw';

export const SHADERS = {
  batchnorm: `${workgroupSum}\n${batchnorm}`,
  conv: `${workgroupSum}\n${conv}`,
  elementwise: `${activation}\n${elementwise}`,
  fused,
  loss,
  matmul: `${activation}\n${matmul}`,
  optim,
  planar,
  pool,
  random,
  reduce,
  surface,
} as const;
export type ShaderName = keyof typeof SHADERS;
