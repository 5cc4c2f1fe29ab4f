/**
 * Lesson 2's photo classifier through the engine, for one backend: the Fashion-MNIST photos
 * load, preview and train a CNN that learns, and the same seed gives the same run.
 *
 * @example
 * import { createEngine } from './create-engine';
 * describeFashion(() => createEngine({ backend: 'cpu' }));
 */
import { expect, it } from 'vitest';
import { expectReadout } from './readout-spec';
import type { Engine } from './api';
import { loadBackbones } from '../train/data/backbones';
import type { FilterMaps } from '../train/types';

/** A few hundred photos, two epochs and the tiny network: enough to see a CNN learn, small enough for SwiftShader. */
const SMALL = { scenario: 'fashion', model: 'cnn-tiny', trainSize: 512, epochs: 2, maxLr: 5e-2, batchSize: 16 } as const;

/** A CNN's runs take seconds on the CPU twin and tens of seconds on SwiftShader (about 30 s each test here). */
const PHOTO_TEST_MS = 180_000;

export function describeFashion(get: () => Promise<Engine>): void {
  it('previews validation photos of 28 × 28 pixels with the classes named', async () => {
    const preview = await (await get()).preview({ scenario: 'fashion' });
    expect(preview.kind).toBe('digits');
    if (preview.kind !== 'digits') return;
    expect(preview.images[0]!.length).toBe(784);
    expect(preview.classNames?.[9]).toBe('Ankle boot');
  });

  it('trains the CNN on photos: the validation loss falls from chance (ln 10 ≈ 2.30) and the error well below 90 % in two epochs', async () => {
    const engine = await get();
    const result = await engine.train(SMALL, { whatIf: false });
    expect(result.stopReason).toBe('done');
    expect(result.history).toHaveLength(2);
    const last = result.history.at(-1)!;
    // The CPU twin measured 2.30 → 1.57 and 58.5 % error for these settings.
    expect(last.errorRate!).toBeLessThan(0.75);
    expect(last.validLoss).toBeLessThan(2);
    expect(last.classErrorRates).toHaveLength(10);
    expectReadout(result, 1000);
    expect(result.finalTrainEvalLoss).toBeGreaterThan(0);
  }, PHOTO_TEST_MS);

  it("shows the first layer's filters and a photo's maps after each conv block, from the epochs' own readback; frozen, the filters are the pretrained body's", async () => {
    const engine = await get();
    const seen: FilterMaps[] = [];
    const result = await engine.train({ ...SMALL, epochs: 1, trainSize: 256 }, { whatIf: false, onFilters: (f) => seen.push(f), filterPhoto: 5 });
    expect(seen.length).toBeGreaterThanOrEqual(1);
    const maps = result.filters!;
    expect(maps).toEqual(seen.at(-1));
    expect(maps.photo).toBe(5);
    expect(maps.filters).toMatchObject({ count: 8, size: 3 });
    // cnn-tiny's body starts with conv8's 8 × 1 × 3 × 3 weights, which a frozen stage keeps.
    const body = (await loadBackbones())['cnn-tiny']!;
    expect(maps.filters.values).toEqual(Array.from(body.subarray(0, 72)));
    expect(maps.blocks.map(({ channels, height, width }) => [channels, height, width])).toEqual([[8, 28, 28], [16, 14, 14]]);
    for (const block of maps.blocks) {
      expect(block.values).toHaveLength(block.channels * block.height * block.width);
      // After a ReLU: nothing below 0, and a photo lights something up.
      expect(Math.min(...block.values)).toBeGreaterThanOrEqual(0);
      expect(Math.max(...block.values)).toBeGreaterThan(0);
    }
    // Not asked for, not read.
    expect((await engine.train({ ...SMALL, epochs: 1, trainSize: 64 }, { whatIf: false })).filters).toBeUndefined();
  }, PHOTO_TEST_MS);

  it('gives the same run for the same seed, and a different one for another', async () => {
    const engine = await get();
    const a = await engine.train({ ...SMALL, epochs: 1, trainSize: 256 }, { whatIf: false });
    const b = await engine.train({ ...SMALL, epochs: 1, trainSize: 256 }, { whatIf: false });
    const c = await engine.train({ ...SMALL, epochs: 1, trainSize: 256, seed: 1 }, { whatIf: false });
    expect(b.history[0]!.validLoss).toBe(a.history[0]!.validLoss);
    expect(c.history[0]!.validLoss).not.toBe(a.history[0]!.validLoss);
  }, PHOTO_TEST_MS);
}
