/**
 * The controls the `controls` attribute names, as native inputs with visible labels: fully
 * keyboard operable, and announced with their values (the max-lr slider's aria-valuetext
 * reads "3e-3", not a slider position).
 *
 * @example
 * html`${renderControls(state, { set: (name, value) => …, train, stop, lrFind })}`
 */
import { type TemplateResult } from 'lit';
import { type RunConfig } from '../train/engine';
import { type ControlName } from './control-values';
import type { Strings } from './i18n';
/** The element properties the controls set. */
export type ControlProperty = 'epochs' | 'maxLr' | 'optimizer' | 'schedule' | 'batchSize' | 'trainSize' | 'hiddenLayers' | 'imbalance' | 'oversample' | 'seed' | 'scenario';
export interface ControlsState {
    config: RunConfig;
    controls: ControlName[];
    strings: Strings;
    /** Unique per element, so labels point at their own inputs. */
    idPrefix: string;
}
export interface ControlsActions {
    set: (property: ControlProperty, value: string | number | boolean) => void;
    lrFind: () => void;
    lrFinding: boolean;
}
export declare function renderControls({ config, controls, strings: t, idPrefix }: ControlsState, actions: ControlsActions): TemplateResult;
