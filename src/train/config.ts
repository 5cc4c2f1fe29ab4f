/**
 * RunConfig defaults per scenario, and resolution of partial or invalid input: every value is
 * clamped to the nearest valid one, with a warning a person can act on, never an exception.
 * The ranges, values and common defaults are the settings table's (settings/table.ts), the
 * rest of the defaults the scenario's record (scenarios/table.ts).
 *
 * @example
 * const { config, warnings } = resolveConfig({ scenario: 'digits', maxLr: 50 });
 * // config.maxLr === 10; warnings[0].field === 'maxLr'
 */
import { parseMaxLr } from './model/layer-groups';
import { scenarioOf, takesPhotos } from './scenarios/table';
import type { ScenarioDefaults } from './scenarios/record';
import { PER_SCENARIO, SETTINGS, settingOf, type Setting, type SettingProperty } from './settings/table';
import type { RunConfig, Scenario , RunSettings } from './types';

export { LINE_ROWS } from './scenarios/table';

/** The numeric settings' ranges, by property. */
function rangesOf<P extends SettingProperty>(properties: readonly P[]): Record<P, readonly [min: number, max: number]> {
  return Object.fromEntries(properties.map((p) => [p, (settingOf(p).kind as { range: readonly [number, number] }).range])) as Record<P, readonly [number, number]>;
}
/**
 * The ranges the what-if plans and the diagnosis judge step within. Marked pure so that a
 * bundle that never reads them (the element's) drops the call.
 */
export const LIMITS = /* @__PURE__ */ rangesOf(['epochs', 'maxLr', 'seeds', 'noise', 'regRate']);

export interface ConfigWarning {
  field: keyof RunConfig;
  message: string;
}

/** A setting of the run: a row of the settings table that sets a RunConfig field. */
type RunSetting = Extract<Setting, { field: keyof RunConfig }>;

/** Every setting's default that no scenario's record gives (scenarios/table.ts gives the rest), in the table's order. */
const COMMON_DEFAULTS = Object.fromEntries(
  SETTINGS.flatMap((s) => ('field' in s && s.field !== 'scenario' && s.default !== PER_SCENARIO ? [[s.field, s.default]] : [])),
) as unknown as Omit<RunConfig, keyof ScenarioDefaults | 'scenario'>;

export function defaultConfig(scenario: Scenario): RunConfig {
  const { defaults } = scenarioOf(scenario);
  // Arrays copied: a config is the caller's to change, the tables are not.
  return { ...COMMON_DEFAULTS, ...defaults, scenario, features: [...COMMON_DEFAULTS.features], hidden: [...defaults.hidden] };
}

/** A list of names from `allowed`, in its order (`features`): unknown names or none at all are replaced. */
function namesOf(warnings: ConfigWarning[], field: keyof RunConfig, value: unknown, allowed: readonly string[], fallback: string[]): string[] {
  if (value === undefined || value === null) return fallback;
  const names = Array.isArray(value) ? value.map(String) : String(value).split(/[\s,]+/).filter((s) => s !== '');
  const unknown = names.filter((n) => !allowed.includes(n));
  const chosen = allowed.filter((f) => names.includes(f));
  if (unknown.length > 0 || chosen.length === 0) {
    const why = unknown.length > 0 ? `"${unknown.join(' ')}" ${unknown.length > 1 ? 'are' : 'is'} not among` : 'choose at least one of';
    warnings.push({ field, message: `${field}: ${why} ${allowed.join(' ')}; using "${(chosen.length > 0 ? chosen : fallback).join(' ')}".` });
    return chosen.length > 0 ? chosen : fallback;
  }
  return chosen;
}

function clampNumber(
  warnings: ConfigWarning[],
  field: keyof RunConfig,
  value: unknown,
  fallback: number,
  min: number,
  max: number,
  integer: boolean,
): number {
  // null: an attribute removed from the element, which means "back to the default".
  if (value === undefined || value === null) return fallback;
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(n)) {
    warnings.push({ field, message: `${field} must be a number; "${String(value)}" was replaced by ${fallback}.` });
    return fallback;
  }
  let result = integer ? Math.round(n) : n;
  result = Math.min(max, Math.max(min, result));
  if (result !== n) {
    warnings.push({ field, message: `${field} ${n} is outside ${min}–${max}${integer ? ' (whole numbers)' : ''}; using ${result}.` });
  }
  return result;
}

function oneOf<T extends string>(warnings: ConfigWarning[], field: keyof RunConfig, value: unknown, allowed: readonly T[], fallback: T): T {
  if (value === undefined || value === null) return fallback;
  if (allowed.includes(value as T)) return value as T;
  warnings.push({ field, message: `${field} "${String(value)}" is not one of ${allowed.join(', ')}; using "${fallback}".` });
  return fallback;
}

