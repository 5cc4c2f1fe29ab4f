/**
 * The settings table: one row per attribute of `<training-playground>` (record.ts says what
 * each field means), in the element's order. The config resolver (config.ts) clamps and
 * defaults by it, the element resolves its own attributes, names them in messages and draws
 * its controls by it, the demo page's URL carries its settings that have a control, and the
 * API reference (scripts/api-reference.mjs) prints it. A per-scenario default is the
 * scenario record's (scenarios/table.ts); this table gives every other default. A new
 * setting is a new row, plus its @property on the element (a unit test holds them together).
 *
 * @example
 * const { kind, control } = settingOf('maxLr');
 * // kind is { type: 'number', range: [1e-6, 10] }; control.stops runs 1e-5, 2e-5, 3e-5, 5e-5, 1e-4 … 10
 * const shown = SETTINGS.flatMap((s) => ('control' in s ? [s.attribute] : [])); // 'scenario', 'epochs', 'max-lr', …
 */
import { PLANAR_FEATURES } from '../../planar-geometry';
import { CNN_NAMES } from '../model/cnn';
import { SCENARIOS } from '../scenarios/table';
import type { ActivationName, Language, OptimizerName, RegularizationName, ScheduleName } from '../types';
import type { ScenarioView } from '../scenarios/record';
import type { SettingRecord } from './record';

/** A setting's default where each scenario's record gives its own (ScenarioDefaults, scenarios/record.ts). */
export const PER_SCENARIO = 'per-scenario';

/**
 * The max-lr slider's stops: 1, 2, 3, 5 × 10^k from 1e-5 to 10, so arrow keys step through
 * 3e-3, 5e-3, 1e-2… and fastai's default 3e-3 is a stop.
 */
export const LR_STOPS: readonly number[] = (() => {
  const stops: number[] = [];
  for (let exponent = -5; exponent <= 0; exponent++) for (const m of [1, 2, 3, 5]) stops.push(Number(`${m}e${exponent}`));
  stops.push(10);
  return stops;
})();

/** TensorFlow Playground's regularization rates: the reg-rate slider's stops. */
export const REG_RATE_STOPS: readonly number[] = [0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10];

/** Every row there is: batch-size and train-size take the largest integer as "all". */
const ALL = Number.MAX_SAFE_INTEGER;

