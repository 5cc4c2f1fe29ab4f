/**
 * `import { createEngine } from 'training-playground/engine'`: training without the UI.
 *
 * @example
 * const engine = await createEngine();
 * const { history, diagnosis } = await engine.train({ scenario: 'digits', epochs: 5 });
 */
export {
  createEngine,
  CsvError,
  decodeModel,
  defaultConfig,
  diagnose,
  encodeModel,
  engineResources,
  formatLr,
  ModelFileError,
  parseCsv,
  resolveConfig,
  type BackendChoice,
  type Engine,
  type EngineOptions,
  type EngineResources,
  type TrainOptions,
} from './engine/index';
export type * from './train/types';
export type { BackendKind } from './backend';
export { WebGpuUnavailableError } from './gpu/device';
