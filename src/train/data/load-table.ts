/**
 * The table a scenario trains on, read from its record's data (scenarios/table.ts): a built-in
 * set, a planar shape drawn from the seed, or the learner's own; split and prepared on the
 * host (prepare.ts), standardized where the record says. Line's data is no table: it is drawn
 * on the device (device-data.ts).
 *
 * @example
 * import { resolveConfig } from '../config';
 * import { loadBuiltin } from './builtin-sets';
 * const prepared = await loadTable(resolveConfig({ scenario: 'cancer', seed: 3 }).config, loadBuiltin);
 */
import { yieldToPage } from '../../cpu/yield-to-page';
import { scenarioOf } from '../scenarios/table';
import type { Dataset, RunConfig } from '../types';
import type { BuiltinScenario } from './builtin-sets';
import { planarDataset } from './planar';
import { isImageDataset, prepareImages } from './fashion';
import { preparePhotos } from './photos';
import { prepareData, type PreparedData } from './prepare';

/** Where the built-in data sets come from: the bundle on the page; the page, in the CPU worker. */
export type BuiltinData = (set: BuiltinScenario) => Promise<Dataset>;

export async function loadTable(config: RunConfig, builtin: BuiltinData): Promise<PreparedData> {
  const { data } = scenarioOf(config);
  // Drawing, parsing and preparing each take a task of their own, apart from the caller's (on
  // the page: the element's render of the run's start): together they made 70-100 ms tasks.
  await yieldToPage();
  switch (data.source) {
    case 'builtin': {
      const dataset = await builtin(data.set);
      await yieldToPage();
      return isImageDataset(dataset) ? prepareImages(dataset, config) : prepareData(dataset, config, { standardize: data.standardize });
    }
    case 'planar': {
      const dataset = planarDataset(data.shape, config);
      await yieldToPage();
      return prepareData(dataset, config, { standardize: data.standardize });
    }
    case 'custom':
      if (!config.data) throw new Error(`The "${config.scenario}" scenario needs ${data.rows === 'photos' ? 'photos: add them (addImages) or give a manifest (src)' : 'a data set: give a CSV (src) or a Dataset (config.data)'}.`);
      return data.rows === 'photos' ? preparePhotos(config.data, config) : prepareData(config.data, config, { standardize: data.standardize });
    case 'line':
      throw new Error(`The ${config.scenario} data is drawn on the device (generateLineData), not prepared as a table.`);
  }
}
