/**
 * RunConfig defaults per scenario, and resolution of partial or invalid input: every value is
 * clamped to the nearest valid one, with a warning a person can act on, never an exception.
 *
 * @example
 * const { config, warnings } = resolveConfig({ scenario: 'digits', maxLr: 50 });
 * // config.maxLr === 10; warnings[0].field === 'maxLr'
 */
import type { RunConfig, Scenario } from './types';
export declare const SCENARIOS: readonly Scenario[];
export declare const LIMITS: {
    readonly epochs: readonly [1, 1000];
    readonly maxLr: readonly [0.000001, 10];
    readonly seeds: readonly [1, 16];
};
/** fastai's default learning rate (the notes: "Learning rate padrão = 0.003"). */
export declare const FASTAI_DEFAULT_LR = 0.003;
/** Rows in the built-in data sets before the validation split; line's default training rows. */
export declare const LINE_ROWS = 100;
export interface ConfigWarning {
    field: keyof RunConfig;
    message: string;
}
export declare function defaultConfig(scenario: Scenario): RunConfig;
/**
 * Weights between hidden layers the playground trains at most: a 2000×2000 layer. Past it a
 * single step is seconds of a CPU-emulated adapter's time, and a real GPU's watchdog may kill
 * one chunk; refused before anything is allocated.
 */
export declare const MAX_HIDDEN_WEIGHTS = 4000000;
/** A complete, valid RunConfig from any partial one, and what had to be changed. */
export declare function resolveConfig(input: Partial<RunConfig> & Record<string, unknown>): {
    config: RunConfig;
    warnings: ConfigWarning[];
};
