/** What a course page does with the element: embed it, put two on a page, remove one, export. */
import { expect, nextRun, openPlayground, startsRun, summary, test, trainEnds } from './test';

test('two elements on a plain page (one script tag, no bundler) train independently', async ({ page }) => {
  await page.goto('/fixtures/two.html');
  const a = await nextRun(page, 0, 'a');
  const b = await nextRun(page, 0, 'b');
  expect(a.epochs).toBe(30);
  expect(a.params).toHaveLength(2);
  expect(b.epochs).toBe(4);
  expect(b.errorRate).not.toBeNull();
  expect(a.backend).toBe('webgpu');
});

test('removing an element while it trains leaves no error and no running work', async ({ page }) => {
  const playground = await openPlayground(page, { scenario: 'cancer', epochs: '500', 'batch-size': '8' });
  await page.waitForFunction(() => (window as unknown as { __events: { type: string; epoch: number }[] }).__events.some((e) => e.type === 'epoch-end' && e.epoch >= 2));
  await playground.evaluate((el) => el.remove());
  const count = () => page.evaluate(() => (window as unknown as { __events: { type: string }[] }).__events.filter((e) => e.type === 'epoch-end').length);
  const atRemoval = await count();
  // A new run on the page proves the GPU is free; by then the removed one must have gone quiet.
  await page.evaluate(() => {
    const fresh = document.createElement('training-playground');
    fresh.id = 'fresh';
    fresh.setAttribute('epochs', '5');
    document.querySelector('main')!.append(fresh);
  });
  await nextRun(page, 0, 'fresh');
  const events = await page.evaluate(() => (window as unknown as { __events: { type: string; id: string }[] }).__events);
  expect(events.filter((e) => e.id === 'tp' && e.type === 'epoch-end').length).toBeLessThanOrEqual(atRemoval + 2);
  expect(events.filter((e) => e.type === 'playground-error')).toEqual([]);
  expect(await count()).toBeGreaterThan(atRemoval);
});

test('without WebGPU the CPU gives the same line parameters, and a badge says why', async ({ page, browser }) => {
  await openPlayground(page, { scenario: 'line', schedule: 'constant' });
  const gpu = await nextRun(page, 0);
  expect(gpu.backend).toBe('webgpu');
  const cpuPage = await browser.newPage();
  await cpuPage.addInitScript(() => {
    delete (Navigator.prototype as { gpu?: unknown }).gpu;
  });
  await cpuPage.goto('/fixtures/element.html?scenario=line&schedule=constant');
  const cpu = await nextRun(cpuPage, 0);
  expect(cpu.backend).toBe('cpu');
  gpu.params!.forEach((p, i) => expect(Math.abs(p - cpu.params![i]!)).toBeLessThan(1e-4));
  const playground = cpuPage.locator('#tp');
  await expect(playground.locator('.badge')).toHaveText('CPU');
  await expect(playground.getByRole('note')).toContainText('navigator.gpu is missing');
  const errors = await cpuPage.evaluate(() => (window as unknown as { __events: { type: string; code: string }[] }).__events.filter((e) => e.type === 'playground-error'));
  expect(errors.map((e) => e.code)).toEqual(['webgpu-unavailable']);
  await cpuPage.close();
});

for (const [fault, inject, says] of [
  ['requestAdapter() returns null', () => { GPU.prototype.requestAdapter = async () => null; }, 'found no usable GPU adapter'],
  ['requestDevice() rejects', () => { GPUAdapter.prototype.requestDevice = async () => Promise.reject(new Error('denied by the test')); }, 'refused to create a device'],
] as const) {
  test(`when ${fault}, the CPU takes over with a badge saying why, and trains`, async ({ page }) => {
    await page.addInitScript(inject);
    const playground = await openPlayground(page, { scenario: 'line', schedule: 'constant', seed: '1' });
    const cpu = await nextRun(page, 0);
    expect(cpu.backend).toBe('cpu');
    // The notebook's a ≈ 3 (the test above checks the CPU and the GPU agree to 1e-4).
    expect(cpu.params![0]).toBeCloseTo(3.0, 0);
    await expect(playground.locator('.badge')).toHaveText('CPU');
    await expect(playground.getByRole('note')).toContainText(says);
  });
}

