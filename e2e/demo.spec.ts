/** The demo page: presets for the notes' failure modes, and the URL carrying the state. */
import { expect, nextRun, test, trainEnds } from './test';

test.beforeEach(async ({ page }) => {
  await page.addInitScript({ path: 'e2e/fixtures/event-log.js' });
});

test('each preset sets its playground and the diagnosis names the failure', async ({ page }) => {
  await page.goto('/');
  await nextRun(page, 0, 'line');
  const before = await trainEnds(page, 'line');
  await page.getByRole('button', { name: 'LR too high' }).click();
  const high = await nextRun(page, before, 'line');
  expect(high.code).toBe('lr-too-high');
  const low = await trainEnds(page, 'line');
  await page.getByRole('button', { name: 'LR too low' }).click();
  expect((await nextRun(page, low, 'line')).code).toBe('lr-too-low');
  const few = await trainEnds(page, 'digits');
  await page.getByRole('button', { name: 'Too few epochs' }).click();
  expect((await nextRun(page, few, 'digits')).code).toBe('too-few-epochs');
  expect(page.url()).toContain('digits.epochs=2');
});

test('a shared URL opens with the same settings and language', async ({ page }) => {
  await page.goto('/?lang=pt-BR&line.max-lr=0.001&line.epochs=40');
  const run = await nextRun(page, 0, 'line');
  expect(run.maxLr).toBe(0.001);
  expect(run.configEpochs).toBe(40);
  await expect(page.locator('h1')).toHaveText('O que fazem a taxa de aprendizado e o número de épocas');
  await expect(page.locator('#line').locator('[part="diagnosis"]')).toContainText('Taxa de aprendizado muito baixa');
  await page.getByRole('button', { name: 'English' }).click();
  expect(page.url()).not.toContain('lang=pt-BR');
  expect(page.url()).toContain('line.max-lr=0.001');
});
