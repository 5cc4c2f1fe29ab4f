/**
 * Visual baselines of finished, seeded runs. A seeded run draws the same pixels every time:
 * the data, weights and shuffles come from the seed, the chart is frozen at train-end, and
 * the mouse is parked outside so no cursor is drawn.
 *
 * Tolerance: measured on SwiftShader by rendering every baseline three times in fresh
 * browsers: the runs differed by 0 pixels. MAX_DIFF_PIXEL_RATIO allows 0.2 % of the element's
 * pixels, room for anti-aliasing on another Chromium build, far below what any change of a
 * curve, a label or a colour moves (a one-epoch shift of the best-loss marker alone changes
 * more than 0.5 %).
 */
import type { Locator, Page } from '@playwright/test';
import { expect, nextRun, openPlayground, test, trainEnds } from './test';

const MAX_DIFF_PIXEL_RATIO = 0.002;

async function frozen(page: Page, playground: Locator): Promise<void> {
  await page.mouse.move(0, 0);
  // line's picture replays the run: the baseline is its last frame.
  await expect(playground.locator('tp-line-panel[data-animating="true"]')).toHaveCount(0);
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  await expect(playground).toHaveScreenshot(`${test.info().title.split(':')[0]}.png`, { animations: 'disabled', maxDiffPixelRatio: MAX_DIFF_PIXEL_RATIO });
}

test('line: the notebook run with the fitted line', async ({ page }) => {
  const playground = await openPlayground(page, { scenario: 'line', schedule: 'constant', seed: '1' });
  await nextRun(page, 0);
  await frozen(page, playground);
});

// The parameter view in the four ways a run can go; each shows its surface, `shows` what tells them apart.
const PARAMETER_RUNS: [title: string, settings: Record<string, string>, shows: string][] = [
  ['parameters-good: the loss surface, and a one-cycle run gliding into the valley', { seed: '1', 'max-lr': '0.03' }, '.parameters image'],
  ['parameters-high: LR too high, the path zig-zags outward and leaves the picture', { seed: '1', 'max-lr': '1.2', schedule: 'constant' }, '.parameters .path-arrow'],
  ['parameters-low: LR too low, the path crawls and stops short of the optimum', { seed: '1', 'max-lr': '0.003' }, '.parameters image'],
  ['parameters-momentum: one-cycle at a high max_lr, momentum carries the path round and past the valley before it settles', { seed: '2', 'max-lr': '0.3' }, '.parameters image'],
];
for (const [title, settings, shows] of PARAMETER_RUNS) {
  test(title, async ({ page }) => {
    const playground = await openPlayground(page, { scenario: 'line', view: 'parameters', ...settings });
    await nextRun(page, 0);
    await expect(playground.locator(shows)).toHaveCount(1);
    await frozen(page, playground);
  });
}

test('lr-strip: the one-cycle schedule under the chart, on the same epochs', async ({ page }) => {
  const playground = await openPlayground(page, { scenario: 'line', seed: '1', epochs: '40', 'what-if': 'off' });
  await nextRun(page, 0);
  await expect(playground.locator('.schedule-host .u-legend')).toContainText('momentum');
  await page.mouse.move(0, 0);
  await expect(playground.locator('tp-line-panel[data-animating="true"]')).toHaveCount(0);
  await expect(playground.locator('[part="chart"]')).toHaveScreenshot('lr-strip.png', { animations: 'disabled', maxDiffPixelRatio: MAX_DIFF_PIXEL_RATIO });
});

test('digits: the default run with predicted digits', async ({ page }) => {
  const playground = await openPlayground(page, { scenario: 'digits', epochs: '8', seed: '1' });
  await nextRun(page, 0);
  await frozen(page, playground);
});

test('cancer: imbalanced, per-class error', async ({ page }) => {
  const playground = await openPlayground(page, { scenario: 'cancer', imbalance: '8', seed: '1', controls: 'epochs max-lr imbalance oversample' });
  await nextRun(page, 0);
  await frozen(page, playground);
});

test('dark: the dark theme', async ({ page }) => {
  const playground = await openPlayground(page, { scenario: 'line', theme: 'dark', seed: '1', epochs: '60' });
  await nextRun(page, 0);
  await frozen(page, playground);
});

test('pt-BR: every string in Portuguese', async ({ page }) => {
  const playground = await openPlayground(page, { scenario: 'cancer', lang: 'pt-BR', seed: '1', epochs: '12', controls: 'epochs max-lr batch-size oversample' });
  await nextRun(page, 0);
  // The data's own class names too.
  await expect(playground.locator('.class-errors')).toContainText('maligno');
  await expect(playground.locator('.class-errors')).not.toContainText('malignant');
  await frozen(page, playground);
});