export const SETTINGS = [
  { property: 'scenario', attribute: 'scenario', field: 'scenario', kind: { type: 'enum', values: SCENARIOS }, default: 'line', control: { type: 'select' } },
  // The slider ends at 200, or at a larger value set by attribute; the attribute goes to 1000.
  { property: 'epochs', attribute: 'epochs', field: 'epochs', kind: { type: 'integer', range: [1, 1000] }, default: PER_SCENARIO, control: { type: 'slider', scale: 'linear', step: 1, max: 200, stretch: true } },
  { property: 'maxLr', attribute: 'max-lr', field: 'maxLr', kind: { type: 'number', range: [1e-6, 10] }, default: PER_SCENARIO, control: { type: 'slider', scale: 'log', stops: LR_STOPS } },
  { property: 'optimizer', attribute: 'optimizer', field: 'optimizer', kind: { type: 'enum', values: ['sgd', 'adam'] satisfies readonly OptimizerName[] }, default: PER_SCENARIO, control: { type: 'select' } },
  { property: 'schedule', attribute: 'schedule', field: 'schedule', kind: { type: 'enum', values: ['one-cycle', 'constant'] satisfies readonly ScheduleName[] }, default: 'one-cycle', control: { type: 'select' } },
  { property: 'batchSize', attribute: 'batch-size', field: 'batchSize', kind: { type: 'integer', range: [1, ALL] }, default: PER_SCENARIO, control: { type: 'number', all: true } },
  { property: 'trainSize', attribute: 'train-size', field: 'trainSize', kind: { type: 'integer', range: [2, ALL] }, default: PER_SCENARIO, control: { type: 'number', all: true } },
  { property: 'hiddenLayers', attribute: 'hidden', field: 'hidden', kind: { type: 'list', range: [1, 4096] }, default: PER_SCENARIO, control: { type: 'text' } },
  // The slider ends at 20; the attribute goes to 1000.
  { property: 'imbalance', attribute: 'imbalance', field: 'imbalance', kind: { type: 'number', range: [1, 1000] }, default: 1, control: { type: 'slider', scale: 'linear', step: 1, max: 20 } },
  { property: 'oversample', attribute: 'oversample', field: 'oversample', kind: { type: 'boolean' }, default: false, control: { type: 'checkbox' } },
  // One 32-bit word of Philox's key (cpu/rng.ts).
  { property: 'seed', attribute: 'seed', field: 'seed', kind: { type: 'integer', range: [0, 0xffffffff] }, default: 0, control: { type: 'number', step: 1 } },
  { property: 'seeds', attribute: 'seeds', field: 'seeds', kind: { type: 'integer', range: [1, 16] }, default: 1 },
  { property: 'noise', attribute: 'noise', field: 'noise', kind: { type: 'number', range: [0, 50] }, default: 0, control: { type: 'slider', scale: 'linear', step: 5, max: 50 } },
  { property: 'activation', attribute: 'activation', field: 'activation', kind: { type: 'enum', values: ['relu', 'tanh', 'sigmoid', 'linear'] satisfies readonly ActivationName[] }, default: 'relu', control: { type: 'select' } },
  { property: 'regularization', attribute: 'regularization', field: 'regularization', kind: { type: 'enum', values: ['none', 'l1', 'l2'] satisfies readonly RegularizationName[] }, default: 'none', control: { type: 'select' } },
  { property: 'regRate', attribute: 'reg-rate', field: 'regRate', kind: { type: 'number', range: [0, 10] }, default: 0, control: { type: 'slider', scale: 'log', stops: REG_RATE_STOPS } },
  { property: 'features', attribute: 'features', field: 'features', kind: { type: 'list', values: PLANAR_FEATURES }, default: ['x1', 'x2'], control: { type: 'checkbox' } },
  { property: 'model', attribute: 'model', field: 'model', kind: { type: 'enum', values: CNN_NAMES }, default: 'cnn-small' },
  { property: 'augment', attribute: 'augment', field: 'augment', kind: { type: 'enum', values: ['on', 'off'] }, default: 'on' },
  { property: 'pretrained', attribute: 'pretrained', field: 'pretrained', kind: { type: 'enum', values: ['on', 'off'] }, default: 'on' },
  { property: 'stage', attribute: 'stage', field: 'stage', kind: { type: 'enum', values: ['frozen', 'unfrozen'] }, default: 'frozen' },
  { property: 'whatIf', attribute: 'what-if', kind: { type: 'enum', values: ['on', 'off'] }, default: 'on', startsRun: true },
  { property: 'manual', attribute: 'manual', kind: { type: 'boolean' }, default: false },
  { property: 'backend', attribute: 'backend', kind: { type: 'enum', values: ['auto', 'webgpu', 'cpu'] }, default: 'auto' },
  { property: 'controls', attribute: 'controls', kind: { type: 'list' }, default: 'epochs max-lr' },
  { property: 'theme', attribute: 'theme', kind: { type: 'enum', values: ['light', 'dark', 'auto'] }, default: 'light' },
  { property: 'view', attribute: 'view', kind: { type: 'enum', values: ['data', 'parameters'] satisfies readonly ScenarioView[] }, default: 'data' },
  // line's replay: epochs a second ×1 or ×4, or the last epoch at once (ui/views/line-panel.ts).
  { property: 'speed', attribute: 'speed', kind: { type: 'enum', values: ['1', '4', 'instant'] }, default: '1' },
  // Unset: no CSV; unset lang: the page's language (any Portuguese is pt-BR, anything else en).
  { property: 'src', attribute: 'src', kind: { type: 'text' }, default: null },
  { property: 'lang', attribute: 'lang', kind: { type: 'enum', values: ['en', 'pt-BR'] satisfies readonly Language[] }, default: null },
  // The settings kept in the page URL's hash and read back from it (ui/share-state.ts).
  { property: 'share', attribute: 'share', kind: { type: 'boolean' }, default: false },
] as const satisfies readonly SettingRecord[];

export type Setting = (typeof SETTINGS)[number];
/** The element's property names the table knows. */
export type SettingProperty = Setting['property'];

/** The row of an element property, typed as written (its values, range and control). */
export function settingOf<P extends SettingProperty>(property: P): Extract<Setting, { property: P }> {
  return SETTINGS.find((s) => s.property === property) as Extract<Setting, { property: P }>;
}
