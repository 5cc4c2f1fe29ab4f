/**
 * What tells two runs' settings apart, in words: the name a kept run goes by when it is
 * compared with the current one ("max_lr 0.01 → 0.1", "epochs 20 → 40, seed 1 → 2"). Each
 * setting is named as fastai's code names it (the attribute, `-` read as `_`), its values
 * written in the element's language (0,01 in Portuguese); the settings table says which
 * settings there are, so a new one is named without an edit here.
 *
 * @example
 * // given: const earlier: RunConfig, current: RunConfig
 * differenceLabel({ ...current, maxLr: 0.01 }, { ...current, maxLr: 0.1 }, 'en'); // "max_lr 0.01 → 0.1"
 */
import { formatLr, SETTINGS, type Language, type RunConfig } from '../engine/index';
import { strings } from './i18n';
import { formatNumber } from './views/numbers';

/** batch-size and train-size take the largest integer as "all rows" (settings/table.ts). */
const ALL = Number.MAX_SAFE_INTEGER;

/** The learning rates and the penalty's weight span decades: written as the slider writes them (3e-3). */
const LOG_SCALED = new Set<string>(['maxLr', 'regRate']);

/** The settings a run is trained with, as [name, field], in the table's order. */
const RUN_SETTINGS = SETTINGS.flatMap((s) => ('field' in s ? [[s.attribute.replace(/-/g, '_'), s.field] as const] : []));

/** One setting's value as the label writes it. */
function written(config: RunConfig, field: keyof RunConfig, lang: Language): string {
  const value = config[field];
  // A slice "lo,hi" over the photos' layer groups: both ends, as fastai's slice(lo, hi) reads.
  if (field === 'maxLr' && config.bodyLr !== undefined) return `${formatLr(config.bodyLr, lang)}–${formatLr(config.maxLr, lang)}`;
  if (typeof value === 'number') {
    if (value >= ALL) return strings(lang).all;
    if (LOG_SCALED.has(field)) return formatLr(value, lang);
    return Number.isInteger(value) ? String(value) : formatNumber(value, lang, 4);
  }
  if (typeof value === 'boolean') return value ? 'on' : 'off';
  // hidden's widths as the attribute writes them (32,16); features space-separated.
  if (Array.isArray(value)) return value.join(field === 'hidden' ? ',' : ' ');
  return String(value);
}

/** The setting's value as it is, to compare: max_lr with its slice's low end. */
const raw = (config: RunConfig, field: keyof RunConfig) => JSON.stringify(field === 'maxLr' ? [config.bodyLr, config.maxLr] : config[field]);

/** The settings `earlier` and `current` differ in, each as "name earlier → current". */
export function differences(earlier: RunConfig, current: RunConfig, lang: Language): string[] {
  return RUN_SETTINGS.flatMap(([name, field]) => {
    if (raw(earlier, field) === raw(current, field)) return [];
    const [from, to] = [written(earlier, field, lang), written(current, field, lang)];
    // Two values the short form writes alike (3.1e-3 and 3.14e-3) are written in full.
    return [from === to ? `${name} ${String(earlier[field])} → ${String(current[field])}` : `${name} ${from} → ${to}`];
  });
}

/** The name of a run trained with `earlier` beside one trained with `current`: its differences, or that there are none. */
export function differenceLabel(earlier: RunConfig, current: RunConfig, lang: Language): string {
  const found = differences(earlier, current, lang);
  return found.length ? found.join(', ') : strings(lang).compareSame;
}