test('invalid attributes use the nearest valid value, show a notice and fire playground-error', async ({ page, pageErrors }) => {
  const playground = await openPlayground(page, { scenario: 'line', epochs: '5000', 'max-lr': 'fast', theme: 'purple' });
  const run = await nextRun(page, 0);
  expect(run.configEpochs).toBe(1000);
  expect(run.maxLr).toBe(0.1);
  await expect(playground.locator('.notice')).toHaveCount(3);
  await expect(playground.locator('.notice').first()).toContainText('epochs 5000 is outside 1–1000');
  const codes = await page.evaluate(() => (window as unknown as { __events: { type: string; code: string }[] }).__events.filter((e) => e.type === 'playground-error').map((e) => e.code));
  expect(codes).toEqual(['invalid-attribute', 'invalid-attribute', 'invalid-attribute']);
  expect(pageErrors).toEqual([]);
});

test('rapid slider changes cancel the old runs: only the last value trains to the end, never a mix', async ({ page }) => {
  const playground = await openPlayground(page, { scenario: 'cancer', epochs: '40' });
  await page.waitForFunction(() => (window as unknown as { __events: { type: string }[] }).__events.some((e) => e.type === 'epoch-end'));
  const epochs = playground.getByRole('slider', { name: /Epochs/ });
  await epochs.focus();
  // The first run may end (and fire train-end) before the first key: count from the first new run.
  const before = await startsRun(page, async () => {
    for (let i = 0; i < 10; i++) await epochs.press('ArrowLeft');
  });
  const run = await nextRun(page, before);
  expect(run.configEpochs).toBe(30);
  expect(run.epochs).toBe(30);
  const history = await playground.evaluate((el) => (el as unknown as { history: { epoch: number }[] }).history.map((h) => h.epoch));
  expect(history).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
  expect(await trainEnds(page)).toBe(before + 1);
});

test('exports the history as CSV and the chart, with title and legend, as PNG', async ({ page }) => {
  const playground = await openPlayground(page, { scenario: 'cancer', epochs: '4' });
  await nextRun(page, 0);
  const csv = await playground.evaluate((el) => (el as unknown as { toCSV(): string }).toCSV());
  const lines = csv.trim().split('\n');
  expect(lines[0]).toBe('epoch,train_loss,valid_loss,error_rate,lr,elapsed_ms');
  expect(lines).toHaveLength(5);
  expect(lines[4]!.split(',')[0]).toBe('4');
  const png = await playground.evaluate(async (el) => {
    const blob = await (el as unknown as { toPNG(): Promise<Blob> }).toPNG();
    const bitmap = await createImageBitmap(blob);
    return { type: blob.type, width: bitmap.width, height: bitmap.height };
  });
  expect(png.type).toBe('image/png');
  expect(png.height).toBeGreaterThan(260 + 50);
  const state = await summary(page);
  expect(state.epochs).toBe(4);
});

test('what-if="off" leaves the curves\' diagnosis, marked provisional; bad what-if and seeds values get notices and still train', async ({ page }) => {
  const playground = await openPlayground(page, { scenario: 'line', epochs: '20', 'what-if': 'off' });
  const run = await nextRun(page, 0);
  expect(run.final).toBe(false);
  await expect(playground.locator('[part="diagnosis"] h3')).toContainText('provisional');
  await expect(playground.locator('[part="diagnosis"]')).toContainText('From the curves alone');
  await expect(playground.locator('.chart-host .u-legend')).not.toContainText('max_lr ÷10');
  const diagnoses = () => page.evaluate(() => (window as unknown as { __events: { type: string }[] }).__events.filter((e) => e.type === 'diagnosis').length);
  expect(await diagnoses()).toBe(0);
  const before = await startsRun(page, () => playground.evaluate((el) => {
    el.setAttribute('what-if', 'maybe');
    el.setAttribute('seeds', '40');
  }));
  const tested = await nextRun(page, before);
  expect(tested.final).toBe(true);
  expect(await diagnoses()).toBe(1);
  await expect(playground.locator('.notice')).toContainText(['what-if: "maybe" is not on or off; using on.']);
  await expect(playground.locator('.notice').filter({ hasText: 'seeds' })).toHaveCount(1);
  await expect(playground.locator('.chart-host .u-legend')).toContainText('valid loss, highest seed');
});

