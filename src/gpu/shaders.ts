/**
 * WGSL sources, one module per kernel family. The only file that imports `?raw`: Vite
 * inlines the text in builds, and Vitest reads the same files in tests. WGSL has no
 * includes, so the shared pieces are joined here, in front of the modules: the prelude
 * (WORKGROUP_SIZE, the flat index, the non-finite test) in front of every one, the activation
 * functions in front of the two that apply them, and the workgroup sum in front of the two
 * that reduce over a batch inside a workgroup. Joined when this module loads, each piece
 * ships once in the bundle rather than once a module.
 */
import activation from '../../shaders/activation.wgsl?raw';
import augment from '../../shaders/augment.wgsl?raw';
import batchnorm from '../../shaders/batchnorm.wgsl?raw';
import conv from '../../shaders/conv.wgsl?raw';
import elementwise from '../../shaders/elementwise.wgsl?raw';
import fused from '../../shaders/fused.wgsl?raw';
import loss from '../../shaders/loss.wgsl?raw';
import matmul from '../../shaders/matmul.wgsl?raw';
import optim from '../../shaders/optim.wgsl?raw';
import planar from '../../shaders/planar.wgsl?raw';
import pool from '../../shaders/pool.wgsl?raw';
import prelude from '../../shaders/prelude.wgsl?raw';
import random from '../../shaders/random.wgsl?raw';
import reduce from '../../shaders/reduce.wgsl?raw';
import surface from '../../shaders/surface.wgsl?raw';
import workgroupSum from '../../shaders/workgroup-sum.wgsl?raw';

/** A module's text: the prelude, then the pieces it takes, then the module itself. */
const joined = (...parts: string[]): string => [prelude, ...parts].join('\n');

export const SHADERS = {
  batchnorm: joined(workgroupSum, batchnorm),
  conv: joined(conv),
  elementwise: joined(activation, elementwise),
  fused: joined(fused),
  loss: joined(loss),
  matmul: joined(activation, matmul),
  optim: joined(optim),
  planar: joined(planar),
  pool: joined(pool),
  random: joined(random),
  reduce: joined(reduce),
  surface: joined(surface),
  // After the generator, for its philox4x32_10: its own entry points ride along unused.
  augment: joined(random, augment),
} as const;
export type ShaderName = keyof typeof SHADERS;
