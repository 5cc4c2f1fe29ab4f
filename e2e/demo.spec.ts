/** The demo page: presets for the notes' failure modes, and the URL carrying the state. */
import { expect, nextRun, startsRun, test } from './test';

test.beforeEach(async ({ page }) => {
  await page.addInitScript({ path: 'e2e/fixtures/event-log.js' });
});

test('each preset sets its playground, and the tested diagnosis names the failure it shows', async ({ page }) => {
  // Five runs and their what-ifs on SwiftShader's CPU-bound GPU.
  test.setTimeout(600_000);
  await page.goto('/');
  const presets: [string, string, string, RegExp][] = [
    ['LR too high', 'line', 'lr-too-high', /max_lr 10× smaller \(0\.3\)/],
    ['LR too low', 'line', 'lr-too-low', /max_lr 10× larger \(0\.01\)/],
    ['Too few epochs', 'digits', 'too-few-epochs', /3× the epochs \(3\)/],
    ['More data may help', 'digits', 'more-data', /all 1437 training rows instead of 50/],
    ['Too many epochs', 'cancer', 'too-many-epochs', /lowest at epoch \d+/],
  ];
  for (const [button, id, code, evidence] of presets) {
    // Clicking scrolls the page: a playground that leaves the screen pauses its run (a train-end, 'stopped')
    // and resumes it on screen, so wait for the diagnosis, which only a finished run gives.
    const before = await startsRun(page, () => page.getByRole('button', { name: button, exact: true }).click(), id, 'diagnosis');
    const run = await nextRun(page, before, id, 'diagnosis');
    expect(run.final, button).toBe(true);
    expect(run.code, `${button}: ${run.message}`).toBe(code);
    expect(run.message).toMatch(evidence);
  }
  expect(page.url()).toContain('digits.train-size=50');
  expect(page.url()).toContain('cancer.epochs=100');
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

test('the planar section trains the spiral, and its settings travel in the URL', async ({ page }) => {
  await page.goto('/?planar.scenario=xor&planar.activation=linear&planar.features=x1+x2+x1x2');
  // Below the fold: a playground trains once it is on screen.
  await page.locator('#planar').scrollIntoViewIfNeeded();
  const run = await nextRun(page, 0, 'planar');
  expect(run.errorRate).toBe(0);
  await expect(page.locator('#planar figure.planar')).toHaveAttribute('data-boundary', 'current');
  await expect(page.locator('#planar-title')).toHaveText('Two classes on a plane: TensorFlow Playground’s four data sets');
  await expect(page.locator('.tries li')).toHaveCount(4);
  await page.locator('#planar').getByLabel('Noise (%)').press('ArrowRight');
  await expect.poll(() => page.url()).toContain('planar.noise=5');
});