test('a GPU reset mid-run says so in words, and the run starts over on a new device by itself', async ({ page, pageErrors }) => {
  // The reset comes at a point the run is sure to reach, not at a moment: the first readback
  // the run starts after its first epoch was reported (a later chunk, or the training-set
  // evaluation after the last one) destroys every device first. Destroying at the first
  // epoch-end raced the run, whose remaining epochs could all be on the GPU already.
  await page.addInitScript(() => {
    const w = window as unknown as { __devices: GPUDevice[]; __resetArmed: boolean; __resets: number };
    w.__devices = [];
    w.__resetArmed = false;
    w.__resets = 0;
    const request = GPUAdapter.prototype.requestDevice;
    GPUAdapter.prototype.requestDevice = async function (this: GPUAdapter, ...args) {
      const device = await request.apply(this, args);
      w.__devices.push(device);
      return device;
    };
    document.addEventListener('epoch-end', () => (w.__resetArmed ||= w.__resets === 0));
    const mapAsync = GPUBuffer.prototype.mapAsync;
    GPUBuffer.prototype.mapAsync = function (this: GPUBuffer, ...args) {
      if (w.__resetArmed) {
        w.__resetArmed = false;
        w.__resets++;
        w.__devices.forEach((d) => d.destroy());
      }
      return mapAsync.apply(this, args);
    };
  });
  const playground = await openPlayground(page, { scenario: 'cancer', epochs: '30', 'what-if': 'off' });
  const run = await nextRun(page, 0);
  expect(run.stopReason).toBe('done');
  expect(await page.evaluate(() => (window as unknown as { __resets: number }).__resets)).toBe(1);
  const history = await playground.evaluate((el) => (el as unknown as { history: { epoch: number }[] }).history.map((h) => h.epoch));
  expect(history).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
  const errors = await page.evaluate(() => (window as unknown as { __events: { type: string; code: string; message: string }[] }).__events.filter((e) => e.type === 'playground-error'));
  expect(errors.map((e) => e.code)).toEqual(['device-lost']);
  expect(errors[0]!.message).toMatch(/^The GPU was reset while training .*; training again on a new device\.$/);
  await expect(playground.locator('.notice')).toContainText('GPU: The GPU was reset while training');
  expect(await page.evaluate(() => (window as unknown as { __devices: GPUDevice[] }).__devices.length)).toBe(2);
  expect(pageErrors).toEqual([]);
});

