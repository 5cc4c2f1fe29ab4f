import { describe, expect, it } from 'vitest';
import { LR_STOPS, lrToStop, parseControls } from './control-values';
import { fastaiCall, fastaiCode } from './fastai-code';
import { defaultConfig } from '../train/config';

describe('control values', () => {
  it('steps the learning rate through nice values from 1e-5 to 10, fastai default included', () => {
    expect(LR_STOPS[0]).toBe(1e-5);
    expect(LR_STOPS.at(-1)).toBe(10);
    expect(LR_STOPS).toContain(3e-3);
    expect(LR_STOPS[lrToStop(3e-3)]).toBe(3e-3);
    expect(LR_STOPS[lrToStop(0.038)]).toBe(0.03);
    expect(LR_STOPS[lrToStop(1e-9)]).toBe(1e-5);
  });

  it('reads the controls attribute, keeping order and naming unknown controls', () => {
    expect(parseControls(null).controls).toEqual(['epochs', 'max-lr']);
    expect(parseControls('max-lr  lr-find epochs bogus')).toEqual({ controls: ['max-lr', 'lr-find', 'epochs'], unknown: ['bogus'] });
  });

  it('writes the equivalent fastai call', () => {
    expect(fastaiCall({ epochs: 8, maxLr: 3e-3, schedule: 'one-cycle' })).toBe('learn.fit_one_cycle(8, max_lr=3e-3)');
    expect(fastaiCall({ epochs: 100, maxLr: 0.1, schedule: 'constant' })).toBe('learn.fit(100, lr=0.1)');
    expect(fastaiCall({ epochs: 1, maxLr: 0.0376, schedule: 'one-cycle' })).toBe('learn.fit_one_cycle(1, max_lr=0.038)');
    expect(fastaiCall({ epochs: 1, maxLr: 1e-5, schedule: 'one-cycle' })).toBe('learn.fit_one_cycle(1, max_lr=1e-5)');
    expect(fastaiCall({ epochs: 2, maxLr: 1e-4, bodyLr: 1e-6, schedule: 'one-cycle' })).toBe('learn.fit_one_cycle(2, max_lr=slice(1e-6,1e-4))');
  });

  it("writes lesson 2's calls for photos: the learner, its stage, the fit", () => {
    const fashion = defaultConfig('fashion');
    expect(fastaiCode(defaultConfig('digits'))).toBe('learn.fit_one_cycle(20, max_lr=3e-3)');
    expect(fastaiCode(fashion, 'pretrained')).toBe('learn = cnn_learner(data, cnn_small, metrics=error_rate)\nlearn.fit_one_cycle(4, max_lr=3e-3)');
    expect(fastaiCode({ ...fashion, pretrained: 'off', stage: 'unfrozen', model: 'cnn-tiny' }, 'scratch')).toBe(
      'learn = cnn_learner(data, cnn_tiny, metrics=error_rate, pretrained=False)\nlearn.unfreeze()\nlearn.fit_one_cycle(4, max_lr=3e-3)',
    );
    const unfrozen = { ...fashion, stage: 'unfrozen', epochs: 2, maxLr: 1e-4, bodyLr: 1e-6 } as const;
    expect(fastaiCode(unfrozen, 'frozen-stage', fashion).split('\n')).toEqual([
      'learn = cnn_learner(data, cnn_small, metrics=error_rate)',
      'learn.fit_one_cycle(4, max_lr=3e-3)',
      'learn.unfreeze()',
      'learn.fit_one_cycle(2, max_lr=slice(1e-6,1e-4))',
    ]);
    // Not gone on from a frozen run: the fit after unfreeze alone.
    expect(fastaiCode(unfrozen, 'pretrained', fashion).split('\n')).toHaveLength(3);
    // One number while fine-tuning trains as slice(hi) (hi / 10 for the body), and says so.
    expect(fastaiCode({ ...fashion, stage: 'unfrozen', epochs: 2, maxLr: 1e-3 }, 'frozen-stage', fashion).split('\n').at(-1)).toBe('learn.fit_one_cycle(2, max_lr=slice(1e-3))');
    expect(fastaiCode({ ...fashion, stage: 'unfrozen', epochs: 2, maxLr: 1e-4, bodyLr: 1e-4 }, 'frozen-stage', fashion).split('\n').at(-1)).toBe('learn.fit_one_cycle(2, max_lr=1e-4)');
  });
});
