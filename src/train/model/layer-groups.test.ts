import { describe, expect, it } from 'vitest';
import { cnnBodyLength, cnnLayers } from './cnn';
import { evenMults, groupMaxLrs, layerGroups, layerLrScales, lrRange, parseMaxLr, slicesOneRate, stageMaxLr } from './layer-groups';
import { defaultConfig, resolveConfig } from '../config';
import { mlpLayers } from './layers';

const image = { channels: 1, height: 28, width: 28 };

describe('layer groups and discriminative learning rates', () => {
  it('splits cnn-small into block 1, block 2 and the head', () => {
    const layers = cnnLayers('cnn-small', image, 10);
    expect(layerGroups(layers, cnnBodyLength('cnn-small'))).toEqual([0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2]);
  });

  it('splits cnn-tiny the same way, the global pool in block 2', () => {
    const layers = cnnLayers('cnn-tiny', image, 10);
    expect(layerGroups(layers, cnnBodyLength('cnn-tiny'))).toEqual([0, 0, 0, 0, 1, 1, 1, 1, 1, 2]);
  });

  it('keeps an MLP in one group', () => {
    expect(layerGroups(mlpLayers(2, [8, 8], 1), 0)).toEqual([0, 0, 0, 0, 0]);
  });

  it('spreads a slice geometrically over the groups, as fastai v1 lr_range does', () => {
    const rates = lrRange([1e-6, 1e-4], 3);
    expect(rates[0]).toBeCloseTo(1e-6, 15);
    expect(rates[1]).toBeCloseTo(1e-5, 14);
    expect(rates[2]).toBe(1e-4);
    expect(evenMults(1e-3, 1e-3, 4)).toEqual([1e-3, 1e-3, 1e-3, 1e-3]);
  });

  it('reads one number as slice(hi) when unfrozen and as the head rate when frozen', () => {
    expect(lrRange(1e-3, 3, 'unfrozen')).toEqual([1e-4, 1e-4, 1e-3]);
    expect(lrRange(1e-3, 3, 'frozen')).toEqual([1e-3, 1e-3, 1e-3]);
    expect(lrRange(1e-3, 1, 'unfrozen')).toEqual([1e-3]);
  });

  it('freezes the body weights but keeps its batch norms training', () => {
    const layers = cnnLayers('cnn-small', image, 10);
    const groups = layerGroups(layers, cnnBodyLength('cnn-small'));
    const kinds = layers.map((l) => l.kind);
    const frozen = layerLrScales(layers, groups, 'frozen', 3e-3);
    expect(frozen[kinds.indexOf('conv2d')]).toBe(0);
    expect(frozen[kinds.lastIndexOf('conv2d')]).toBe(0);
    expect(frozen[kinds.indexOf('batchnorm')]).toBe(1);
    expect(frozen[kinds.lastIndexOf('linear')]).toBe(1);
    const unfrozen = layerLrScales(layers, groups, 'unfrozen', [1e-6, 1e-4]);
    expect(unfrozen[kinds.indexOf('conv2d')]).toBeCloseTo(0.01, 12);
    expect(unfrozen[kinds.lastIndexOf('conv2d')]).toBeCloseTo(0.1, 12);
    expect(unfrozen[kinds.indexOf('linear')]).toBe(1);
  });

  it('reads max-lr as a number or a slice, and says what is wrong with bad input', () => {
    expect(parseMaxLr('3e-3')).toEqual({ maxLr: 3e-3 });
    expect(parseMaxLr(0.01)).toEqual({ maxLr: 0.01 });
    expect(parseMaxLr('1e-6,1e-4')).toEqual({ maxLr: [1e-6, 1e-4] });
    expect(parseMaxLr([1e-5, 1e-3])).toEqual({ maxLr: [1e-5, 1e-3] });
    expect(parseMaxLr('1e-4, 1e-4')).toEqual({ maxLr: [1e-4, 1e-4] });
    expect(parseMaxLr('1e-4,1e-6')).toEqual({ error: expect.stringMatching(/lo .* must not exceed hi .*try "1e-6,1e-4"/) });
    expect(parseMaxLr('0,1e-4')).toEqual({ error: expect.stringMatching(/above 0/) });
    expect(parseMaxLr('fast')).toEqual({ error: expect.stringMatching(/number or a slice/) });
    expect(parseMaxLr('1,2,3')).toEqual({ error: expect.stringMatching(/number or a slice/) });
  });
});

describe('one max-lr number while fine-tuning', () => {
  const fashion = defaultConfig('fashion');

  it("is fastai's slice(hi) unfrozen from the pretrained body, one rate from scratch, the head's rate frozen", () => {
    expect(slicesOneRate({ ...fashion, stage: 'unfrozen' })).toBe(true);
    expect(stageMaxLr({ ...fashion, stage: 'unfrozen', maxLr: 1e-3 })).toBe(1e-3);
    expect(groupMaxLrs({ ...fashion, stage: 'unfrozen', maxLr: 1e-3 })).toEqual([1e-4, 1e-4, 1e-3]);
    expect(slicesOneRate({ ...fashion, stage: 'unfrozen', pretrained: 'off' })).toBe(false);
    expect(stageMaxLr({ ...fashion, stage: 'unfrozen', pretrained: 'off' })).toBeNull();
    expect(slicesOneRate(fashion)).toBe(false);
    expect(stageMaxLr(fashion)).toBe(fashion.maxLr);
    expect(slicesOneRate({ ...defaultConfig('digits'), stage: 'unfrozen' })).toBe(false);
  });

  it('gives way to a slice the learner wrote, lo = hi included (one rate everywhere)', () => {
    expect(slicesOneRate({ ...fashion, stage: 'unfrozen', bodyLr: 1e-4 })).toBe(false);
    expect(stageMaxLr({ ...fashion, stage: 'unfrozen', bodyLr: 1e-4, maxLr: 1e-4 })).toEqual([1e-4, 1e-4]);
    expect(resolveConfig({ scenario: 'fashion', stage: 'unfrozen', maxLr: [1e-4, 1e-4] }).config).toMatchObject({ maxLr: 1e-4, bodyLr: 1e-4 });
    // A what-if's lower max-lr below the slice's lo: one rate rather than an upside-down spread.
    expect(stageMaxLr({ ...fashion, stage: 'unfrozen', bodyLr: 1e-4, maxLr: 1e-5 })).toBeNull();
  });
});

describe('the groups the LR strip draws', () => {
  const fashion = defaultConfig('fashion');

  it('are the slice spread over the three groups, only while unfrozen with a slice, and only for photo models', () => {
    const [a, b, c] = groupMaxLrs({ ...fashion, stage: 'unfrozen', maxLr: 1e-4, bodyLr: 1e-6 })!;
    expect([a, b, c]).toEqual([1e-6, expect.closeTo(1e-5, 12), 1e-4]);
    expect(groupMaxLrs({ ...fashion, model: 'cnn-tiny', stage: 'unfrozen', maxLr: 1e-3, bodyLr: 1e-5 })).toHaveLength(3);
    expect(groupMaxLrs({ ...fashion, stage: 'frozen', maxLr: 1e-4, bodyLr: 1e-6 })).toBeNull();
    expect(groupMaxLrs({ ...fashion, stage: 'unfrozen', maxLr: 1e-4, bodyLr: 1e-4 })).toBeNull();
    expect(groupMaxLrs({ ...fashion, stage: 'unfrozen', pretrained: 'off' })).toBeNull();
    expect(groupMaxLrs({ ...defaultConfig('digits'), stage: 'unfrozen', maxLr: 1e-4, bodyLr: 1e-6 })).toBeNull();
  });
});
