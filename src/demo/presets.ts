import { SETTINGS, type SettingRecord } from '../engine/index';

/** The notes' failure modes as settings of one playground on the page each. */
export interface Preset {
  code: 'lr-too-high' | 'lr-too-low' | 'too-few-epochs' | 'too-many-epochs' | 'more-data';
  target: 'line' | 'digits' | 'cancer';
  attributes: Record<string, string>;
}

export const PRESETS: Preset[] = [
  { code: 'lr-too-high', target: 'line', attributes: { 'max-lr': '3', epochs: '100' } },
  { code: 'lr-too-low', target: 'line', attributes: { 'max-lr': '0.001', epochs: '100' } },
  { code: 'too-few-epochs', target: 'digits', attributes: { epochs: '1', 'max-lr': '0.05' } },
  { code: 'too-many-epochs', target: 'cancer', attributes: { epochs: '100', 'batch-size': '16', 'max-lr': '0.003' } },
  { code: 'more-data', target: 'digits', attributes: { 'train-size': '50', epochs: '20', 'max-lr': '0.01' } },
];

/** Settings the URL carries for each playground, as `id.attribute=value`: those a control shows, so a learner can change them. */
export const URL_SETTINGS: readonly SettingRecord[] = SETTINGS.filter((s) => 'control' in s);
