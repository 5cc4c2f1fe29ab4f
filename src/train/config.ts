/**
 * RunConfig defaults per scenario, and resolution of partial or invalid input: every value is
 * clamped to the nearest valid one, with a warning a person can act on, never an exception.
 *
 * @example
 * const { config, warnings } = resolveConfig({ scenario: 'digits', maxLr: 50 });
 * // config.maxLr === 10; warnings[0].field === 'maxLr'
 */
import { PLANAR_FEATURES } from '../planar-geometry';
import { scenarioOf, SCENARIOS } from './scenarios/table';
import type { ActivationName, OptimizerName, PlanarFeature, RegularizationName, RunConfig, Scenario, ScheduleName } from './types';

export { LINE_ROWS } from './scenarios/table';
export const ACTIVATION_NAMES: readonly ActivationName[] = ['relu', 'tanh', 'sigmoid', 'linear'];
export const REGULARIZATIONS: readonly RegularizationName[] = ['none', 'l1', 'l2'];
export const LIMITS = { epochs: [1, 1000], maxLr: [1e-6, 10], seeds: [1, 16], noise: [0, 50], regRate: [0, 10] } as const;

export interface ConfigWarning {
  field: keyof RunConfig;
  message: string;
}

/** Every setting's default that no scenario's record gives (scenarios/table.ts gives the rest). */
const COMMON_DEFAULTS = {
  schedule: 'one-cycle',
  imbalance: 1,
  oversample: false,
  seed: 0,
  seeds: 1,
  noise: 0,
  activation: 'relu',
  regularization: 'none',
  regRate: 0,
  features: ['x1', 'x2'],
} as const;

export function defaultConfig(scenario: Scenario): RunConfig {
  const { defaults } = scenarioOf(scenario);
  // Arrays copied: a config is the caller's to change, the table is not.
  return { ...COMMON_DEFAULTS, ...defaults, scenario, features: [...COMMON_DEFAULTS.features], hidden: [...defaults.hidden] };
}

function planarFeatures(warnings: ConfigWarning[], value: unknown, fallback: PlanarFeature[]): PlanarFeature[] {
  if (value === undefined || value === null) return fallback;
  const names = Array.isArray(value) ? value.map(String) : String(value).split(/[\s,]+/).filter((s) => s !== '');
  const unknown = names.filter((n) => !(PLANAR_FEATURES as readonly string[]).includes(n));
  const chosen = PLANAR_FEATURES.filter((f) => names.includes(f));
  if (unknown.length > 0 || chosen.length === 0) {
    const why = unknown.length > 0 ? `"${unknown.join(' ')}" ${unknown.length > 1 ? 'are' : 'is'} not among` : 'choose at least one of';
    warnings.push({ field: 'features', message: `features: ${why} ${PLANAR_FEATURES.join(' ')}; using "${(chosen.length > 0 ? chosen : fallback).join(' ')}".` });
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

function hiddenLayers(warnings: ConfigWarning[], value: unknown, fallback: number[]): number[] {
  if (value === undefined || value === null) return fallback;
  const parts = Array.isArray(value) ? value : String(value).split(',').map((s) => s.trim()).filter((s) => s !== '');
  const widths = parts.map(Number);
  if (widths.some((w) => !Number.isInteger(w) || w < 1 || w > 4096)) {
    warnings.push({ field: 'hidden', message: `hidden "${String(value)}" must be layer widths from 1 to 4096 separated by commas; using "${fallback.join(',')}".` });
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

/** A complete, valid RunConfig from any partial one, and what had to be changed. */
export function resolveConfig(input: Partial<RunConfig> & Record<string, unknown>): { config: RunConfig; warnings: ConfigWarning[] } {
  const warnings: ConfigWarning[] = [];
  const scenario = oneOf(warnings, 'scenario', input.scenario, SCENARIOS, 'line');
  const d = defaultConfig(scenario);
  const config: RunConfig = {
    scenario,
    epochs: clampNumber(warnings, 'epochs', input.epochs, d.epochs, LIMITS.epochs[0], LIMITS.epochs[1], true),
    maxLr: clampNumber(warnings, 'maxLr', input.maxLr, d.maxLr, LIMITS.maxLr[0], LIMITS.maxLr[1], false),
    optimizer: oneOf<OptimizerName>(warnings, 'optimizer', input.optimizer, ['sgd', 'adam'], d.optimizer),
    schedule: oneOf<ScheduleName>(warnings, 'schedule', input.schedule, ['one-cycle', 'constant'], d.schedule),
    batchSize: clampNumber(warnings, 'batchSize', input.batchSize, d.batchSize, 1, Number.MAX_SAFE_INTEGER, true),
    trainSize: clampNumber(warnings, 'trainSize', input.trainSize, d.trainSize, 2, Number.MAX_SAFE_INTEGER, true),
    hidden: hiddenLayers(warnings, input.hidden, d.hidden),
    imbalance: clampNumber(warnings, 'imbalance', input.imbalance, d.imbalance, 1, 1000, false),
    oversample: input.oversample == null ? d.oversample : Boolean(input.oversample),
    seed: clampNumber(warnings, 'seed', input.seed, d.seed, 0, 0xffffffff, true),
    seeds: clampNumber(warnings, 'seeds', input.seeds, d.seeds, LIMITS.seeds[0], LIMITS.seeds[1], true),
    noise: clampNumber(warnings, 'noise', input.noise, d.noise, LIMITS.noise[0], LIMITS.noise[1], false),
    activation: oneOf(warnings, 'activation', input.activation, ACTIVATION_NAMES, d.activation),
    regularization: oneOf(warnings, 'regularization', input.regularization, REGULARIZATIONS, d.regularization),
    regRate: clampNumber(warnings, 'regRate', input.regRate, d.regRate, LIMITS.regRate[0], LIMITS.regRate[1], false),
    features: planarFeatures(warnings, input.features, d.features),
  };
  if (input.data) config.data = input.data;
  if (scenarioOf(scenario).data.source === 'custom' && !config.data) {
    warnings.push({ field: 'data', message: 'scenario "custom" needs a data set (a CSV given as src or data); nothing to train on.' });
  }
  return { config, warnings };
}
