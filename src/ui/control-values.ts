/**
 * Slider scales and attribute vocabularies. The max-lr slider is logarithmic over "nice"
 * values (1, 2, 3, 5 × 10^k from 1e-5 to 10), so arrow keys step through 3e-3, 5e-3, 1e-2…
 * and fastai's default 3e-3 is a stop.
 *
 * @example
 * LR_STOPS[lrToStop(3e-3)];   // 0.003
 */
import { formatLr, type Language, type RunConfig } from '../engine/index';
import { formatNumber } from './views/numbers';

export const LR_STOPS: readonly number[] = (() => {
  const stops: number[] = [];
  for (let exponent = -5; exponent <= 0; exponent++) for (const m of [1, 2, 3, 5]) stops.push(Number(`${m}e${exponent}`));
  stops.push(10);
  return stops;
})();

/** The stop nearest to `lr` on a log scale. */
export function lrToStop(lr: number): number {
  let best = 0;
  LR_STOPS.forEach((stop, i) => {
    if (Math.abs(Math.log(stop / lr)) < Math.abs(Math.log(LR_STOPS[best]! / lr))) best = i;
  });
  return best;
}

export const CONTROL_NAMES = [
  'epochs', 'max-lr', 'optimizer', 'schedule', 'batch-size', 'train-size', 'hidden', 'imbalance', 'oversample', 'seed', 'scenario', 'lr-find',
  'noise', 'activation', 'regularization', 'reg-rate', 'features', 'step', 'reset',
] as const;

/** TensorFlow Playground's regularization rates: the reg-rate slider's stops. */
export const REG_RATE_STOPS: readonly number[] = [0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10];

/** The stop nearest to `rate` (0 is its own stop). */
export function regRateToStop(rate: number): number {
  if (rate <= 0) return 0;
  let best = 1;
  REG_RATE_STOPS.forEach((stop, i) => {
    if (i > 0 && Math.abs(Math.log(stop / rate)) < Math.abs(Math.log(REG_RATE_STOPS[best]! / rate))) best = i;
  });
  return best;
}
export type ControlName = (typeof CONTROL_NAMES)[number];

/** The controls attribute: known names in the order given, and the unknown ones for a warning. */
export function parseControls(value: string | null | undefined): { controls: ControlName[]; unknown: string[] } {
  const tokens = (value ?? 'epochs max-lr').split(/\s+/).filter(Boolean);
  const controls = tokens.filter((t): t is ControlName => (CONTROL_NAMES as readonly string[]).includes(t));
  return { controls: [...new Set(controls)], unknown: tokens.filter((t) => !(CONTROL_NAMES as readonly string[]).includes(t)) };
}

/** The sliders whose value is written beside their label. */
export type SliderName = 'epochs' | 'max-lr' | 'imbalance' | 'noise' | 'reg-rate';

/** A slider's value as its label shows it and a screen reader reads it, in the page's language: "3e-3", "0,03", "0,003". */
export function sliderValue(name: SliderName, config: RunConfig, lang: Language): string {
  switch (name) {
    case 'epochs':
      return String(config.epochs);
    case 'max-lr':
      return formatLr(config.maxLr, lang);
    case 'imbalance':
      return String(config.imbalance);
    case 'noise':
      return String(config.noise);
    case 'reg-rate':
      return formatNumber(config.regRate, lang, 6);
  }
}

/** The fastai v1 call that trains the same way: Python's decimal point in every language. */
export function fastaiCall(config: Pick<RunConfig, 'epochs' | 'maxLr' | 'schedule'>): string {
  return config.schedule === 'one-cycle'
    ? `learn.fit_one_cycle(${config.epochs}, max_lr=${formatLr(config.maxLr)})`
    : `learn.fit(${config.epochs}, lr=${formatLr(config.maxLr)})`;
}

/** RunConfig fields as the attributes that set them, for messages. */
export const ATTRIBUTE_OF: Partial<Record<keyof RunConfig, string>> = {
  maxLr: 'max-lr',
  batchSize: 'batch-size',
  trainSize: 'train-size',
  regRate: 'reg-rate',
  data: 'src',
};
