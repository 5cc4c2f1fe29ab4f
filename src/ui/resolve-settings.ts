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
  SETTINGS,
  settingOf,
  type ActivationName,
  type BackendChoice,
  type CnnName,
  type Dataset,
  type OptimizerName,
  type RegularizationName,
  type RunConfig,
  type Scenario,
  type ScheduleName,
  type Setting,
} from '../engine/index';
import { parseControls } from './control-values';
import { emit } from './events';
import type { Speed, View } from './views/line-panel';

/** `theme`'s values (the element exports it as `Theme`). */
export type ThemeName = 'light' | 'dark' | 'auto';
/** `what-if`'s values (the element exports it as `WhatIfSetting`). */
export type WhatIfName = 'on' | 'off';

/** Properties whose change means a new run: every RunConfig field's, and what-if's. */
export const TRAINING_PROPERTIES: readonly string[] = SETTINGS.flatMap((s) => ('field' in s || ('startsRun' in s && s.startsRun) ? [s.property] : []));

/** The settings whose value is one of a few words. */
type WordProperty = Extract<Setting, { kind: { type: 'enum' } }>['property'];

/** `value` if it is one of the setting's words, else the setting's default. */
function wordOr<T extends string>(property: WordProperty, value: T): T {
  const { kind, default: fallback } = settingOf(property);
  return (kind.values as readonly string[]).includes(value) ? value : (fallback as T);
}

/** Words as a sentence lists them: "data or parameters", "1, 4 or instant". */
const orList = (words: readonly string[]) => `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;

/** The element's properties as they stand, attribute strings unparsed (`hiddenLayers`, `features`). */
export interface ElementSettings {
  scenario: Scenario;
  epochs?: number;
  /** One rate, or a slice "lo,hi" (resolveConfig reads it). */
  maxLr?: number | string;
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
  model?: CnnName;
  augment: 'on' | 'off';
  pretrained: 'on' | 'off';
  stage: 'frozen' | 'unfrozen';
  whatIf: WhatIfName;
  backend: BackendChoice;
  controls: string;
  theme: ThemeName;
  view: View;
  speed: Speed;
}

/** `backend` as the engine takes it: an unknown value means the default, `auto`. */
export function backendChoice(backend: BackendChoice): BackendChoice {
  return wordOr('backend', backend);
}

/** `theme` as drawn: an unknown value means the default, `light`, and `auto` follows the reader's preference. */
export function effectiveTheme(theme: ThemeName, prefersDark: boolean): 'light' | 'dark' {
  const known = wordOr('theme', theme);
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
  const input: Record<string, unknown> = customData ? { data: customData } : {};
  for (const setting of SETTINGS) if ('field' in setting) input[setting.field] = s[setting.property];
  const { config, warnings } = resolveConfig(input);
  const problems = warnings.flatMap((w) => {
    const setting = SETTINGS.find((row) => 'field' in row && row.field === w.field);
    return setting && changed.has(setting.property) ? [`${setting.attribute}: ${w.message}`] : [];
  });
  const unknownWord = (property: 'theme' | 'backend' | 'whatIf' | 'view' | 'speed') => {
    const { attribute, kind, default: fallback } = settingOf(property);
    const value = s[property];
    // null: the attribute was removed, which means the default, silently.
    if (changed.has(property) && value !== null && !(kind.values as readonly string[]).includes(value)) {
      problems.push(`${attribute}: "${value}" is not ${orList(kind.values)}; using ${fallback}.`);
    }
  };
  unknownWord('theme');
  unknownWord('backend');
  unknownWord('whatIf');
  unknownWord('view');
  if ((changed.has('view') || changed.has('scenario')) && s.view === 'parameters' && !scenarioOf(config).views.includes('parameters')) {
    problems.push(`view: parameters draws line's two parameters (a, b); ${config.scenario} has more, so the picture shows the data.`);
  }
  unknownWord('speed');
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
