/** The element's events in order, and work deferred until the element is on screen. */
import { expect, nextRun, test } from './test';

type LoggedEvent = { type: string; id: string; epoch: number | null; code: string | null; final: boolean | null };
const events = (page: import('@playwright/test').Page) => page.evaluate(() => (window as unknown as { __events: LoggedEvent[] }).__events);

test('fires train-start, then epoch-end for each epoch in order, then train-end with the result, then the final diagnosis', async ({ page }) => {
  await page.goto('/fixtures/element.html?scenario=cancer&epochs=5');
  const run = await nextRun(page, 0);
  const log = (await events(page)).filter((e) => e.id === 'tp');
  expect(log.map((e) => (e.type === 'epoch-end' ? `epoch ${e.epoch}` : e.type))).toEqual([
    'train-start', 'epoch 1', 'epoch 2', 'epoch 3', 'epoch 4', 'epoch 5', 'train-end', 'diagnosis',
  ]);
  // train-end carries the provisional diagnosis; the diagnosis event, the one the what-ifs decided.
  expect(log.at(-2)!.code).not.toBeNull();
  expect(log.at(-1)).toMatchObject({ code: run.code, final: true });
  expect(run.final).toBe(true);
  // Events bubble out of the shadow root and reach the document (composed).
  expect(await page.evaluate(() => new Promise<boolean>((done) => {
    document.addEventListener('train-start', (e) => done(e.bubbles && e.composed), { once: true });
    (document.querySelector('#tp') as unknown as { train(): Promise<unknown> }).train();
  }))).toBe(true);
});

test('an element off screen waits, and trains once it is scrolled into view', async ({ page }) => {
  await page.goto('/fixtures/element.html?page-spacer=3000&scenario=line&epochs=10');
  await page.waitForFunction(() => customElements.get('training-playground') !== undefined);
  // It has connected and rendered, yet started nothing while off screen.
  await expect(page.locator('#tp').getByRole('button', { name: 'Train', exact: true })).toBeAttached();
  expect((await events(page)).filter((e) => e.type === 'train-start')).toEqual([]);
  await page.locator('#tp').scrollIntoViewIfNeeded();
  const run = await nextRun(page, 0);
  expect(run.epochs).toBe(10);
});
