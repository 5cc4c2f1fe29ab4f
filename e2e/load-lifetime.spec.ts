/**
 * Load and lifetime: many changes, many elements, long runs. Counted, not timed: what the page
 * holds (TrainingPlayground.resources(): GPU buffers, backends, pipelines, devices, CPU
 * workers) comes back to where it was, and the last value asked for is the one trained.
 */
import type { Page } from '@playwright/test';
import { expect, nextRun, openPlayground, startsRun, test } from './test';

interface Resources {
  buffers: number;
  backends: number;
  pipelines: number;
  devices: number;
  workers: number;
}

function resources(page: Page): Promise<Resources> {
  return page.evaluate(() => (customElements.get('training-playground') as unknown as { resources(): Promise<Resources> }).resources());
}

/** Ten playgrounds (line and cancer, 4 epochs) at the top of the page, ids `${prefix}0`…`${prefix}9`, short so all are on screen. */
async function addPlaygrounds(page: Page, prefix: string): Promise<void> {
  await page.evaluate((prefix) => {
    for (let i = 0; i < 10; i++) {
      const el = document.createElement('training-playground');
      el.id = `${prefix}${i}`;
      el.setAttribute('scenario', i % 2 ? 'cancer' : 'line');
      el.setAttribute('epochs', '4');
      el.setAttribute('seed', String(i));
      Object.assign(el.style, { display: 'block', height: '60px', overflow: 'hidden' });
      document.body.prepend(el);
    }
  }, prefix);
}

/** Waits until every playground on the page is idle (no run, no what-ifs). */
async function allIdle(page: Page): Promise<void> {
  await page.waitForFunction(() => [...document.querySelectorAll('training-playground')].every((el) => !(el as unknown as { running: boolean }).running && !(el as unknown as { testing: boolean }).testing), null, { timeout: 110_000 });
}

test('200 slider changes in 10 s, twice: no error, the last value trained, GPU buffers steady, and none left once the element goes', async ({ page }) => {
  const playground = await openPlayground(page, { scenario: 'line', seed: '1', 'max-lr': '0.1' });
  await nextRun(page, 0);
  const values = ['0.2', '0.05', '0.3', '0.1'];
  const burst = async () => {
    for (let i = 0; i < 200; i++) {
      await playground.evaluate((el, value) => el.setAttribute('max-lr', value), values[i % values.length]!);
      await page.waitForTimeout(25);
    }
    await allIdle(page);
    const final = await playground.evaluate((el) => (el as unknown as { result: { config: { maxLr: number }; diagnosis: { final: boolean } } }).result);
    expect(final.config.maxLr).toBe(0.1);
    expect(final.diagnosis.final).toBe(true);
    return resources(page);
  };
  // The first burst fills the backend's caches (buffers of each what-if batch's sizes, their
  // uniforms); the second finds them filled and makes nothing new.
  const before = await resources(page);
  const first = await burst();
  const second = await burst();
  console.log(`resources after one run ${JSON.stringify(before)}, after 200 changes ${JSON.stringify(first)}, after 200 more ${JSON.stringify(second)}`);
  expect(second).toEqual(first);
  expect(second).toMatchObject({ backends: 1, devices: 1 });
  await playground.evaluate((el) => el.remove());
  await expect.poll(() => resources(page), { timeout: 30_000 }).toMatchObject({ buffers: 0, backends: 0, devices: 1 });
});

test('50 connect and disconnect cycles, then ten elements at once, twice: one device, no pipeline compiled twice, nothing left behind', async ({ page }) => {
  await openPlayground(page, { scenario: 'line', seed: '1', epochs: '20' });
  await nextRun(page, 0);
  await page.evaluate(() => document.querySelector('#tp')!.remove());
  const empty = await resources(page);
  expect(empty).toMatchObject({ buffers: 0, backends: 0, devices: 1 });
  const cycles = () =>
    page.evaluate(async () => {
      for (let i = 0; i < 25; i++) {
        const el = document.createElement('training-playground');
        el.setAttribute('scenario', i % 3 === 2 ? 'digits' : 'line');
        el.setAttribute('epochs', '5');
        el.setAttribute('backend', i % 5 === 4 ? 'cpu' : 'auto');
        document.body.append(el);
        // Some leave before their first run starts, some in the middle of it.
        await new Promise((done) => setTimeout(done, (i % 4) * 15));
        el.remove();
      }
    });
  // Each burst of 25 leaves nothing behind. (Pipelines may grow here: whether a digits element
  // compiled its kernels before it left depends on timing. The ten elements below check them.)
  // An element that left mid-run frees its GPU work once the step in flight ends (compiling the
  // MLP's kernels on SwiftShader takes a second or two): polled, not waited for a fixed time.
  for (let burst = 0; burst < 2; burst++) {
    await cycles();
    await expect.poll(() => resources(page), { timeout: 30_000 }).toMatchObject({ buffers: 0, backends: 0, devices: 1, workers: 0 });
  }

  await addPlaygrounds(page, 'many');
  for (let i = 0; i < 10; i++) await nextRun(page, 0, `many${i}`);
  await allIdle(page);
  const busy = await resources(page);
  console.log(`resources with ten playgrounds ${JSON.stringify(busy)}`);
  expect(busy.backends).toBe(10);
  expect(busy.devices).toBe(1);
  await page.evaluate(() => document.querySelectorAll('training-playground').forEach((el) => el.remove()));
  await expect.poll(() => resources(page), { timeout: 30_000 }).toMatchObject({ buffers: 0, backends: 0, devices: 1, workers: 0 });
  const after = await resources(page);
  // Ten more elements compile nothing new: the pipelines are the device's, shared.
  await addPlaygrounds(page, 'again');
  for (let i = 0; i < 10; i++) await nextRun(page, 0, `again${i}`);
  await allIdle(page);
  expect((await resources(page)).pipelines).toBe(after.pipelines);
});

test('a 1,000-epoch line run keeps the GPU buffers flat from its first epochs to its end, and the next run adds none', async ({ page }) => {
  // The first run warms what a run caches once (pooled buffers, the uniforms of its last
  // readback and of the training-set evaluation after it); the second, the same settings,
  // must then hold no more buffers at its end than at its 50th epoch, nor than the first left.
  const playground = await openPlayground(page, { scenario: 'line', seed: '1', epochs: '1000', speed: 'instant', 'what-if': 'off' });
  await nextRun(page, 0);
  const first = await resources(page);
  // Waits for the second run's train-start: its history starts empty.
  const before = await startsRun(page, () => playground.evaluate((el) => void (el as unknown as { train(): Promise<unknown> }).train()));
  await page.waitForFunction(() => (document.querySelector('#tp') as unknown as { history: unknown[] }).history.length >= 50);
  const early = await resources(page);
  const run = await nextRun(page, before);
  expect(run.epochs).toBe(1000);
  expect(run.finite).toBe(true);
  const late = await resources(page);
  console.log(`resources after a first run ${JSON.stringify(first)}, at epoch 50 of the next ${JSON.stringify(early)}, at its end ${JSON.stringify(late)}`);
  expect(late.buffers).toBeLessThanOrEqual(early.buffers);
  expect(late.buffers).toBeLessThanOrEqual(first.buffers);
  expect(await playground.locator('tp-line-panel').getAttribute('data-epoch')).toBe('1000');
});
