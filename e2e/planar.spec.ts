/** TensorFlow Playground's ground in the element: the four data sets, their controls by keyboard, step and reset, the picture and the network. */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, nextRun, openPlayground, summary, test, trainEnds } from './test';

const ALL_PLANAR = 'epochs max-lr noise activation regularization reg-rate features step reset scenario';

/** The element's current boundary, as the engine reported it, read through its result. */
async function boundaryOf(page: Page): Promise<{ size: number; probabilities: number[]; hidden: number; weights: number } | null> {
  return page.evaluate(() => {
    const b = (document.querySelector('#tp') as unknown as { result: { boundary?: { size: number; probabilities: Float32Array; hidden?: unknown[]; weights?: unknown[] } } | null }).result?.boundary;
    return b ? { size: b.size, probabilities: Array.from(b.probabilities), hidden: b.hidden?.length ?? 0, weights: b.weights?.length ?? 0 } : null;
  });
}

test('each planar data set trains on WebGPU to under 10 % error, with its boundary on a 100 × 100 grid and the network drawn unit by unit', async ({ page }) => {
  for (const scenario of ['circle', 'xor', 'gauss', 'spiral']) {
    const playground = await openPlayground(page, { scenario, 'what-if': 'off' });
    const run = await nextRun(page, 0);
    expect(run.backend, scenario).toBe('webgpu');
    expect(run.errorRate!, scenario).toBeLessThan(0.1);
    const boundary = (await boundaryOf(page))!;
    expect(boundary.probabilities, scenario).toHaveLength(100 * 100);
    expect(boundary.hidden, scenario).toBe(3);
    expect(boundary.weights, scenario).toBe(4);
    await expect(playground.locator('figure.planar'), scenario).toHaveAttribute('data-boundary', 'current');
    // 2 inputs, 8 + 8 + 8 hidden units, 1 output; an edge per weight.
    await expect(playground.locator('tp-network canvas.net-node'), scenario).toHaveCount(27);
    await expect(playground.locator('tp-network line'), scenario).toHaveCount(2 * 8 + 8 * 8 + 8 * 8 + 8);
  }
});

test('every planar control works from the keyboard, and each change trains again with it', async ({ page }) => {
  const playground = await openPlayground(page, { scenario: 'circle', epochs: '10', 'what-if': 'off', controls: ALL_PLANAR });
  await nextRun(page, 0);
  const config = () => page.evaluate(() => (document.querySelector('#tp') as unknown as { result: { config: Record<string, unknown> } }).result.config);
  const noise = playground.getByLabel('Noise (%)');
  await noise.focus();
  await page.keyboard.press('ArrowRight');
  await nextRun(page, 1);
  expect((await config()).noise).toBe(5);
  await playground.getByLabel('Activation').focus();
  await page.keyboard.press('ArrowDown');
  await nextRun(page, 2);
  expect((await config()).activation).toBe('tanh');
  await playground.getByLabel('Regularization', { exact: true }).focus();
  await page.keyboard.press('ArrowDown');
  await nextRun(page, 3);
  expect((await config()).regularization).toBe('l1');
  await playground.getByLabel('Regularization rate').focus();
  await page.keyboard.press('ArrowRight');
  await nextRun(page, 4);
  expect((await config()).regRate).toBe(0.001);
  await playground.getByRole('checkbox', { name: 'x₁²' }).focus();
  await page.keyboard.press('Space');
  await nextRun(page, 5);
  expect((await config()).features).toEqual(['x1', 'x2', 'x1sq']);
  await expect(playground).toHaveAttribute('features', 'x1 x2 x1sq');
  // The last feature left cannot be cleared: a model needs an input.
  const x1 = playground.getByRole('checkbox', { name: 'x₁', exact: true });
  await x1.focus();
  await page.keyboard.press('Space');
  await nextRun(page, 6);
  await playground.getByRole('checkbox', { name: 'x₂', exact: true }).focus();
  await page.keyboard.press('Space');
  await nextRun(page, 7);
  await expect(playground.getByRole('checkbox', { name: 'x₁²' })).toBeDisabled();
});

