/**
 * Lesson 2's "create your own dataset", in the page: the learner fills three classes with
 * photos from files, trains from the pretrained body, cleans a top-loss photo, retrains,
 * asks the model about a new photo, saves and loads it, and finds the board again after a
 * reload; bad photos and sets that cannot train yet say so and lose nothing.
 */
import type { Page } from '@playwright/test';
import { addImages, photoFiles, photoMaker } from './photo-maker';
import { expect, nextRun, openPlayground, test, trainEnds } from './test';

const PHOTOS = { scenario: 'photos', backend: 'cpu', 'what-if': 'off', seed: '0', controls: 'epochs max-lr model-file' };
const MAX_DIFF_PIXEL_RATIO = 0.002;

async function classes(page: Page): Promise<{ name: string; count: number }[]> {
  return page.evaluate(() => (document.querySelector('#tp') as unknown as { classes: { name: string; count: number }[] }).classes);
}

/** Trains the board as it is now (a `manual` element: the Train button's call). */
async function train(page: Page): Promise<void> {
  await page.evaluate(() => void (document.querySelector('#tp') as unknown as { train(): Promise<unknown> }).train());
}

test('three classes from files train from the pretrained body; a top loss relabelled, the set retrains; a new photo predicted; the model saved and loaded; the board kept over a reload', async ({ page }) => {
  await photoMaker(page);
  // Manual: the run starts when all three classes are in, not at the second.
  const playground = await openPlayground(page, { ...PHOTOS, manual: '' });
  const board = playground.locator('[part="photos"]');
  await expect(board).toContainText('at least 2 classes; you have 0');
  // Each class named in the board's field, then filled from files by its own input.
  for (const kind of ['bars', 'boxes', 'rings'] as const) {
    await board.getByLabel('New class').fill(kind);
    await board.getByRole('button', { name: 'Add class' }).click();
    await board.getByRole('group', { name: `Class ${kind}, 0 photos` }).getByLabel('Add photos…').setInputFiles(await photoFiles(page, kind, 20));
    await expect(board.getByRole('group', { name: `Class ${kind}, 20 photos` })).toHaveCount(1);
  }
  expect(await trainEnds(page)).toBe(0);
  await train(page);
  const first = await nextRun(page, 0);
  expect(first.stopReason).toBe('done');
  expect(first.epochs).toBe(12);
  const result = await page.evaluate(() => {
    const el = document.querySelector('#tp') as unknown as { result: { confusion: number[][]; model: { classNames: string[] }; start: string } };
    return { confusion: el.result.confusion, names: el.result.model.classNames, start: el.result.start };
  });
  expect(result.names).toEqual(['bars', 'boxes', 'rings']);
  expect(result.start).toBe('pretrained');
  expect(result.confusion.map((row) => row.reduce((a, b) => a + b, 0))).toEqual([4, 4, 4]);
  // Distinct shapes: the CPU twin gets all twelve validation photos right.
  expect(first.errorRate!).toBeLessThanOrEqual(1 / 12);
  await expect(board).toHaveScreenshot('photo-board.png', { animations: 'disabled', maxDiffPixelRatio: MAX_DIFF_PIXEL_RATIO });

  // The cleaner: the worst top loss moved to another class from its menu; the next run trains on the cleaned set.
  const results = playground.locator('.results');
  await expect(results.locator('.loss-photo .cleaner select')).toHaveCount(9);
  await expect(results.locator('[part="top-losses"]')).toHaveScreenshot('photo-cleaner.png', { animations: 'disabled', maxDiffPixelRatio: MAX_DIFF_PIXEL_RATIO });
  const before = await classes(page);
  const worst = await page.evaluate(() => (document.querySelector('#tp') as unknown as { result: { topLosses: { actual: number }[] } }).result.topLosses[0]!.actual);
  const target = ['bars', 'boxes', 'rings'][(worst + 1) % 3]!;
  await results.locator('.loss-photo .cleaner select').first().selectOption(target);
  const after = await classes(page);
  expect(after.map((c) => c.count)).toEqual(before.map((c, k) => c.count + (k === worst ? -1 : k === (worst + 1) % 3 ? 1 : 0)));
  // Cleaned, the old result no longer says which photo is which: the menus go until the next run.
  await expect(results.locator('.cleaner')).toHaveCount(0);
  await train(page);
  const second = await nextRun(page, 1);
  expect(second.stopReason).toBe('done');
  // The method does the same: one photo of boxes deleted.
  await page.evaluate(() => (document.querySelector('#tp') as unknown as { removeImage(c: string, i: number): void }).removeImage('boxes', 0));
  await train(page);
  await nextRun(page, 2);

  // A new photo, and the model saved and loaded back: the same answer to the bit.
  const asked = await page.evaluate(async () => {
    type Said = { className: string; probabilities: number[] };
    const el = document.querySelector('#tp') as unknown as { predict(b: Blob): Promise<Said>; exportModel(): Promise<Blob>; importModel(b: Blob): Promise<void> };
    const photo = await (window as unknown as { makePhoto: (kind: string, i: number) => Promise<Blob> }).makePhoto('bars', 99);
    const before = await el.predict(photo);
    await el.importModel(await el.exportModel());
    return { before, after: await el.predict(photo) };
  });
  expect(asked.before.className).toBe('bars');
  expect(asked.after).toEqual(asked.before);

  // Kept in the browser: after a reload the board is the same.
  const kept = await classes(page);
  await page.reload();
  await page.waitForFunction(() => customElements.get('training-playground') !== undefined);
  await expect.poll(() => classes(page)).toEqual(kept);
});

