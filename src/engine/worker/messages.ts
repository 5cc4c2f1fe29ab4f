/**
 * What the page and the CPU worker say to each other: calls of the Engine's methods by id,
 * an abort for a call's signal, and back the callbacks' arguments as they happen, then the
 * call's value or error. Everything here survives structured cloning (no functions).
 *
 * @example
 * // given: const worker: Worker, config: RunSettings
 * worker.postMessage({ kind: 'call', id: 1, method: 'train', config, options: { lang: 'en', whatIf: true } } satisfies ToWorker);
 */
import type { SurfaceGrid } from '../../backend';
import type { BuiltinScenario } from '../../train/data/builtin-sets';
import type { TrainOptions } from '../api';
import type { Boundary, Dataset, EpochStats, FilterMaps, RunSettings, RunResult, TrainedModel, WhatIf } from '../../train/types';

export type EngineMethod = 'train' | 'lrFind' | 'preview' | 'validationRows' | 'lossSurface' | 'predict';

export type ToWorker =
  | {
      kind: 'call';
      id: number;
      method: EngineMethod;
      config: RunSettings;
      /** TrainOptions without its callbacks and signal: what survives structured cloning. */
      options?: Pick<TrainOptions, 'lang' | 'whatIf' | 'stopAfter' | 'lrFindSuggestion' | 'filterPhoto'> & { filters?: boolean };
      grid?: SurfaceGrid;
      /** validationRows' row indices. */
      indices?: number[];
      /** predict's model and input row (its config is the model's). */
      model?: TrainedModel;
      input?: number[];
      /** A built-in data set the worker has not had yet: the page's bundle holds them, the worker's does not. */
      builtin?: { scenario: BuiltinScenario; dataset: Dataset };
    }
  | { kind: 'abort'; id: number };

export type FromWorker =
  | { kind: 'ready'; adapter: string }
  | { kind: 'epoch'; id: number; stats: EpochStats }
  | { kind: 'train-end'; id: number; result: RunResult }
  | { kind: 'what-if'; id: number; whatIf: WhatIf }
  | { kind: 'boundary'; id: number; boundary: Boundary }
  | { kind: 'filters'; id: number; filters: FilterMaps }
  | { kind: 'done'; id: number; value: unknown }
  /** `name` as well as the message: an error's class does not cross, its name does (DeviceLostError). */
  | { kind: 'failed'; id: number; message: string; name: string };