test('bad attribute values, one after another: each gives a notice and one playground-error, and the element trains on', async ({ page, pageErrors }) => {
  // Eighteen runs, some at the default 20 epochs.
  test.setTimeout(240_000);
  const playground = await openPlayground(page, { scenario: 'cancer', epochs: '1', 'what-if': 'off', manual: '' });
  const cases: [string, string, string][] = [
    ['epochs', 'ten', 'epochs must be a number'],
    ['epochs', '-3', 'epochs -3 is outside 1–1000'],
    ['max-lr', 'Infinity', 'maxLr must be a number'],
    ['max-lr', '0', 'maxLr 0 is outside'],
    ['batch-size', '2.5', 'batchSize 2.5 is outside'],
    ['train-size', '1', 'trainSize 1 is outside'],
    ['hidden', 'x,y', 'hidden "x,y" must be layer widths'],
    ['hidden', '0', 'hidden "0" must be layer widths'],
    ['hidden', '4096,4096,4096', 'needs 33.6 M weights between its layers'],
    ['optimizer', 'SGD', 'optimizer "SGD" is not one of sgd, adam'],
    ['schedule', 'cosine', 'schedule "cosine" is not one of'],
    ['seeds', '40', 'seeds 40 is outside 1–16'],
    ['imbalance', 'NaN', 'imbalance must be a number'],
    ['theme', 'purple', 'theme: "purple" is not light, dark or auto'],
    ['backend', 'tpu', 'backend: "tpu" is not auto, webgpu or cpu'],
    ['what-if', 'maybe', 'what-if: "maybe" is not on or off'],
    ['view', 'sideways', 'view: "sideways" is not data or parameters'],
    ['speed', 'fast', 'speed: "fast" is not 1, 4 or instant'],
  ];
  const errors = () => page.evaluate(() => (window as unknown as { __events: { type: string; code: string }[] }).__events.filter((e) => e.type === 'playground-error').length);
  for (const [attribute, value, says] of cases) {
    const before = await errors();
    await playground.evaluate((el, [name, v]) => el.setAttribute(name!, v!), [attribute, value]);
    await expect(playground.locator('.notice').last(), `${attribute}="${value}"`).toContainText(says);
    expect(await errors(), `${attribute}="${value}"`).toBe(before + 1);
    const run = await playground.evaluate(async (el) => {
      const result = await (el as unknown as { train(): Promise<{ stopReason: string; history: unknown[] }> }).train();
      return { stopReason: result.stopReason, epochs: result.history.length };
    });
    expect(run.epochs, `${attribute}="${value}" still trains`).toBeGreaterThan(0);
    // Back to the default: a removed attribute says nothing.
    await playground.evaluate((el, name) => el.removeAttribute(name), attribute);
    expect(await errors(), `removing ${attribute}`).toBe(before + 1);
  }
  expect(pageErrors).toEqual([]);
});

test('a change made the moment a run ends starts the next run (it was once left waiting for ever)', async ({ page }) => {
  // Set from the first diagnosis event's own continuation: the run's loop is finishing just then.
  await page.addInitScript(() => {
    document.addEventListener(
      'diagnosis',
      (event) => void Promise.resolve().then(() => (event.target as HTMLElement).setAttribute('max-lr', '0.2')),
      { once: true },
    );
  });
  await openPlayground(page, { scenario: 'line', epochs: '10' });
  await expect.poll(() => summary(page).then((s) => s.maxLr), { timeout: 30_000 }).toBe(0.2);
  const run = await nextRun(page, 1);
  expect(run.maxLr).toBe(0.2);
  expect(run.epochs).toBe(10);
});

test('the bundle loaded twice on one page defines the element once, throws nothing, and trains', async ({ page, pageErrors }) => {
  await page.goto('/fixtures/twice.html');
  const run = await nextRun(page, 0);
  expect(run.epochs).toBe(20);
  expect(await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.name.includes('training-playground.js')).length)).toBe(2);
  expect(pageErrors).toEqual([]);
});

test('the npm build in a site built with Vite: one Lit beside the site\'s own Lit component, the data sets copied by the bundler, and it trains', async ({ page }) => {
  await page.goto('/dist/npm-app/e2e/fixtures/npm-app/index.html');
  const run = await nextRun(page, 0);
  expect(run.epochs).toBe(2);
  expect(run.errorRate).not.toBeNull();
  await expect(page.locator('site-banner')).toContainText('its own Lit component');
  // Each copy of Lit adds its version here: the site's and the playground's are one.
  expect(await page.evaluate(() => (globalThis as unknown as { litElementVersions: string[] }).litElementVersions.length)).toBe(1);
});

const FRAMEWORKS = { react: 'React 19', vue: 'Vue 3', svelte: 'Svelte 5' } as const;
for (const framework of Object.keys(FRAMEWORKS) as (keyof typeof FRAMEWORKS)[]) {
  test(`in a ${FRAMEWORKS[framework]} app built with Vite: attributes as props, the diagnosis event to a handler, and it trains`, async ({ page }) => {
    await page.goto(`/dist/${framework}-app/e2e/fixtures/${framework}-app/index.html`);
    const run = await nextRun(page, 0, 'tp', 'diagnosis');
    expect(run.epochs).toBe(40);
    expect(run.configEpochs).toBe(40);
    // The app's own handler got the final diagnosis and rendered it.
    await expect(page.locator('#said')).toHaveText(run.code!);
  });
}
