/**
 * Models you keep: after a run the learner saves the model as a `.safetensors` file, loads it
 * back (or a bad file, which changes nothing), and asks it what a photo is, from the element's
 * methods and from its "Your model" panel.
 */
import type { Page } from '@playwright/test';
import { expect, nextRun, openPlayground, test } from './test';

/** Small settings so the run takes seconds on the CPU. */
const FASHION = { scenario: 'fashion', model: 'cnn-tiny', 'train-size': '256', epochs: '1', 'max-lr': '0.05', 'batch-size': '16', backend: 'cpu', 'what-if': 'off', seed: '1', controls: 'epochs max-lr model-file' };

interface Said {
  className: string;
  classIndex: number;
  probabilities: number[];
}

/** A 60 × 40 PNG drawn in the page: a light pair of trouser legs on black, off centre so the crop matters. */
async function trouserPhoto(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const canvas = new OffscreenCanvas(60, 40);
    const context = canvas.getContext('2d')!;
    context.fillStyle = '#000';
    context.fillRect(0, 0, 60, 40);
    context.fillStyle = '#ddd';
    context.fillRect(22, 4, 7, 34);
    context.fillRect(31, 4, 7, 34);
    (window as unknown as { photo: Blob }).photo = await canvas.convertToBlob({ type: 'image/png' });
  });
}

test('a finished run saves its model; loaded back, the file predicts the same photo to the bit; the panel shows the photo as the model saw it', async ({ page }) => {
  const playground = await openPlayground(page, FASHION);
  await nextRun(page, 0);
  await trouserPhoto(page);
  const outcome = await page.evaluate(async () => {
    type El = HTMLElement & { predict(i: Blob): Promise<Said>; exportModel(): Promise<Blob>; importModel(b: Blob): Promise<void>; result: { model: { classNames: string[] } } };
    const el = document.querySelector('#tp') as El;
    const photo = (window as unknown as { photo: Blob }).photo;
    const before = await el.predict(photo);
    const file = await el.exportModel();
    const bytes = new Uint8Array(await file.arrayBuffer());
    const headerLength = Number(new DataView(bytes.buffer).getBigUint64(0, true));
    const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + headerLength)));
    await el.importModel(new Blob([bytes]));
    const after = await el.predict(photo);
    const again = new Uint8Array(await (await el.exportModel()).arrayBuffer());
    return { before, after, classNames: el.result.model.classNames, names: Object.keys(header).sort(), metadata: header.__metadata__, sameFile: again.length === bytes.length && again.every((b, i) => b === bytes[i]) };
  });
  expect(outcome.classNames).toHaveLength(10);
  expect(outcome.classNames).toContain(outcome.before.className);
  expect(outcome.before.probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
  expect(outcome.after).toEqual(outcome.before);
  expect(outcome.sameFile).toBe(true);
  expect(outcome.names).toEqual(expect.arrayContaining(['0.weight', '1.running_mean', '1.running_var', '1.num_batches_tracked', '9.weight', '9.bias', '__metadata__']));
  expect(outcome.metadata).toMatchObject({ format: 'training-playground', version: '1' });
  // The panel: what the model says, its three likeliest classes, the 28 × 28 photo it saw.
  const panel = playground.locator('[part="model"]');
  await expect(panel).toContainText(`The model says: ${outcome.before.className}`);
  await expect(panel.locator('.prediction li')).toHaveCount(3);
  await expect(panel.locator('.prediction svg image')).toHaveCount(1);
  await expect(panel.getByRole('button', { name: 'Save model (.safetensors)' })).toBeEnabled();
});

test('a file that is not a model is refused with a message and playground-error; the model there was stays', async ({ page }) => {
  const playground = await openPlayground(page, { ...FASHION, 'page-lang': 'pt-BR' });
  await nextRun(page, 0);
  const outcome = await page.evaluate(async () => {
    type El = HTMLElement & { exportModel(): Promise<Blob>; importModel(b: Blob): Promise<void> };
    const el = document.querySelector('#tp') as El;
    const before = new Uint8Array(await (await el.exportModel()).arrayBuffer());
    const refusals: string[] = [];
    for (const bad of [new Blob(['not a model at all']), new Blob([before.subarray(0, before.length - 100)]), new Blob([])]) {
      await el.importModel(bad).then(() => refusals.push('loaded!'), (e: Error) => refusals.push(e.message));
    }
    const after = new Uint8Array(await (await el.exportModel()).arrayBuffer());
    const errors = (window as unknown as { __events: { type: string; code: string }[] }).__events.filter((e) => e.type === 'playground-error').map((e) => e.code);
    return { refusals, errors, kept: after.length === before.length && after.every((b, i) => b === before[i]) };
  });
  expect(outcome.refusals).toHaveLength(3);
  expect(outcome.refusals[0]).toMatch(/^Not a model file: .*not a safetensors file/);
  expect(outcome.refusals[1]).toMatch(/truncated/);
  expect(outcome.refusals[2]).toMatch(/too short/);
  expect(outcome.errors).toEqual(['invalid-model', 'invalid-model', 'invalid-model']);
  expect(outcome.kept).toBe(true);
  const panel = playground.locator('[part="model"]');
  await expect(panel.getByRole('alert')).toContainText('too short');
  await expect(panel).toContainText('Seu modelo');
});

test('the panel saves a file by its button and predicts a photo chosen with the keyboard-reachable file input', async ({ page }) => {
  const playground = await openPlayground(page, FASHION);
  await nextRun(page, 0);
  const panel = playground.locator('[part="model"]');
  const downloading = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Save model (.safetensors)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('fashion-model.safetensors');
  await trouserPhoto(page);
  const png = await page.evaluate(async () => Array.from(new Uint8Array(await (window as unknown as { photo: Blob }).photo.arrayBuffer())));
  await panel.getByLabel(/Predict a photo/).setInputFiles({ name: 'trousers.png', mimeType: 'image/png', buffer: Buffer.from(png) });
  await expect(panel.locator('.prediction strong')).toContainText('The model says:');
  // Not an image: said on the panel, nothing else changes.
  await panel.getByLabel(/Predict a photo/).setInputFiles({ name: 'notes.png', mimeType: 'image/png', buffer: Buffer.from('these are words') });
  await expect(panel.getByRole('alert')).toContainText('notes.png) is not an image the browser can read');
});
