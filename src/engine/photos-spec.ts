/**
 * The learner's own photos through the engine, for one backend: three classes of twenty
 * photos (here Fashion-MNIST's, standing in for a learner's) train from the pretrained body
 * to a usable classifier, every class is in the validation set, and sets that cannot train
 * are refused with a message that says what to add.
 *
 * @example
 * import { createEngine } from './create-engine';
 * describePhotos(() => createEngine({ backend: 'cpu' }));
 */
import { expect, it } from 'vitest';
import type { Engine } from './api';
import { loadFashion, type ImageDataset } from '../train/data/fashion';

/** A CNN's runs take tens of seconds on SwiftShader. */
const PHOTO_TEST_MS = 180_000;

/** `perClass` photos of each of fashion's classes `classes`, named as a learner would name them. */
export async function learnerPhotos(classes: Record<string, number>, perClass: number): Promise<ImageDataset> {
  const fashion = await loadFashion();
  const names = Object.keys(classes);
  const rows: number[] = [];
  const labels: number[] = [];
  names.forEach((name, c) => {
    const picked = Array.from({ length: fashion.rows }, (_, i) => i).filter((i) => fashion.labels[i] === classes[name]).slice(0, perClass);
    rows.push(...picked);
    labels.push(...picked.map(() => c));
  });
  const features = new Float32Array(rows.length * 784);
  rows.forEach((r, i) => features.set(fashion.features.subarray(r * 784, (r + 1) * 784), i * 784));
  return { features, rows: rows.length, featureCount: 784, labels: Float32Array.from(labels), task: 'classification', classCount: names.length, classNames: names, imageShape: { channels: 1, height: 28, width: 28 } };
}

export function describePhotos(get: () => Promise<Engine>): void {
  it('three classes of twenty photos train from the pretrained body: each class validated, the model named by the learner', async () => {
    const engine = await get();
    const data = await learnerPhotos({ trousers: 1, bags: 8, boots: 9 }, 20);
    const result = await engine.train({ scenario: 'photos', data }, { whatIf: false });
    expect(result.stopReason).toBe('done');
    expect(result.history).toHaveLength(12);
    // Twenty a class: four aside each, twelve validation photos.
    expect(result.confusion!.map((row) => row.reduce((a, b) => a + b, 0))).toEqual([4, 4, 4]);
    expect(result.model!.classNames).toEqual(['trousers', 'bags', 'boots']);
    expect(result.start).toBe('pretrained');
    // Recorded on the CPU twin: 0 of 12 wrong at the defaults (seed 0).
    expect(result.history.at(-1)!.errorRate!).toBeLessThanOrEqual(2 / 12);
  }, PHOTO_TEST_MS);

  it("fastai's two stages on the learner's photos: unfrozen goes on from the frozen run of the same photos, not of a set cleaned since; the what-ifs judge it", async () => {
    const engine = await get();
    const data = await learnerPhotos({ trousers: 1, bags: 8, boots: 9 }, 10);
    const frozen = await engine.train({ scenario: 'photos', data, epochs: 2 }, { whatIf: false });
    expect(frozen.start).toBe('pretrained');
    const unfrozen = await engine.train({ scenario: 'photos', data, epochs: 2, stage: 'unfrozen', maxLr: [1e-5, 1e-3] }, { whatIf: false });
    expect(unfrozen.start).toBe('frozen-stage');
    // One photo relabelled: another set, another learner.
    const cleaned = { ...data, labels: Float32Array.from(data.labels, (l, i) => (i === 0 ? 2 : l)) };
    const again = await engine.train({ scenario: 'photos', data: cleaned, epochs: 2, stage: 'unfrozen', maxLr: [1e-5, 1e-3] }, { whatIf: false });
    expect(again.start).toBe('pretrained');
    const judged = await engine.train({ scenario: 'photos', data, epochs: 2 });
    expect(judged.diagnosis.final).toBe(true);
    expect(judged.diagnosis.evidence.some((w) => w.source === 'from-scratch')).toBe(true);
  }, PHOTO_TEST_MS);

  it('refuses, with what to add, one class, a class short of photos, and no photos at all; then trains a good set', async () => {
    const engine = await get();
    const one = await learnerPhotos({ trousers: 1 }, 20);
    await expect(engine.train({ scenario: 'photos', data: one }, { whatIf: false })).rejects.toThrow(/at least 2 classes; you have 1 \(trousers\)/);
    const short = await learnerPhotos({ trousers: 1, bags: 8 }, 20);
    const cut = { ...short, rows: 23, features: short.features.subarray(0, 23 * 784), labels: short.labels.subarray(0, 23) };
    await expect(engine.train({ scenario: 'photos', data: cut }, { whatIf: false })).rejects.toThrow(/at least 5 photos .*“bags” has 3/);
    await expect(engine.train({ scenario: 'photos' }, { whatIf: false })).rejects.toThrow(/needs photos/);
    const good = await engine.train({ scenario: 'photos', data: short, epochs: 2 }, { whatIf: false });
    expect(good.stopReason).toBe('done');
  }, PHOTO_TEST_MS);
}
