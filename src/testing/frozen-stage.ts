/**
 * Test support for the frozen stage, shared by the CPU and GPU tests: a few steps of cnn-tiny
 * on Fashion-MNIST photos, on the CPU twin or a GPU backend, and each layer's parameters before and after.
 *
 * @example
 * // given: const backend: Backend
 * const { layers, before, after } = await trainFrozenSteps(backend, 'frozen', 4);
 * // before[i] and after[i]: layer i's parameters (empty for a layer without any)
 */
import type { Backend } from '../backend';
import { defaultConfig } from '../train/config';
import { loadFashion, prepareImages } from '../train/data/fashion';
import { releaseData, uploadData } from '../train/data/device-data';
import type { Layer } from '../train/model/layers';
import { scheduleTable } from '../train/schedule/schedule';
import type { RunConfig } from '../train/types';
import { batchPlan } from '../train/loop/batches';
import { startModel } from '../train/loop/start-models';

/** `steps` steps of cnn-tiny (batch 16, 256 photos) in `stage` (and any other `change`), and every layer's parameters before and after. */
export async function trainFrozenSteps(
  backend: Backend,
  stage: RunConfig['stage'],
  steps: number,
  change: Partial<RunConfig> = {},
): Promise<{ layers: readonly Layer[]; before: Float32Array[]; after: Float32Array[] }> {
  const config: RunConfig = { ...defaultConfig('fashion'), model: 'cnn-tiny', trainSize: 256, batchSize: 16, epochs: 1, stage, seed: 3, ...change };
  const data = await uploadData(backend, await prepareImages(await loadFashion(), config));
  const plan = batchPlan(data.trainRows, config.batchSize);
  const schedule = scheduleTable(config.schedule, config.optimizer, config.maxLr, config.epochs * plan.stepsPerEpoch);
  const { model, steps: recorder } = startModel(backend, data, config, schedule, plan, 1, 1);
  const ranges = model.parameterRanges();
  const read = async (): Promise<Float32Array[]> => {
    const values = await backend.read(model.weights);
    return model.layers.map((_, i) => {
      const range = ranges.find((r) => r.layer === i);
      return range ? values.slice(range.offset, range.offset + range.length) : new Float32Array(0);
    });
  };
  const before = await read();
  recorder.writeOrder(Uint32Array.from({ length: plan.stepsPerEpoch * plan.batchRows }, (_, i) => i % data.trainRows));
  recorder.recordSteps(steps);
  const after = await read();
  recorder.dispose();
  model.dispose();
  releaseData(backend, data);
  return { layers: model.layers, before, after };
}