test('bad photos and sets that cannot train say so, lose nothing, and the next good set trains', async ({ page }) => {
  await photoMaker(page);
  const playground = await openPlayground(page, { ...PHOTOS, 'page-lang': 'pt-BR' });
  const board = playground.locator('[part="photos"]');
  await addImages(page, 'bars', 6);
  // A single class: not a classifier yet.
  await expect(board).toContainText('ao menos 2 classes; você tem 1 (bars)');
  // A file that is not an image, and one far too large, among good photos: the good ones are added, the others named.
  const refused = await page.evaluate(async () => {
    const make = (window as unknown as { makePhoto: (kind: string, i: number) => Promise<Blob> }).makePhoto;
    const el = document.querySelector('#tp') as unknown as { addImages(c: string, b: (Blob | ImageBitmap)[]): Promise<void> };
    const huge = { width: 10_000, height: 10_000, close() {} } as unknown as ImageBitmap;
    return el.addImages('boxes', [await make('boxes', 0), new File(['not a photo'], 'notes.txt'), huge, await make('boxes', 1)]).then(() => 'added', (e: Error) => e.message);
  });
  expect(refused).toMatch(/^2 of 4 photos were not added\. .*notes\.txt.* is not an image .*10000 × 10000 pixels/);
  expect((await classes(page)).map((c) => c.count)).toEqual([6, 2]);
  await expect(board.getByRole('alert')).toContainText('2 of 4 photos were not added');
  // A class short of photos, and an empty class.
  await expect(board).toContainText('“boxes” tem 2');
  await board.getByLabel('Nova classe').fill('rings');
  await board.getByRole('button', { name: 'Adicionar classe' }).click();
  await expect(board).toContainText('“rings” tem 0');
  expect(await trainEnds(page)).toBe(0);
  // In Portuguese, what is missing and what was refused, the short classes dashed.
  await expect(board).toHaveScreenshot('photo-board-pt-BR.png', { animations: 'disabled', maxDiffPixelRatio: MAX_DIFF_PIXEL_RATIO });
  const errors = await page.evaluate(() => (window as unknown as { __events: { type: string; code: string }[] }).__events.filter((e) => e.type === 'playground-error').map((e) => e.code));
  expect(errors).toEqual(['invalid-photo']);
  // Filled: it trains.
  await addImages(page, 'boxes', 4, 2);
  await addImages(page, 'rings', 6);
  const run = await nextRun(page, 0);
  expect(run.stopReason).toBe('done');
  // A photo's delete button, by keyboard.
  await board.getByRole('button', { name: 'Apagar a foto 1 de rings' }).focus();
  await page.keyboard.press('Enter');
  expect((await classes(page)).map((c) => c.count)).toEqual([6, 6, 5]);
});

