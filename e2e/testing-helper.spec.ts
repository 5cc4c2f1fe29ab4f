/**
 * The example a course team copies: a page that embeds the built bundle, tested with the
 * package's own helpers (training-playground/testing, loaded from the build as a user gets it).
 */
import { expect, test } from './test';

type Helpers = typeof import('../src/playwright/index');
// The built helper, as `import … from 'training-playground/testing'` gives it (a path held in a variable: the type-check runs before the build).
const built = '../dist/testing.js';
const helpers = (): Promise<Helpers> => import(built) as Promise<Helpers>;

test('a course page\'s snapshot with the testing helpers: wait for the final diagnosis, freeze, compare', async ({ page }) => {
  const { freezeForSnapshot, waitForDiagnosis, waitForRun } = await helpers();
  await page.goto('/fixtures/element.html?scenario=line&seed=1&epochs=60');
  const playground = page.locator('training-playground');
  const diagnosis = await waitForDiagnosis(playground);
  expect(diagnosis.final).toBe(true);
  const { result } = await waitForRun(playground);
  expect(result.history).toHaveLength(60);
  await freezeForSnapshot(playground);
  await expect(playground.locator('tp-line-panel')).toHaveAttribute('data-epoch', '60');
  await expect(playground).toHaveScreenshot('testing-helper.png', { maxDiffPixelRatio: 0.002 });
});
