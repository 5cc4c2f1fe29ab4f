/**
 * The models a scenario's record names (ScenarioRecord.model), each built as a list of
 * layers (layers.ts) for the run's settings and data: the trainer walks the list and never
 * asks which scenario it came from. A new model is a new builder here.
 *
 * @example
 * import type { DeviceData } from '../data/device-data';
 * // given: const config: RunConfig, data: DeviceData
 * const { layers, startWeights, tracksParameters } = modelSpec(config, data);
 * // layers: linear 64→128, relu, linear 128→10; no start weights; tracksParameters false
 */
import { scenarioOf } from '../scenarios/table';
import type { ScenarioRecord } from '../scenarios/record';
import type { RunConfig } from '../types';
import { cnnLayers } from './cnn';
import { mlpLayers, type ImageSize, type ModelSpec } from './layers';

/** The notebook's starting parameters: a = (-1., 1). */
export const LINE_START: readonly number[] = [-1, 1];

/** What a builder needs of the data: its width in and out, and a photo's size. */
export interface ModelShape {
  featureCount: number;
  outputs: number;
  image?: ImageSize;
}

type ModelName = ScenarioRecord['model'];

const BUILDERS: Record<ModelName, (config: RunConfig, shape: ModelShape) => ModelSpec> = {
  // Lesson 2's y = x @ (a, b), x's second column all ones: one linear layer without bias.
  line: () => ({ layers: [{ kind: 'linear', inputs: 2, outputs: 1, bias: false }], startWeights: LINE_START, tracksParameters: true }),
  mlp: (config, shape) => ({ layers: mlpLayers(shape.featureCount, config.hidden, shape.outputs, config.activation), tracksParameters: false }),
  cnn: (config, shape) => ({ layers: cnnLayers(config.model, photoSize(shape), shape.outputs), tracksParameters: false }),
};

function photoSize(shape: ModelShape): ImageSize {
  if (!shape.image) throw new Error('A convolutional network trains on photos; this data is a table.');
  return shape.image;
}

/** The model a run trains, as its scenario's record names it. */
export function modelSpec(config: RunConfig, shape: ModelShape): ModelSpec {
  return BUILDERS[scenarioOf(config).model](config, shape);
}

/** Whether K runs of a config's model can train in the same dispatches: a perceptron's can, a CNN's train one at a time. */
export function trainsInBatches(config: RunConfig): boolean {
  const { model } = scenarioOf(config);
  return model !== 'cnn';
}