test('step trains one epoch more of the same run, reset goes back to its start, and the same seed starts the same', async ({ page }) => {
  const playground = await openPlayground(page, { scenario: 'xor', epochs: '30', 'what-if': 'off', manual: '', controls: ALL_PLANAR });
  await playground.getByRole('button', { name: 'Reset' }).press('Enter');
  await nextRun(page, 0);
  expect((await summary(page)).epochs).toBe(0);
  const start = (await boundaryOf(page))!.probabilities;
  const stepButton = playground.getByRole('button', { name: 'Step one epoch' });
  await stepButton.press('Enter');
  await nextRun(page, 1);
  await stepButton.press('Enter');
  const second = await nextRun(page, 2);
  expect(second.epochs).toBe(2);
  expect(second.stopReason).toBe('stopped');
  expect((await boundaryOf(page))!.probabilities).not.toEqual(start);
  // The same two epochs as the whole run's first two.
  const stepped = await page.evaluate(() => (document.querySelector('#tp') as unknown as { history: { trainLoss: number }[] }).history.map((h) => h.trainLoss));
  await playground.getByRole('button', { name: 'Train', exact: true }).press('Enter');
  const whole = await nextRun(page, 3);
  expect(whole.epochs).toBe(30);
  const full = await page.evaluate(() => (document.querySelector('#tp') as unknown as { history: { trainLoss: number }[] }).history.map((h) => h.trainLoss));
  expect(full.slice(0, 2)).toEqual(stepped);
  // Reset: fresh weights from the same seed, the same picture as before the steps.
  await playground.getByRole('button', { name: 'Reset' }).press('Enter');
  await nextRun(page, 4);
  expect((await boundaryOf(page))!.probabilities).toEqual(start);
  expect(await trainEnds(page)).toBe(5);
});

test('the validation points show on request, outlined, and the picture and network have no serious axe violations in either language', async ({ page }) => {
  for (const lang of ['en', 'pt-BR']) {
    const playground = await openPlayground(page, { scenario: 'spiral', epochs: '20', 'what-if': 'off', lang, controls: ALL_PLANAR });
    await nextRun(page, 0);
    const outlined = playground.locator('figure.planar circle[fill="none"]');
    await expect(outlined).toHaveCount(0);
    await playground.locator('.toggle input').first().check();
    await expect(outlined).toHaveCount(100);
    await expect(playground.locator('figure.planar circle:not([fill="none"])')).toHaveCount(400);
    const results = await new AxeBuilder({ page }).include('#tp').analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${lang}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }
  await expect(page.locator('#tp').getByRole('img', { name: /A rede: entradas x₁, x₂; camadas ocultas 8, 8, 8/ })).toHaveCount(1);
});

test('invalid planar attributes give notices and fall back to the nearest valid values', async ({ page }) => {
  const playground = await openPlayground(page, { scenario: 'gauss', epochs: '5', 'what-if': 'off', noise: '80', activation: 'swish', features: 'x1 cos1', 'reg-rate': '-1' });
  await nextRun(page, 0);
  const config = await page.evaluate(() => (document.querySelector('#tp') as unknown as { result: { config: Record<string, unknown> } }).result.config);
  expect(config).toMatchObject({ noise: 50, activation: 'relu', features: ['x1'], regRate: 0 });
  const notices = playground.locator('.notice');
  await expect(notices).toHaveCount(4);
  await expect(notices.filter({ hasText: 'cos1' })).toHaveCount(1);
});

test('"Discretize the output" paints each cell its predicted class, and the CPU backend draws the same picture from its worker', async ({ page, browser }) => {
  const playground = await openPlayground(page, { scenario: 'gauss', epochs: '10', 'what-if': 'off' });
  await nextRun(page, 0);
  const href = () => playground.locator('figure.planar image').getAttribute('href');
  const shaded = await href();
  await playground.getByLabel('Discretize the output').check();
  const discrete = await href();
  expect(discrete).not.toBe(shaded);
  // Two colours only: the picture's pixels are orange or blue, none in between.
  const colours = await page.evaluate(async (src) => {
    const image = new Image();
    image.src = src!;
    await image.decode();
    const canvas = Object.assign(document.createElement('canvas'), { width: image.width, height: image.height });
    const context = canvas.getContext('2d')!;
    context.drawImage(image, 0, 0);
    const data = context.getImageData(0, 0, image.width, image.height).data;
    return new Set(Array.from({ length: data.length / 4 }, (_, i) => `${data[4 * i]},${data[4 * i + 1]},${data[4 * i + 2]}`)).size;
  }, discrete);
  expect(colours).toBe(2);
  const cpuPage = await browser.newPage();
  await cpuPage.goto('/fixtures/element.html?scenario=gauss&epochs=10&what-if=off&backend=cpu');
  const cpu = await nextRun(cpuPage, 0);
  expect(cpu.backend).toBe('cpu');
  await expect(cpuPage.locator('#tp figure.planar')).toHaveAttribute('data-boundary', 'current');
  const workers = await cpuPage.evaluate(() => (customElements.get('training-playground') as unknown as { resources(): Promise<{ workers: number }> }).resources().then((r) => r.workers));
  expect(workers).toBe(1);
  await cpuPage.close();
});
