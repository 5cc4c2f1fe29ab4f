/**
 * The data sets that ship with the playground, by the name a scenario's record gives them
 * (scenarios/table.ts): the tables (builtin.ts) and the photos (fashion.ts), each fetched on
 * first use from beside the bundle.
 *
 * @example
 * const fashion = await loadBuiltin('fashion');   // 5,000 photos, the 1,000 test photos as its validation set
 */
import type { Dataset } from '../types';
import { loadCancer, loadDigits } from './builtin';
import { loadFashion } from './fashion';

export type BuiltinScenario = 'digits' | 'cancer' | 'fashion';

const LOADERS: Record<BuiltinScenario, () => Promise<Dataset>> = { digits: loadDigits, cancer: loadCancer, fashion: loadFashion };

/** The built-in data set named `set`, as the engine asks for it. */
export function loadBuiltin(set: BuiltinScenario): Promise<Dataset> {
  return LOADERS[set]();
}