test('the camera is asked for only when its button is pressed, adds each photo taken to its class, and stops when Done', async ({ page }) => {
  await page.addInitScript(() => {
    const calls = ((window as unknown as { cameraCalls: number }).cameraCalls = 0);
    const ask = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
    navigator.mediaDevices.getUserMedia = (constraints) => {
      (window as unknown as { cameraCalls: number }).cameraCalls = calls + 1;
      return ask(constraints);
    };
  });
  const playground = await openPlayground(page, { ...PHOTOS, manual: '' });
  const board = playground.locator('[part="photos"]');
  await board.getByLabel('New class').fill('mugs');
  await board.getByRole('button', { name: 'Add class' }).click();
  expect(await page.evaluate(() => (window as unknown as { cameraCalls: number }).cameraCalls)).toBe(0);
  const mugs = board.getByRole('group', { name: /^Class mugs/ });
  await mugs.getByRole('button', { name: 'Camera' }).click();
  const video = mugs.locator('video');
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.videoWidth)).toBeGreaterThan(0);
  expect(await page.evaluate(() => (window as unknown as { cameraCalls: number }).cameraCalls)).toBe(1);
  for (let shot = 1; shot <= 2; shot++) {
    await mugs.getByRole('button', { name: 'Take photo' }).click();
    await expect(board.getByRole('group', { name: `Class mugs, ${shot} photos` })).toHaveCount(1);
  }
  const tracks = await video.evaluate((v: HTMLVideoElement) => {
    (window as unknown as { shotTracks: MediaStreamTrack[] }).shotTracks = (v.srcObject as MediaStream).getTracks();
    return (v.srcObject as MediaStream).getTracks().length;
  });
  expect(tracks).toBe(1);
  await mugs.getByRole('button', { name: 'Done' }).click();
  await expect(mugs.locator('video')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { shotTracks: MediaStreamTrack[] }).shotTracks.map((t) => t.readyState))).toEqual(['ended']);
});

test('a course page preloads its classes from a manifest (src); a manifest that fails says which file', async ({ page, pageErrors }) => {
  await photoMaker(page);
  await page.goto('/fixtures/element.html');
  const shapes = { bars: await photoFiles(page, 'bars', 5), rings: await photoFiles(page, 'rings', 5) };
  const manifest = { classes: Object.fromEntries(Object.entries(shapes).map(([name, files]) => [name, files.map((f) => `photos/${f.name}`)])) };
  await page.route('**/lesson/bears.json', (route) => route.fulfill({ json: manifest }));
  await page.route('**/lesson/photos/*.png', (route) => {
    const name = new URL(route.request().url()).pathname.split('/').pop()!;
    const file = [...shapes.bars, ...shapes.rings].find((f) => f.name === name)!;
    return route.fulfill({ body: file.buffer, contentType: 'image/png' });
  });
  await page.route('**/lesson/missing.json', (route) => route.fulfill({ status: 404, body: 'no' }));
  const playground = await openPlayground(page, { ...PHOTOS, src: '/lesson/bears.json' });
  await expect.poll(() => classes(page)).toEqual([{ name: 'bars', count: 5 }, { name: 'rings', count: 5 }]);
  const run = await nextRun(page, 0);
  expect(run.stopReason).toBe('done');
  await playground.evaluate((el) => el.setAttribute('src', '/lesson/missing.json'));
  await expect(playground.locator('[part="photos"]').getByRole('alert')).toContainText('/lesson/missing.json answered HTTP 404');
  // The board the first manifest filled stands.
  expect(await classes(page)).toEqual([{ name: 'bars', count: 5 }, { name: 'rings', count: 5 }]);
  // The browser's own console line for the 404 is expected; nothing else is.
  expect(pageErrors.filter((e) => !/404/.test(e))).toEqual([]);
  pageErrors.splice(0, pageErrors.length);
});

test('a scenario attribute that names none is a bad attribute as before: a notice, the default scenario trains, no page error', async ({ page }) => {
  const playground = await openPlayground(page, { scenario: 'bears', epochs: '5', 'what-if': 'off' });
  await expect(playground.locator('.notice')).toContainText('scenario "bears" is not one of');
  const run = await nextRun(page, 0);
  expect(run.stopReason).toBe('done');
  await expect(playground.locator('[part="photos"]')).toHaveCount(0);
});