/**
 * Weights between hidden layers the playground trains at most: a 2000×2000 layer. Past it a
 * single step is seconds of a CPU-emulated adapter's time, and a real GPU's watchdog may kill
 * one chunk; refused before anything is allocated.
 */
export const MAX_HIDDEN_WEIGHTS = 4_000_000;

/** Layer widths (`hidden`), each a whole number in [min, max], and refused past MAX_HIDDEN_WEIGHTS. */
function layerWidths(warnings: ConfigWarning[], value: unknown, fallback: number[], [min, max]: readonly [number, number]): number[] {
  if (value === undefined || value === null) return fallback;
  const parts = Array.isArray(value) ? value : String(value).split(',').map((s) => s.trim()).filter((s) => s !== '');
  const widths = parts.map(Number);
  if (widths.some((w) => !Number.isInteger(w) || w < min || w > max)) {
    warnings.push({ field: 'hidden', message: `hidden "${String(value)}" must be layer widths from ${min} to ${max} separated by commas; using "${fallback.join(',')}".` });
    return fallback;
  }
  const between = widths.slice(1).reduce((sum, w, i) => sum + w * widths[i]!, 0);
  if (between > MAX_HIDDEN_WEIGHTS) {
    const millions = (n: number) => `${(n / 1e6).toFixed(1)} M`;
    warnings.push({ field: 'hidden', message: `hidden "${widths.join(',')}" needs ${millions(between)} weights between its layers; the playground trains up to ${millions(MAX_HIDDEN_WEIGHTS)}; using "${fallback.join(',')}".` });
    return fallback;
  }
  return widths;
}

/** One setting's value from the input, else the scenario's default `fallback`, clamped by the setting's kind. */
function resolveValue(warnings: ConfigWarning[], { field, kind }: RunSetting, value: unknown, fallback: unknown): unknown {
  switch (kind.type) {
    case 'number':
    case 'integer':
      return clampNumber(warnings, field, value, fallback as number, kind.range[0], kind.range[1], kind.type === 'integer');
    case 'enum':
      return oneOf(warnings, field, value, kind.values as readonly string[], fallback as string);
    case 'boolean':
      return value == null ? fallback : Boolean(value);
    case 'list':
      return 'values' in kind ? namesOf(warnings, field, value, kind.values, fallback as string[]) : layerWidths(warnings, value, fallback as number[], kind.range);
  }
}

/**
 * max-lr as given, or written as a slice ("1e-6,1e-4" or [1e-6, 1e-4]): hi as maxLr and lo as
 * bodyLr; a slice it cannot read is the default (null), with a warning.
 */
function readMaxLr(warnings: ConfigWarning[], value: unknown): { maxLr: unknown; bodyLr?: number } {
  if (!Array.isArray(value) && !(typeof value === 'string' && value.includes(','))) return { maxLr: value };
  const parsed = parseMaxLr(value);
  if ('error' in parsed) {
    warnings.push({ field: 'maxLr', message: `${parsed.error} Using the default.` });
    return { maxLr: null };
  }
  return typeof parsed.maxLr === 'number' ? { maxLr: parsed.maxLr } : { maxLr: parsed.maxLr[1], bodyLr: parsed.maxLr[0] };
}

/** A complete, valid RunConfig from any partial one, and what had to be changed. */
export function resolveConfig(input: RunSettings & Record<string, unknown>): { config: RunConfig; warnings: ConfigWarning[] } {
  const warnings: ConfigWarning[] = [];
  const { kind, default: line } = settingOf('scenario');
  const scenario = oneOf(warnings, 'scenario', input.scenario, kind.values, line);
  const d = defaultConfig(scenario);
  // In the table's order, which is RunConfig's, and so is the warnings'.
  const fields: Record<string, unknown> = { scenario };
  const lr = readMaxLr(warnings, input.maxLr);
  const given = { ...input, maxLr: lr.maxLr };
  for (const s of SETTINGS) if ('field' in s && s.field !== 'scenario') fields[s.field] = resolveValue(warnings, s, given[s.field], d[s.field]);
  const config = fields as unknown as RunConfig;
  // lo within max-lr's range and not above hi (which may itself have been clamped).
  if (lr.bodyLr !== undefined) config.bodyLr = clampNumber(warnings, 'bodyLr', lr.bodyLr, config.maxLr, LIMITS.maxLr[0], config.maxLr, false);
  if (input.data) config.data = input.data;
  if (scenarioOf(scenario).data.source === 'custom' && !config.data) {
    warnings.push({ field: 'data', message: `scenario "${scenario}" needs ${takesPhotos(scenario) ? 'photos (addImages, or a manifest given as src)' : 'a data set (a CSV given as src or data)'}; nothing to train on.` });
  }
  return { config, warnings };
}
