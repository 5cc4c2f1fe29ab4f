/**
 * fastai's two stages as a learner runs them on one learner: `learn.fit_one_cycle(4)` with
 * the body frozen, then `learn.unfreeze()` and `learn.fit_one_cycle(2, max_lr=slice(1e-6,
 * 1e-4))`, which goes on from the weights the first left. The engine keeps the state the
 * last frozen run of a photo model left; an unfrozen run of the same learner (the same
 * photos, network, starting body and seed) starts from it instead of from the pretrained body.
 * A new frozen run replaces it. Unfrozen runs start from it every time, not from each other,
 * so the same settings give the same run.
 *
 * @example
 * // a frozen run's settings and its final state
 * // given: const config: RunConfig, state: Float32Array
 * const carry = new StageCarry();
 * carry.keep(config, state);
 * carry.startFor({ ...config, stage: 'unfrozen', maxLr: 1e-4, bodyLr: 1e-6 }); // state
 * carry.startFor({ ...config, stage: 'unfrozen', seed: 1 });                     // undefined: another learner
 */
import { scenarioOf } from '../train/scenarios/table';
import type { Dataset, RunConfig } from '../train/types';

/**
 * What makes two runs the same learner: its data, network, starting body and seed (not its
 * stage, rates, epochs). The learner's own photos are its data too: a set cleaned or added to
 * since the frozen run is another learner's, as fastai's new DataLoaders make a new one.
 */
function learnerOf(config: RunConfig): string {
  const { scenario, model, pretrained, trainSize, imbalance, oversample, augment, seed, batchSize, data } = config;
  return JSON.stringify([scenario, model, pretrained, trainSize, imbalance, oversample, augment, seed, batchSize, data ? dataPrint(data) : null]);
}

/** A data set's fingerprint: its size, its classes and sums over its labels and values (a photo moved or deleted changes them). */
function dataPrint(data: Dataset): [number, number, string[] | null, number, number] {
  let labels = 0;
  for (let i = 0; i < data.labels.length; i++) labels += (i + 1) * data.labels[i]!;
  let values = 0;
  for (let i = 0; i < data.features.length; i++) values += data.features[i]! * ((i % 97) + 1);
  return [data.rows, data.featureCount, data.classNames ?? null, labels, values];
}

export class StageCarry {
  private kept: { learner: string; state: Float32Array } | null = null;

  /** Whether a run's final state is worth keeping: a photo model's frozen stage. */
  keeps(config: RunConfig): boolean {
    return scenarioOf(config).model === 'cnn' && config.stage === 'frozen';
  }

  keep(config: RunConfig, state: Float32Array): void {
    if (this.keeps(config)) this.kept = { learner: learnerOf(config), state };
  }

  /** The state an unfrozen run of this learner goes on from, when its frozen stage was the last one kept. */
  startFor(config: RunConfig): Float32Array | undefined {
    if (scenarioOf(config).model !== 'cnn' || config.stage !== 'unfrozen' || this.kept?.learner !== learnerOf(config)) return undefined;
    return this.kept.state;
  }
}
