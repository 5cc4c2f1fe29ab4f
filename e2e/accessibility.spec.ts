/** Keyboard-only use and an axe-core scan of the element and the demo page. */
import AxeBuilder from '@axe-core/playwright';
import { expect, nextRun, openPlayground, test, trainEnds } from './test';

test('keyboard only: Tab reaches every control, arrows change them, Enter starts and stops training', async ({ page }) => {
  const playground = await openPlayground(page, { scenario: 'line', manual: '', controls: 'epochs max-lr schedule lr-find' });
  await page.keyboard.press('Tab');
  const focusedLabel = () => page.evaluate(() => {
    const el = document.querySelector('#tp')!.shadowRoot!.activeElement as HTMLInputElement | null;
    return el ? (el.labels?.[0]?.textContent ?? el.textContent ?? '').trim() : '';
  });
  expect(await focusedLabel()).toMatch(/^Epochs/);
  await page.keyboard.press('ArrowLeft');
  expect(await playground.getAttribute('epochs')).toBe('99');
  await page.keyboard.press('Tab');
  expect(await focusedLabel()).toMatch(/max_lr/);
  await page.keyboard.press('ArrowRight');
  expect(await playground.getAttribute('max-lr')).toBe('0.2');
  await page.keyboard.press('Tab');
  expect(await focusedLabel()).toMatch(/^Schedule/);
  await page.keyboard.press('Tab');
  expect(await focusedLabel()).toMatch(/Find a learning rate/);
  await page.keyboard.press('Tab');
  expect(await focusedLabel()).toBe('Train');
  // manual: nothing trained until now.
  expect(await trainEnds(page)).toBe(0);
  await page.keyboard.press('Enter');
  const run = await nextRun(page, 0);
  expect(run.configEpochs).toBe(99);
  expect(run.maxLr).toBe(0.2);
  // Start a long run and stop it from the keyboard: the same button, still focused.
  await playground.evaluate((el) => {
    el.setAttribute('scenario', 'cancer');
    el.setAttribute('epochs', '1000');
  });
  await page.keyboard.press('Enter');
  await expect(playground.getByRole('button', { name: 'Stop' })).toBeFocused();
  await page.waitForFunction(() => (window as unknown as { __events: { type: string; epoch: number }[] }).__events.some((e) => e.type === 'epoch-end' && e.epoch === 2));
  await page.keyboard.press('Enter');
  const stopped = await nextRun(page, 1);
  expect(stopped.stopReason).toBe('stopped');
  expect(stopped.epochs).toBeLessThan(1000);
  await expect(playground.getByRole('button', { name: 'Train', exact: true })).toBeFocused();
});

test('the element has no serious or critical axe violations', async ({ page }) => {
  await openPlayground(page, { scenario: 'cancer', epochs: '3', controls: 'epochs max-lr optimizer schedule batch-size train-size hidden imbalance oversample seed scenario lr-find' });
  await nextRun(page, 0);
  const results = await new AxeBuilder({ page }).include('#tp').analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});

test('line\'s picture in both views, with the schedule strip, has no serious or critical axe violations', async ({ page }) => {
  for (const view of ['data', 'parameters']) {
    await openPlayground(page, { scenario: 'line', seed: '1', view, 'what-if': 'off' });
    await nextRun(page, 0);
    const results = await new AxeBuilder({ page }).include('#tp').analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${view}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }
});

test('the demo page has no serious or critical axe violations', async ({ page }) => {
  await page.goto('/');
  await page.waitForFunction(() => (document.querySelector('#line') as unknown as { result: unknown }).result);
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});
