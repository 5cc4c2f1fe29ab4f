import { describe, expect, it } from 'vitest';
import { cnnLayers } from '../train/model/cnn';
import { mlpLayers } from '../train/model/layers';
import type { TrainedModel } from '../engine/index';
import { channelFirst, photoSizeOf } from './photo-input';

/** RGBA bytes of `pixels` [r, g, b] pixels. */
const rgba = (pixels: [number, number, number][]) => Uint8ClampedArray.from(pixels.flatMap(([r, g, b]) => [r, g, b, 255]));

describe('a photo as a model input', () => {
  it("keeps one channel's luminance (grey exactly), on the shipped photos' dark background", () => {
    // 3 × 3: a dark border, a light grey centre.
    const pixels: [number, number, number][] = Array.from({ length: 9 }, (_, i) => (i === 4 ? [200, 200, 200] : [10, 0, 0]));
    const row = channelFirst(rgba(pixels), { channels: 1, height: 3, width: 3 });
    expect(row[4]).toBe(Math.fround(200 / 255)); // as fashion.ts scales its bytes
    expect(row[0]).toBeCloseTo((0.299 * 10) / 255, 6);
  });

  it('inverts a one-channel photo whose border is light (a dark thing on a white table)', () => {
    const pixels: [number, number, number][] = Array.from({ length: 9 }, (_, i) => (i === 4 ? [0, 0, 0] : [255, 255, 255]));
    const row = channelFirst(rgba(pixels), { channels: 1, height: 3, width: 3 });
    expect(Array.from(row)).toEqual([0, 0, 0, 0, 1, 0, 0, 0, 0]);
  });

  it('keeps colour channel-first for a three-channel model, never inverted', () => {
    const row = channelFirst(rgba([[255, 0, 51], [255, 255, 255]]), { channels: 3, height: 1, width: 2 });
    expect(Array.from(row)).toEqual([1, 1, 0, 1, Math.fround(0.2), 1]);
  });

  it("takes a CNN's first layer's input size, a digits MLP's 8 × 8, and no size for a table's model", () => {
    const model = (layers: TrainedModel['layers'], scenario: string): TrainedModel => ({ layers, weights: new Float32Array(0), classNames: [], config: { scenario } as TrainedModel['config'] });
    expect(photoSizeOf(model(cnnLayers('cnn-tiny', { channels: 1, height: 28, width: 28 }, 10), 'fashion'))).toEqual({ channels: 1, height: 28, width: 28 });
    expect(photoSizeOf(model(mlpLayers(64, [32], 10), 'digits'))).toEqual({ channels: 1, height: 8, width: 8 });
    expect(photoSizeOf(model(mlpLayers(30, [32], 1), 'cancer'))).toBeNull();
  });
});
