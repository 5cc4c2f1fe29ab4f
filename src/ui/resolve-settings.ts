/**
 * The element's attributes as a RunConfig, and what had to be replaced: clamp-and-warn in one
 * pure function (model-viewer's rule: an out-of-range attribute takes the nearest valid value
 * and says so once, never throws). Only attributes that changed in this update are reported,
 * so a bad value warns once, not on every render; a removed attribute (null) means the
 * default, silently.
 *
 * @example
 * // given: const settings: ElementSettings
 * const { config, problems } = resolveSettings(settings, null, new Set(['epochs']));
 * for (const message of problems) console.warn(`<training-playground> ${message}`);
 */
import {
  resolveConfig,
  scenarioOf,
  type ActivationName,
  type BackendChoice,
  type Dataset,
  type OptimizerName,
  type PlanarFeature,
  type RegularizationName,
  type RunConfig,
  type Scenario,
  type ScheduleName,
} from '../engine/index';
import { ATTRIBUTE_OF, parseControls } from './control-values';
import { emit } from './events';
import { SPEEDS, VIEWS, type Speed, type View } from './views/line-panel';

/** `theme`'s values (the element exports it as `Theme`). */
export type ThemeName = 'light' | 'dark' | 'auto';
export const THEMES: readonly ThemeName[] = ['light', 'dark', 'auto'];
export const BACKENDS: readonly BackendChoice[] = ['auto', 'webgpu', 'cpu'];
/** `what-if`'s values (the element exports it as `WhatIfSetting`). */
export type WhatIfName = 'on' | 'off';
export const WHAT_IF_SETTINGS: readonly WhatIfName[] = ['on', 'off'];

/** Properties whose change means a new run. */
export const TRAINING_PROPERTIES = [
  'scenario', 'epochs', 'maxLr', 'optimizer', 'schedule', 'batchSize', 'trainSize', 'hiddenLayers', 'imbalance', 'oversample', 'seed', 'seeds', 'whatIf',
  'noise', 'activation', 'regularization', 'regRate', 'features',
] as const;

/** The element's properties as they stand, attribute strings unparsed (`hiddenLayers`, `features`). */
export interface ElementSettings {
  scenario: Scenario;
  epochs?: number;
  maxLr?: number;
  optimizer?: OptimizerName;
  schedule?: ScheduleName;
  batchSize?: number;
  trainSize?: number;
  hiddenLayers?: string;
  imbalance?: number;
  oversample: boolean;
  seed?: number;
  seeds?: number;
  noise?: number;
  activation?: ActivationName;
  regularization?: RegularizationName;
  regRate?: number;
  features?: string;
  whatIf: WhatIfName;
  backend: BackendChoice;
  controls: string;
  theme: ThemeName;
  view: View;
  speed: Speed;
}

/** `backend` as the engine takes it: an unknown value means `auto`. */
export function backendChoice(backend: BackendChoice): BackendChoice {
  return BACKENDS.includes(backend) ? backend : 'auto';
}

/** `theme` as drawn: an unknown value means `light`, and `auto` follows the reader's preference. */
export function effectiveTheme(theme: ThemeName, prefersDark: boolean): 'light' | 'dark' {
  const known = THEMES.includes(theme) ? theme : 'light';
  return known === 'auto' ? (prefersDark ? 'dark' : 'light') : known;
}

/**
 * The run the settings describe, with the CSV's rows when `src` has loaded, and one message for
 * each changed attribute whose value had to be replaced (as `attribute: why; using what`).
 */
export function resolveSettings(
  s: ElementSettings,
  customData: Dataset | null,
  changed: { has(property: string): boolean },
): { config: RunConfig; problems: string[] } {
  const { config, warnings } = resolveConfig({
    scenario: s.scenario,
    epochs: s.epochs,
    maxLr: s.maxLr,
    optimizer: s.optimizer,
    schedule: s.schedule,
    batchSize: s.batchSize,
    trainSize: s.trainSize,
    hidden: s.hiddenLayers as unknown as number[] | undefined,
    imbalance: s.imbalance,
    oversample: s.oversample,
    seed: s.seed,
    seeds: s.seeds,
    noise: s.noise,
    activation: s.activation,
    regularization: s.regularization,
    regRate: s.regRate,
    features: s.features as unknown as PlanarFeature[] | undefined,
    ...(customData ? { data: customData } : {}),
  });
  const problems = warnings
    .filter((w) => w.field !== 'data' && changed.has(w.field === 'hidden' ? 'hiddenLayers' : w.field))
    .map((w) => `${ATTRIBUTE_OF[w.field] ?? w.field}: ${w.message}`);
  // null: the attribute was removed, which means the default, silently.
  const invalid = <T>(value: T | null, allowed: readonly T[]) => value !== null && !allowed.includes(value);
  if (changed.has('theme') && invalid(s.theme, THEMES)) problems.push(`theme: "${s.theme}" is not light, dark or auto; using light.`);
  if (changed.has('backend') && invalid(s.backend, BACKENDS)) problems.push(`backend: "${s.backend}" is not auto, webgpu or cpu; using auto.`);
  if (changed.has('whatIf') && invalid(s.whatIf, WHAT_IF_SETTINGS)) problems.push(`what-if: "${s.whatIf}" is not on or off; using on.`);
  if (changed.has('view') && invalid(s.view, VIEWS)) problems.push(`view: "${s.view}" is not data or parameters; using data.`);
  if ((changed.has('view') || changed.has('scenario')) && s.view === 'parameters' && !scenarioOf(config).views.includes('parameters')) {
    problems.push(`view: parameters draws line's two parameters (a, b); ${config.scenario} has more, so the picture shows the data.`);
  }
  if (changed.has('speed') && invalid(s.speed, SPEEDS)) problems.push(`speed: "${s.speed}" is not 1, 4 or instant; using 1.`);
  if (changed.has('controls')) {
    const { unknown } = parseControls(s.controls);
    if (unknown.length) problems.push(`controls: ${unknown.join(', ')} ${unknown.length > 1 ? 'are' : 'is'} not a control; ignored.`);
  }
  return { config, problems };
}

/** Says each problem once: a console warning and a `playground-error` (`invalid-attribute`) from `host` (an effect: call from `updated()`). */
export function reportProblems(host: EventTarget, problems: readonly string[]): void {
  for (const message of problems) {
    console.warn(`<training-playground> ${message}`);
    emit(host, 'playground-error', { code: 'invalid-attribute', message });
  }
}
