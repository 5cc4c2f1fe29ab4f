/**
 * What a setting is, as one row of the settings table (table.ts): the element's property and
 * attribute, the RunConfig field it sets, the values it takes, its default and the control
 * that shows it. The config resolver clamps by `kind`, the element names its attributes and
 * draws its controls from `attribute` and `control`, the demo page's URL carries the settings
 * that have a control, and the API reference prints every row. Plain data, without the DOM:
 * src/train reads it, and src/ui reads it through src/engine/index.ts.
 */
import type { RunConfig } from '../types';

/** The values a setting takes, and so how a value outside them is replaced (config.ts). */
export type SettingKind =
  /** A number clamped to [min, max]; an `integer` is rounded first. */
  | { readonly type: 'number' | 'integer'; readonly range: readonly [min: number, max: number] }
  /** One of a few words; any other is replaced by the default. */
  | { readonly type: 'enum'; readonly values: readonly string[] }
  /** Present or absent, as HTML's boolean attributes. */
  | { readonly type: 'boolean' }
  /**
   * Several values in one attribute: each one of `values`, or each a whole number in `range`,
   * or words read where the setting is used (`controls`: the control names, control-values.ts).
   */
  | { readonly type: 'list'; readonly values?: readonly string[]; readonly range?: readonly [min: number, max: number] }
  /** Any text: a URL. */
  | { readonly type: 'text' };

/** A default: a value of the setting's kind, PER_SCENARIO (table.ts), or null (unset: see the setting's doc). */
export type SettingDefault = number | string | boolean | readonly string[] | null;

/** The control that shows a setting when the `controls` attribute names its attribute. */
export type SettingControl =
  /**
   * A range input from the setting's minimum to `max` by `step`; `stretch`: the end moves out
   * to a larger value set by attribute (epochs="500" sits at the end, not past it).
   */
  | { readonly type: 'slider'; readonly scale: 'linear'; readonly step: number; readonly max: number; readonly stretch?: boolean }
  /** A range input over `stops`, one step each: "nice" values on a log scale (0, when first, its own stop). */
  | { readonly type: 'slider'; readonly scale: 'log'; readonly stops: readonly number[] }
  /** A drop-down of the kind's values. */
  | { readonly type: 'select' }
  /** A number box from the setting's minimum; `all`: left empty, every row (the largest integer). */
  | { readonly type: 'number'; readonly step?: number; readonly all?: boolean }
  /** A text box. */
  | { readonly type: 'text' }
  /** A checkbox; for a list, one a value. */
  | { readonly type: 'checkbox' };

export interface SettingRecord {
  /** The element's property (`hiddenLayers`: HTMLElement.hidden is taken). */
  readonly property: string;
  /** The element's attribute, as messages and the URL name the setting. */
  readonly attribute: string;
  /** The RunConfig field it sets; absent for what only the element reads (theme, backend, …). */
  readonly field?: keyof RunConfig;
  readonly kind: SettingKind;
  readonly default: SettingDefault;
  /** Absent: no control shows it; it is set by attribute or property only. */
  readonly control?: SettingControl;
  /** A change means a new run, as a RunConfig field's always does: what-if's runs are part of it. */
  readonly startsRun?: boolean;
}
