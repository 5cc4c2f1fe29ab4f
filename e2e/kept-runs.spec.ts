/**
 * Kept runs and shared links: an earlier run laid over the chart by what differs, and the
 * settings kept in the page URL's hash (`share`).
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { TrainingPlayground } from '../src/ui/training-playground';
import { expect, nextRun, openPlayground, press, slider, startsRun, test } from './test';

type Element = HTMLElement & TrainingPlayground;

test('two runs with different max_lr are kept newest first; compare() lays the earlier one over the chart, named by its difference, and null removes it', async ({ page }) => {
  const playground = await openPlayground(page, { scenario: 'line', backend: 'cpu', seed: '1', epochs: '10', 'max-lr': '0.01', 'what-if': 'off' });
  await nextRun(page, 0);
  const before = await startsRun(page, () => playground.evaluate((el) => el.setAttribute('max-lr', '0.1')));
  await nextRun(page, before);
  const runs = await playground.evaluate((el) => (el as Element).runs.map((r) => ({ id: r.id, maxLr: r.config.maxLr, epochs: r.history.length })));
  expect(runs.map(({ maxLr, epochs }) => ({ maxLr, epochs }))).toEqual([{ maxLr: 0.1, epochs: 10 }, { maxLr: 0.01, epochs: 10 }]);

  const legend = playground.locator('.chart-host .u-legend');
  const picker = playground.getByLabel('Compare with…');
  await expect(legend).not.toContainText('earlier run');
  await expect(picker).toHaveValue('');
  await playground.evaluate((el, id) => (el as Element).compare(id), runs[1]!.id);
  await expect(legend).toContainText('train loss, earlier run: max_lr 0.01 → 0.1');
  await expect(legend).toContainText('valid loss, earlier run: max_lr 0.01 → 0.1');
  await expect(picker).toHaveValue(runs[1]!.id);
  const results = await new AxeBuilder({ page }).include([['#tp', '.compare']]).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

  await playground.evaluate((el) => (el as Element).compare(null));
  await expect(legend).not.toContainText('earlier run');
  await expect(picker).toHaveValue('');

  // The picker does the same from the keyboard; an id never kept changes nothing.
  await picker.focus();
  await picker.press('ArrowDown');
  await expect(legend).toContainText('valid loss, earlier run: max_lr 0.01 → 0.1');
  const thrown = await playground.evaluate((el) => {
    try {
      (el as Element).compare('run-0');
      return null;
    } catch (error) {
      return (error as Error).name;
    }
  });
  expect(thrown).toBe('RangeError');
  await expect(legend).toContainText('valid loss, earlier run: max_lr 0.01 → 0.1');
});

/** Opens the test page with a `share` playground, these attributes and this hash. */
async function openShared(page: Page, attributes: Record<string, string>, hash: string) {
  await page.goto(`/fixtures/element.html?${new URLSearchParams({ share: '', ...attributes })}${hash}`);
  await page.waitForFunction(() => customElements.get('training-playground') !== undefined);
  return page.locator('#tp');
}

test('share: the settings in the URL hash win over the attributes, and a change rewrites the hash with no new history entry', async ({ page }) => {
  const playground = await openShared(page, { scenario: 'line', epochs: '20', backend: 'cpu', 'what-if': 'off' }, '#scenario=digits&epochs=3');
  await expect.poll(() => playground.evaluate((el) => [(el as Element).scenario, (el as Element).epochs])).toEqual(['digits', 3]);
  await nextRun(page, 0);
  expect(await page.evaluate(() => location.hash)).toBe('#scenario=digits&epochs=3');
  const entries = await page.evaluate(() => history.length);
  await press(slider(playground, /Epochs/), 'ArrowRight');
  await expect.poll(() => page.evaluate(() => location.hash)).toBe('#scenario=digits&epochs=4');
  expect(await page.evaluate(() => history.length)).toBe(entries);
});

test('share: a bad value in the hash is reported as a bad attribute is', async ({ page }) => {
  const playground = await openShared(page, { scenario: 'line', backend: 'cpu', 'what-if': 'off' }, '#epochs=many');
  await nextRun(page, 0);
  const errors = await page.evaluate(() => (window as unknown as { __events: { type: string; code: string; message: string }[] }).__events.filter((e) => e.type === 'playground-error'));
  expect(errors.map((e) => e.code)).toEqual(['invalid-attribute']);
  expect(errors[0]!.message).toMatch(/^epochs: /);
  await expect(playground.locator('.notice')).toContainText('epochs');
});

// A visual baseline (snapshots.spec.ts's tolerance): an earlier run that diverged, laid over a
// good one, leaves through the top with a marker; the good run keeps the axes.
test('compare-diverged snapshot: the earlier run that exploded does not squash the current one', async ({ page }) => {
  const playground = await openPlayground(page, { scenario: 'line', backend: 'cpu', seed: '1', 'max-lr': '3', 'what-if': 'off' });
  const exploded = await nextRun(page, 0);
  expect(exploded.stopReason).toBe('diverged');
  const before = await startsRun(page, () => playground.evaluate((el) => el.setAttribute('max-lr', '0.03')));
  await nextRun(page, before);
  await playground.getByLabel('Compare with…').selectOption({ label: 'max_lr 3 → 0.03' });
  await expect(playground.locator('.chart-host .u-legend')).toContainText('valid loss, earlier run: max_lr 3 → 0.03');
  await page.mouse.move(0, 0);
  await expect(playground.locator('tp-line-panel[data-animating="true"]')).toHaveCount(0);
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  await expect(playground.locator('[part="chart"]')).toHaveScreenshot('compare-diverged.png', { animations: 'disabled', maxDiffPixelRatio: 0.002 });
});
