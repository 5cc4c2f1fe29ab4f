/**
 * The notes' four failure modes, each reproduced by moving the real sliders (keyboard and
 * mouse), with the right diagnosis on screen; and the lesson-2 notebook itself.
 */
import { expect, nextRun, openPlayground, press, slider, stopAndTime, test, trainEnds } from './test';

test('LR too high: raising max_lr with the keyboard makes the loss explode, and the run stops cleanly', async ({ page }) => {
  const playground = await openPlayground(page, { scenario: 'line' });
  await nextRun(page, 0);
  const before = await trainEnds(page);
  // 0.1 → 0.2 → 0.3 → 0.5 → 1 → 2 → 3, one run started per key press.
  await press(slider(playground, /max_lr/), 'ArrowRight', 6);
  const run = await nextRun(page, before);
  expect(run.maxLr).toBe(3);
  expect(run.stopReason).toBe('diverged');
  expect(run.finite).toBe(true);
  expect(run.code).toBe('lr-too-high');
  await expect(playground.locator('[part="diagnosis"]')).toContainText('Learning rate too high');
});

test('LR too low: lowering max_lr makes the loss crawl, and the diagnosis says so with a 10× larger rate as evidence', async ({ page }) => {
  const playground = await openPlayground(page, { scenario: 'line' });
  await nextRun(page, 0);
  const before = await trainEnds(page);
  await press(slider(playground, /max_lr/), 'ArrowLeft', 8); // 0.1 → 1e-3
  const run = await nextRun(page, before);
  expect(run.maxLr).toBe(1e-3);
  expect(run.code).toBe('lr-too-low');
  await expect(playground.locator('[part="diagnosis"]')).toContainText('Learning rate too low');
  await expect(playground.locator('[part="diagnosis"]')).toContainText('with max_lr 10× larger (0.01) the validation loss ends at');
  // Following the advice: the button moves the slider, and the new run is better.
  await playground.getByRole('button', { name: /Try it: max_lr 10× larger/ }).click();
  const tried = await nextRun(page, before + 1);
  expect(tried.maxLr).toBe(0.01);
  expect(tried.validLoss).toBeLessThan(run.validLoss * 0.75);
});

test('too few epochs: the epochs slider at 3 with a constant rate leaves the loss falling, and 3× the epochs end lower', async ({ page }) => {
  const playground = await openPlayground(page, { scenario: 'line', schedule: 'constant' });
  await nextRun(page, 0);
  const before = await trainEnds(page);
  const epochs = slider(playground, /Epochs/);
  await press(epochs, 'Home');
  await press(epochs, 'ArrowRight', 2);
  const run = await nextRun(page, before);
  expect(run.configEpochs).toBe(3);
  expect(run.code).toBe('too-few-epochs');
  await expect(playground.locator('[part="diagnosis"]')).toContainText('Too few epochs: with 3× the epochs (9) the validation loss ends at');
  // Each what-if is a ghost curve named in the legend; a click there hides it.
  const ghost = playground.locator('.chart-host .u-legend .u-series', { hasText: '3× epochs' });
  await expect(ghost).toBeVisible();
  await expect(playground.locator('.chart-host .u-legend .u-series', { hasText: 'max_lr ×10' })).toBeVisible();
  await ghost.click();
  await expect(ghost).toHaveClass(/u-off/);
});

test('too many epochs: dragging epochs to the middle on the cancer data shows valid loss falling, then rising', async ({ page }) => {
  const playground = await openPlayground(page, { scenario: 'cancer', controls: 'epochs max-lr batch-size', epochs: '5' });
  await nextRun(page, 0);
  const batch = playground.getByRole('spinbutton', { name: /Batch size/ });
  await batch.fill('16');
  await batch.press('Enter');
  await nextRun(page, await trainEnds(page) - 1);
  const before = await trainEnds(page);
  const epochs = slider(playground, /Epochs/);
  const box = (await epochs.boundingBox())!;
  // The slider spans 1..200: a click at the middle asks for about 100 epochs.
  await page.mouse.click(box.x + box.width * 0.5, box.y + box.height / 2);
  const run = await nextRun(page, before);
  expect(run.configEpochs).toBeGreaterThan(80);
  expect(run.code).toBe('too-many-epochs');
  await expect(playground.locator('[part="diagnosis"]')).toContainText('Too many epochs');
});

test('line reproduces the notebook (a ≈ 3, b ≈ 2.5) with a constant schedule, and draws the fitted line', async ({ page }) => {
  const playground = await openPlayground(page, { scenario: 'line', controls: 'epochs max-lr schedule' });
  await nextRun(page, 0);
  const before = await trainEnds(page);
  await playground.getByRole('combobox', { name: /Schedule/ }).selectOption('constant');
  const run = await nextRun(page, before);
  const [a, b] = run.params!;
  expect(a).toBeGreaterThan(2.8);
  expect(a).toBeLessThan(3.3);
  expect(b).toBeGreaterThan(2.35);
  expect(b).toBeLessThan(2.65);
  await expect(playground.locator('[part="view"] line.fit')).toHaveCount(1);
  await expect(playground.locator('[part="view"] .equation')).toContainText(`y = ${a.toFixed(2)}x + ${b.toFixed(2)}`);
  await expect(playground.locator('[part="code"] code')).toHaveText('learn.fit(100, lr=0.1)');
});

test('a model whose step this adapter cannot finish in reasonable time is refused with a notice, and the element trains on', async ({ page }) => {
  // 64-2048-1024-10 at batch 1024: 2.2 M weights (allowed), 14 G flops a step, about 9 s on SwiftShader.
  const playground = await openPlayground(page, { scenario: 'digits', hidden: '2048,1024', 'batch-size': '1024', epochs: '2', 'what-if': 'off' });
  await expect(playground.locator('.notice')).toContainText('Training: This model and batch are about 13.8 G floating-point operations a step');
  const errors = await page.evaluate(() => (window as unknown as { __events: { type: string; code: string }[] }).__events.filter((e) => e.type === 'playground-error'));
  expect(errors.map((e) => e.code)).toEqual(['training-failed']);
  await playground.evaluate((el) => el.setAttribute('hidden', '64'));
  const run = await nextRun(page, 0);
  expect(run.stopReason).toBe('done');
  expect(run.epochs).toBe(2);
});

// That Stop waits for one piece, not the epoch, is counted in src/train/loop/pieces.gpu.test.ts; here
// the element's side, with the time it took printed (0.3 s here in pieces, 10 s without them).
test('Stop ends a heavy run on the GPU and reports none of the epoch in progress', async ({ page }) => {
  // 64-1024-1024-10 at batch 64: ~0.4 G flops a step, a quarter of a second on SwiftShader, 22 steps an epoch.
  const playground = await openPlayground(page, { scenario: 'digits', hidden: '1024,1024', epochs: '20', seed: '1', 'what-if': 'off' });
  await page.waitForFunction(() => (window as unknown as { __events: { type: string }[] }).__events.some((e) => e.type === 'epoch-end'));
  const { latency, epochsAtStop } = await stopAndTime(playground);
  const run = await nextRun(page, 0);
  expect(run.backend).toBe('webgpu');
  expect(run.stopReason).toBe('stopped');
  expect(run.epochs).toBe(epochsAtStop);
  console.log(`GPU stop() to train-end: ${latency.toFixed(0)} ms, after ${epochsAtStop} epochs`);
});
