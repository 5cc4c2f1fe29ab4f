/**
 * Slider scales and attribute vocabularies, from the settings table (SETTINGS): the max-lr
 * slider is logarithmic over "nice" values (1, 2, 3, 5 × 10^k from 1e-5 to 10), so arrow keys
 * step through 3e-3, 5e-3, 1e-2… and fastai's default 3e-3 is a stop.
 *
 * @example
 * LR_STOPS[lrToStop(3e-3)];              // 0.003
 * REG_RATE_STOPS[stopOf(REG_RATE_STOPS, 0.004)]; // 0.003
 */
import { formatLr, LR_STOPS, REG_RATE_STOPS, settingOf, SETTINGS, type Language, type RunConfig, type Setting } from '../engine/index';
import { formatNumber } from './views/numbers';

/** The max-lr and reg-rate sliders' stops, as the settings table gives them. */
export { LR_STOPS, REG_RATE_STOPS };

/** The index of the stop nearest to `value` on a log scale; a first stop of 0 is its own, for any value ≤ 0. */
export function stopOf(stops: readonly number[], value: number): number {
  if (value <= 0 && stops[0] === 0) return 0;
  let best = -1;
  stops.forEach((stop, i) => {
    if (stop > 0 && (best < 0 || Math.abs(Math.log(stop / value)) < Math.abs(Math.log(stops[best]! / value)))) best = i;
  });
  return best;
}

/** The max-lr stop nearest to `lr` on a log scale. */
export function lrToStop(lr: number): number {
  return stopOf(LR_STOPS, lr);
}

/** The controls that are buttons, not settings. */
const ACTIONS = ['lr-find', 'step', 'reset', 'model-file'] as const;
/** A setting a control shows, by its attribute; the table says which control. */
export type ControlSetting = Extract<Setting, { control: object }>;
export type ControlName = ControlSetting['attribute'] | (typeof ACTIONS)[number];
/** The settings a control shows, by the control's name (the setting's attribute), in the table's order. */
export const CONTROLLED: ReadonlyMap<ControlName, ControlSetting> = new Map(SETTINGS.flatMap((s) => ('control' in s ? [[s.attribute, s] as const] : [])));
export const CONTROL_NAMES: readonly ControlName[] = [...CONTROLLED.keys(), ...ACTIONS];

/** The controls attribute: known names in the order given, and the unknown ones for a warning. */
export function parseControls(value: string | null | undefined): { controls: ControlName[]; unknown: string[] } {
  const tokens = (value ?? settingOf('controls').default).split(/\s+/).filter(Boolean);
  const controls = tokens.filter((t): t is ControlName => (CONTROL_NAMES as readonly string[]).includes(t));
  return { controls: [...new Set(controls)], unknown: tokens.filter((t) => !(CONTROL_NAMES as readonly string[]).includes(t)) };
}

/** The sliders, whose value is written beside their label. */
export type SliderName = Extract<Setting, { control: { type: 'slider' } }>['attribute'];

/** A slider's value as its label shows it and a screen reader reads it, in the page's language: "3e-3", "0,03", "0,003". */
export function sliderValue(name: SliderName, config: RunConfig, lang: Language): string {
  if (name === 'max-lr') return formatLr(config.maxLr, lang);
  if (name === 'reg-rate') return formatNumber(config.regRate, lang, 6);
  // epochs, imbalance, noise: named as their RunConfig field, and written as they are.
  return String(config[name]);
}
