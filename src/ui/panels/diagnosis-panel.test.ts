import { describe, expect, it } from 'vitest';
import { defaultConfig, type Diagnosis, type LrFindResult, type WhatIf } from '../../engine/index';
import { strings } from '../i18n';
import { advisedSettings, recommendation } from './diagnosis-panel';
import { lrFindNote } from './lr-find-panel';

const whatIf = (change: WhatIf['change'], finalValidLoss: number, source?: 'lr-find'): WhatIf => ({
  code: 'lr-too-low',
  change,
  finalValidLoss,
  gain: 1,
  history: [],
  ...(source ? { source } : {}),
});
const diagnosis = (values: Partial<Diagnosis>): Diagnosis => ({ code: 'lr-too-low', message: '', bestEpoch: 1, evidence: [], final: true, ...values });
const t = strings('en');
const found: LrFindResult = { lrs: [1e-3, 1e-2], losses: [1, 0.5], suggestion: 0.01 };

describe('the diagnosis panel', () => {
  it('recommends the cited what-if of a final diagnosis that asks for a change', () => {
    const cited = whatIf({ maxLr: 0.01 }, 0.2);
    expect(recommendation(diagnosis({ evidence: [whatIf({ epochs: 300 }, 0.3), cited], cited: 1 }))).toBe(cited);
  });

  it('recommends nothing while provisional, when ok, when none is cited, or when the cited run diverged', () => {
    const evidence = [whatIf({ maxLr: 0.01 }, 0.2)];
    expect(recommendation(diagnosis({ evidence, cited: 0, final: false }))).toBeNull();
    expect(recommendation(diagnosis({ evidence, cited: 0, code: 'ok' }))).toBeNull();
    expect(recommendation(diagnosis({ evidence }))).toBeNull();
    expect(recommendation(diagnosis({ evidence: [whatIf({ maxLr: 10 }, Infinity)], cited: 0 }))).toBeNull();
  });

  it('moves only the settings the change names', () => {
    const digits = defaultConfig('digits');
    expect(advisedSettings({ maxLr: 0.01 }, digits)).toEqual({ maxLr: 0.01 });
    expect(advisedSettings({ epochs: 300, oversample: true, seed: 4 }, digits)).toEqual({ epochs: 300, oversample: true });
  });

  it('moves a max-lr slice whole, as the learner would rewrite slice(lo, hi)', () => {
    const sliced = { ...defaultConfig('fashion'), stage: 'unfrozen' as const, maxLr: 1e-4, bodyLr: 1e-6 };
    expect(advisedSettings({ maxLr: 1e-3 }, sliced)).toEqual({ maxLr: '0.00001,0.001' });
    expect(advisedSettings({ epochs: 8 }, sliced)).toEqual({ epochs: 8 });
  });
});

describe("lr_find's note", () => {
  it('calls a flat search noise', () => {
    expect(lrFindNote({ ...found, flat: true }, '0.01', null, t)).toBe(t.lrFindFlat);
  });

  it('says the suggestion is being tested until the final diagnosis has it', () => {
    expect(lrFindNote(found, '0.01', null, t)).toBe(t.lrFindTesting('0.01'));
    expect(lrFindNote(found, '0.01', diagnosis({ final: false, evidence: [whatIf({ maxLr: 0.01 }, 0.2, 'lr-find')] }), t)).toBe(t.lrFindTesting('0.01'));
  });

  it('says whether the suggestion became the recommendation, and else where it ended', () => {
    const fromLrFind = whatIf({ maxLr: 0.01 }, 0.25, 'lr-find');
    expect(lrFindNote(found, '0.01', diagnosis({ evidence: [fromLrFind], cited: 0 }), t)).toBe(t.lrFindChosen('0.01'));
    const better = whatIf({ epochs: 300 }, 0.1);
    expect(lrFindNote(found, '0.01', diagnosis({ evidence: [fromLrFind, better], cited: 1 }), t)).toBe(t.lrFindLost('0.01', '0.25'));
  });
});
