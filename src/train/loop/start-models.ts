/**
 * Fresh models at their starting weights, with the recorder that trains them: the model the
 * run's scenario names (model/builders.ts), K copies of it for K runs trained at once, and
 * their schedules packed side by side.
 *
 * @example
 * import type { DeviceData } from '../data/device-data';
 * import { scheduleTable } from '../schedule/schedule';
 * import { batchPlan } from './batches';
 * // given: const backend: Backend, data: DeviceData, config: RunConfig
 * const plan = batchPlan(data.trainRows, config.batchSize);
 * const schedule = scheduleTable(config.schedule, config.optimizer, config.maxLr, config.epochs * plan.stepsPerEpoch);
 * const { model, steps } = startModel(backend, data, config, schedule, plan, 1, 1);
 * steps.recordEpochs(1, plan.stepsPerEpoch);
 */
import type { Backend } from '../../backend';
import type { DeviceData } from '../data/device-data';
import { modelSpec } from '../model/builders';
import { cnnBodyLength } from '../model/cnn';
import { layerGroups, layerLrScales, stageMaxLr } from '../model/layer-groups';
import type { Layer } from '../model/layers';
import { Sequential } from '../model/sequential';
import { scheduleTable } from '../schedule/schedule';
import type { RunConfig } from '../types';
import type { BatchPlan } from './batches';
import { FASHION_AUGMENT, StepRecorder } from './step-recorder';
import { assertFeasible } from './work-estimate';

/** K models' schedules packed one after another, `stride` steps apart, and each model's own length. */
export interface PackedSchedules {
  schedule: Float32Array;
  stride: number;
  steps: number[];
}

/** Each config's schedule over its own steps, packed for K models trained at once. */
export function packSchedules(configs: RunConfig[], stepsPerEpoch: number): PackedSchedules {
  const steps = configs.map((c) => c.epochs * stepsPerEpoch);
  const stride = Math.max(...steps);
  const schedule = new Float32Array(2 * configs.length * stride);
  configs.forEach((c, m) => schedule.set(scheduleTable(c.schedule, c.optimizer, c.maxLr, steps[m]!), 2 * m * stride));
  return { schedule, stride, steps };
}

/**
 * A fresh model at its starting weights and the recorder that trains it, for `epochsPerOrder`
 * epochs of shuffled batches between order writes and `validationSlots` epochs a readback.
 */
export function startModel(
  backend: Backend,
  data: DeviceData,
  config: RunConfig,
  schedule: Float32Array,
  plan: BatchPlan,
  epochsPerOrder: number,
  validationSlots: number,
): { model: Sequential; steps: StepRecorder } {
  return startModels(backend, data, [config], { schedule, stride: schedule.length / 2, steps: [schedule.length / 2] }, plan, epochsPerOrder, validationSlots);
}

/**
 * K fresh models of one architecture (one per config, each from its own seed) on one data set,
 * and their recorder. A photo model starts its body from the pretrained one when `pretrained`
 * is on, and the whole model from `startState` (Sequential.readState) when given.
 */
export function startModels(
  backend: Backend,
  data: DeviceData,
  configs: RunConfig[],
  packed: PackedSchedules,
  plan: BatchPlan,
  epochsPerOrder: number,
  validationSlots: number,
  startState?: Float32Array,
): { model: Sequential; steps: StepRecorder } {
  const [first] = configs as [RunConfig];
  if (startState && configs.length > 1) throw new Error('A run continues from a saved state alone, not in a batch.');
  const spec = modelSpec(first, data);
  // Before any allocation: a step this backend cannot finish in reasonable time is refused.
  assertFeasible(backend, spec.layers, plan.batchRows, configs.length, Math.max(...configs.map((c) => c.epochs)) * plan.stepsPerEpoch);
  const model = new Sequential(backend, spec.layers, configs.length);
  if (spec.startWeights) model.setWeights(spec.startWeights);
  else model.initialize(configs.map((c) => c.seed));
  // The head stays at its seed's weights: fastai's cnn_learner puts a fresh head on the pretrained body.
  const body = pretrainedBody(first, spec.layers, data);
  if (startState) model.loadState(startState);
  else if (body) model.loadState(body, cnnBodyLength(first.model));
  const steps = new StepRecorder(backend, data, model, {
    optimizer: first.optimizer,
    schedule: packed.schedule,
    scheduleStride: packed.stride,
    modelSteps: packed.steps,
    batchRows: plan.batchRows,
    stepsPerOrder: plan.shuffled ? epochsPerOrder * plan.stepsPerEpoch : 0,
    validationSlots,
    recordParameters: spec.tracksParameters,
    penalty: first.regularization !== 'none' && first.regRate > 0 ? { kind: first.regularization, rate: first.regRate } : null,
    augment: data.image && first.augment === 'on' ? { seed: first.seed, settings: FASHION_AUGMENT } : null,
    layerLrScales: stageScales(first, spec.layers, configs.length),
  });
  return { model, steps };
}

/** The body a run starts from: its network's pretrained one, when `pretrained` is on and one was made for these photos. */
function pretrainedBody(config: RunConfig, layers: readonly Layer[], data: DeviceData): Float32Array | undefined {
  if (config.pretrained !== 'on' || !layers.some((l) => l.kind === 'conv2d')) return undefined;
  return data.backbones?.[config.model];
}

/**
 * An image model's per-layer learning-rate scales for its stage and max-lr (stageMaxLr), or
 * null when every layer trains at max-lr: unfrozen from scratch with one max-lr, a perceptron
 * (one group: MLP scenarios ignore stage), or K models at once.
 */
function stageScales(config: RunConfig, layers: readonly Layer[], models: number): number[] | null {
  const maxLr = stageMaxLr(config);
  if (maxLr === null || models !== 1 || !layers.some((l) => l.kind === 'conv2d')) return null;
  return layerLrScales(layers, layerGroups(layers, cnnBodyLength(config.model)), config.stage, maxLr);
}