test('diverged: LR too high, stopped cleanly with no NaN drawn', async ({ page }) => {
  const playground = await openPlayground(page, { scenario: 'line', 'max-lr': '3', seed: '1' });
  const run = await nextRun(page, 0);
  expect(run.stopReason).toBe('diverged');
  await frozen(page, playground);
});

test('seeds: the band of five seeds\' validation losses, beside the what-ifs\' ghost curves', async ({ page }) => {
  const playground = await openPlayground(page, { scenario: 'digits', epochs: '6', 'max-lr': '0.01', seed: '1', seeds: '5', controls: 'epochs max-lr' });
  await nextRun(page, 0);
  await expect(playground.locator('.chart-host .u-legend')).toContainText('valid loss, highest seed');
  await frozen(page, playground);
});

test('lr-find: the loss against learning rate with the suggestion', async ({ page }) => {
  const playground = await openPlayground(page, { scenario: 'line', seed: '1', epochs: '20', controls: 'epochs max-lr lr-find' });
  await nextRun(page, 0);
  const before = await trainEnds(page);
  await playground.getByRole('button', { name: 'Find a learning rate' }).click();
  // Its suggestion is tested as a what-if: the run is trained again with it among them.
  await nextRun(page, before);
  await expect(playground.locator('.lr-find [role="note"]')).toContainText('lr_find suggests');
  await frozen(page, playground);
});

test('overfit: too many epochs on the cancer data', async ({ page }) => {
  const playground = await openPlayground(page, { scenario: 'cancer', seed: '1', epochs: '60', 'batch-size': '16', 'max-lr': '0.01' });
  const run = await nextRun(page, 0);
  expect(run.code).toBe('too-many-epochs');
  await frozen(page, playground);
});

// The notes' failure modes and remedies, each as a learner meets it: does the message say what the curves show?
const LEARNER_RUNS: [title: string, settings: Record<string, string>, code: string][] = [
  ['line-default: the line with the defaults (one-cycle), the run a newcomer sees first', { scenario: 'line', seed: '1' }, 'ok'],
  ['lr-too-low: max_lr 1e-5 for 30 epochs, the line barely moves and the train loss stays above the valid loss', { scenario: 'line', seed: '3', epochs: '30', 'max-lr': '1e-5' }, 'lr-too-low'],
  ['too-few-epochs: one epoch on the digits at max_lr 0.05 (the demo\'s preset), the loss still falling fast', { scenario: 'digits', seed: '1', epochs: '1', 'max-lr': '0.05' }, 'too-few-epochs'],
  ['more-data: 50 training images of digits, every row helps', { scenario: 'digits', seed: '1', 'train-size': '50', epochs: '20' }, 'more-data'],
  ['oversample: the malignant class cut to an eighth, oversampling tested', { scenario: 'cancer', seed: '1', imbalance: '8', controls: 'epochs max-lr imbalance oversample' }, 'more-data'],
];
for (const [title, settings, code] of LEARNER_RUNS) {
  test(title, async ({ page }) => {
    const playground = await openPlayground(page, settings);
    const run = await nextRun(page, 0);
    expect(run.code, run.message ?? '').toBe(code);
    await frozen(page, playground);
  });
}

test('custom: a CSV from src', async ({ page }) => {
  const playground = await openPlayground(page, { scenario: 'custom', src: '/fixtures/data.csv', seed: '1', epochs: '10', 'max-lr': '0.03', 'batch-size': '4' });
  await nextRun(page, 0);
  await frozen(page, playground);
});

// TensorFlow Playground's four data sets, each its boundary after the default run, the points and the network.
const PLANAR_RUNS: [title: string, settings: Record<string, string>][] = [
  ['planar-circle: the default run draws a round blue island in orange', { scenario: 'circle' }],
  ['planar-xor: the default run splits the plane into four quadrants', { scenario: 'xor' }],
  ['planar-gauss: the default run draws a line between the two clouds', { scenario: 'gauss' }],
  ['planar-spiral: the default run follows both arms of the spiral', { scenario: 'spiral' }],
  ['planar-noise: the circle at 50 % noise, the classes overlapping, validation points shown', { scenario: 'circle', noise: '50' }],
  ['planar-wide: a 32-16 network drawn a box per layer, its features x1² and x2²', { scenario: 'circle', hidden: '32,16', features: 'x1sq x2sq', epochs: '30' }],
];
for (const [title, settings] of PLANAR_RUNS) {
  test(title, async ({ page }) => {
    const playground = await openPlayground(page, { seed: '1', 'what-if': 'off', ...settings });
    await nextRun(page, 0);
    if (settings.noise) await playground.getByLabel('Show the validation points').check();
    await expect(playground.locator('figure.planar')).toHaveAttribute('data-boundary', 'current');
    await page.mouse.move(0, 0);
    await expect(playground.locator('[part="view"]')).toHaveScreenshot(`${title.split(':')[0]}.png`, { animations: 'disabled', maxDiffPixelRatio: MAX_DIFF_PIXEL_RATIO });
  });
}
