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
export type { PlaygroundErrorCode, PlaygroundErrorDetail, PlaygroundEventMap } from './ui/events';
export * from './engine';
