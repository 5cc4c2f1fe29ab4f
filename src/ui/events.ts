/**
 * The element's events, typed. All bubble and cross shadow roots (composed), as the API says.
 *
 * @example
 * // given: const playground: TrainingPlayground
 * playground.addEventListener('epoch-end', (e) => console.log(e.detail.validLoss));
 */
import type { Diagnosis, EpochStats, RunConfig, RunResult } from '../engine/index';

export type PlaygroundErrorCode = 'invalid-attribute' | 'webgpu-unavailable' | 'device-lost' | 'invalid-csv' | 'training-failed' | 'invalid-model' | 'invalid-photo';

export interface PlaygroundErrorDetail {
  code: PlaygroundErrorCode;
  message: string;
}

export interface PlaygroundEventMap {
  'train-start': CustomEvent<RunConfig>;
  'epoch-end': CustomEvent<EpochStats>;
  'train-end': CustomEvent<RunResult>;
  /** The final diagnosis, once the what-if runs have spoken. */
  diagnosis: CustomEvent<Diagnosis>;
  'playground-error': CustomEvent<PlaygroundErrorDetail>;
}

export function emit<K extends keyof PlaygroundEventMap>(target: EventTarget, type: K, detail: PlaygroundEventMap[K]['detail']): void {
  target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
}

declare global {
  interface HTMLElementEventMap extends PlaygroundEventMap {}
}
