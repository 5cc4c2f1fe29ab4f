/**
 * `import 'training-playground'` registers <training-playground> and exports its class and
 * every public type.
 *
 * @example
 * import { TrainingPlayground } from 'training-playground';
 * const el = document.createElement('training-playground');
 * el.scenario = 'digits';
 * document.body.append(el);
 */
export { TrainingPlayground, type Theme } from './ui/training-playground';
export type { RunSummary } from './ui/kept-runs';
export type { PlaygroundErrorCode, PlaygroundErrorDetail, PlaygroundEventMap } from './ui/events';
// The engine's types, not its code: the element loads that when it first trains
// (ui/engine-loader.ts); pages that train without the element import training-playground/engine.
export type { BackendChoice, BackendKind, Engine, EngineOptions, EngineResources, TrainOptions } from './engine';
export type * from './train/types';
