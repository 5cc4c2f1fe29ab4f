/**
 * Slider scales and attribute vocabularies. The max-lr slider is logarithmic over "nice"
 * values (1, 2, 3, 5 × 10^k from 1e-5 to 10), so arrow keys step through 3e-3, 5e-3, 1e-2…
 * and fastai's default 3e-3 is a stop.
 *
 * @example
 * LR_STOPS[lrToStop(3e-3)];   // 0.003
 */
import { type RunConfig } from '../train/engine';
export declare const LR_STOPS: readonly number[];
/** The stop nearest to `lr` on a log scale. */
export declare function lrToStop(lr: number): number;
export declare const CONTROL_NAMES: readonly ["epochs", "max-lr", "optimizer", "schedule", "batch-size", "train-size", "hidden", "imbalance", "oversample", "seed", "scenario", "lr-find"];
export type ControlName = (typeof CONTROL_NAMES)[number];
/** The controls attribute: known names in the order given, and the unknown ones for a warning. */
export declare function parseControls(value: string | null | undefined): {
    controls: ControlName[];
    unknown: string[];
};
/** The fastai v1 call that trains the same way. */
export declare function fastaiCall(config: Pick<RunConfig, 'epochs' | 'maxLr' | 'schedule'>): string;
/** RunConfig fields as the attributes that set them, for messages. */
export declare const ATTRIBUTE_OF: Partial<Record<keyof RunConfig, string>>;
