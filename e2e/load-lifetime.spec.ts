/**
 * Load and lifetime: many changes, many elements, long runs. Counted, not timed: what the page
 * holds (TrainingPlayground.resources(): GPU buffers, bind groups, backends, pipelines,
 * devices, CPU workers; and the page's live timers and long-lived listeners, page-counts.ts)
 * comes back to where it was, the JS heap stays flat, and the last value asked for is the one
 * trained.
 */
import type { Page } from '@playwright/test';
import { countTimersAndListeners, pageCounts, type PageCounts } from './page-counts';
import { expect, nextRun, openPlayground, startsRun, test } from './test';

/**
 * What one more 1,000-epoch line run may add to the heap while the element's kept runs
 * (kept-runs.ts) fill up: its settings and epochs, ~150 KB, and ~50 KB of V8's tier-up
 * (measured 165–241 KB a run, 2026-12-06). A run kept whole, batch losses and result, adds ~300 KB.
 */
const KEPT_RUN_BYTES = 256 * 1024;

interface Resources extends PageCounts {
  buffers: number;
  bindGroups: number;
  backends: number;
  pipelines: number;
  devices: number;
  workers: number;
}

async function resources(page: Page): Promise<Resources> {
  const engine = await page.evaluate(() => (customElements.get('training-playground') as unknown as { resources(): Promise<Omit<Resources, keyof PageCounts>> }).resources());
  return { ...engine, ...(await pageCounts(page)) };
}

/** The JS heap in use after a full garbage collection, in bytes (Chrome DevTools Protocol). */
async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize;
}

test.beforeEach(({ page }) => page.addInitScript(countTimersAndListeners));

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
  // The first burst fills the backend's caches (pooled buffers of the what-if batches' sizes,
  // their uniforms); the second finds them nearly filled. Which batch sizes a burst reaches
  // depends on where each change cuts the what-ifs off (a run of this file once found two
  // more buffers after the second burst, 48 → 50), so the second may add a few; a buffer
  // leaked per change would add 200. Exact counts come back below, once the element goes.
  const before = await resources(page);
  const first = await burst();
  const second = await burst();
  console.log(`resources after one run ${JSON.stringify(before)}, after 200 changes ${JSON.stringify(first)}, after 200 more ${JSON.stringify(second)}`);
  expect(second.buffers - first.buffers).toBeLessThan(20);
  expect({ pipelines: second.pipelines, workers: second.workers, timers: second.timers, listeners: second.listeners }).toEqual({ pipelines: first.pipelines, workers: first.workers, timers: first.timers, listeners: first.listeners });
  expect(second).toMatchObject({ backends: 1, devices: 1 });
  await playground.evaluate((el) => el.remove());
  await expect.poll(() => resources(page), { timeout: 30_000 }).toMatchObject({ buffers: 0, bindGroups: 0, backends: 0, devices: 1 });
});

test('50 connect and disconnect cycles, then ten elements at once, twice: one device, no pipeline compiled twice, nothing left behind', async ({ page }) => {
  await openPlayground(page, { scenario: 'line', seed: '1', epochs: '20' });
  await nextRun(page, 0);
  await page.evaluate(() => document.querySelector('#tp')!.remove());
  await expect.poll(() => resources(page), { timeout: 30_000 }).toMatchObject({ buffers: 0, bindGroups: 0, backends: 0, devices: 1 });
  // The page with no element: its timers and long-lived listeners are where every burst below must come back to.
  const empty = await resources(page);
  const settled = { buffers: 0, bindGroups: 0, backends: 0, devices: 1, workers: 0, timers: empty.timers, listeners: empty.listeners };
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
    await expect.poll(() => resources(page), { timeout: 30_000 }).toMatchObject(settled);
  }

  await addPlaygrounds(page, 'many');
  for (let i = 0; i < 10; i++) await nextRun(page, 0, `many${i}`);
  await allIdle(page);
  const busy = await resources(page);
  console.log(`resources with ten playgrounds ${JSON.stringify(busy)}`);
  expect(busy.backends).toBe(10);
  expect(busy.devices).toBe(1);
  await page.evaluate(() => document.querySelectorAll('training-playground').forEach((el) => el.remove()));
  await expect.poll(() => resources(page), { timeout: 30_000 }).toMatchObject(settled);
  const after = await resources(page);
  console.log(`resources with no element ${JSON.stringify(empty)}, after 50 cycles and ten elements removed ${JSON.stringify(after)}`);
  // Ten more elements compile nothing new: the pipelines are the device's, shared.
  await addPlaygrounds(page, 'again');
  for (let i = 0; i < 10; i++) await nextRun(page, 0, `again${i}`);
  await allIdle(page);
  expect((await resources(page)).pipelines).toBe(after.pipelines);
});

test('a 1,000-epoch line run keeps the GPU buffers flat from its first epochs to its end, the next run adds none, and the JS heap holds the kept runs\' epochs, not each run', async ({ page }) => {
  // The first run warms what a run caches once (pooled buffers, the uniforms of its last
  // readback and of the training-set evaluation after it); the second, the same settings,
  // must then hold no more buffers at its end than at its 50th epoch, nor than the first left.
  const playground = await openPlayground(page, { scenario: 'line', seed: '1', epochs: '1000', speed: 'instant', 'what-if': 'off' });
  const train = () => playground.evaluate((el) => void (el as unknown as { train(): Promise<unknown> }).train());
  await nextRun(page, 0);
  const first = await resources(page);
  // Waits for the second run's train-start: its history starts empty.
  const before = await startsRun(page, train);
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

  // The heap, from the end of the second run (the first lazily builds what every run then
  // reuses: 0.8 MB here) to the end of a twelfth: each run replaces the last one's history and
  // curves, and the element keeps its last KEPT_RUNS (8) runs' settings and epochs for
  // compare() (ui/kept-runs.ts), without their batch losses, so the heap grows until the eighth
  // run (~150 KB a run) and not after it (measured 4.77 MB after run 2, 5.97 after run 8, 6.12
  // after run 12). Keeping each run's whole history and result would add ~250 KB a run
  // (measured by holding them, 2026-12-06), ~1 MB over four. What does grow, ~50 KB a run, is
  // V8's compiled code as it tiers up (a heap snapshot diff: InstructionStream, FeedbackVector,
  // Code), not objects. The page's own event log (fixtures/event-log.js, 1,000 entries a run) is
  // emptied before each reading, so only the element and engine weigh.
  const clearLog = () => page.evaluate(() => void ((window as unknown as { __events: unknown[] }).__events.length = 0));
  await clearLog();
  const heap = [await heapAfterGc(page)];
  for (let i = 0; i < 10; i++) {
    await nextRun(page, await startsRun(page, train));
    await clearLog();
    heap.push(await heapAfterGc(page));
  }
  console.log(`JS heap after GC at the end of runs 2 to 12 (bytes): ${heap.join(', ')}`);
  expect(await playground.evaluate((el) => (el as unknown as { runs: unknown[] }).runs.length)).toBe(8);
  // Runs 3 to 8 are kept beside the second: bounded by what six kept 1,000-epoch histories weigh.
  expect(heap[6]! - heap[0]!).toBeLessThan(6 * KEPT_RUN_BYTES);
  // Runs 9 to 12 each push out the oldest kept run.
  expect(heap.at(-1)! - heap[6]!).toBeLessThan(512 * 1024);
});

test('50-epoch photo runs on the GPU keep the JS heap flat: the second adds what one kept run weighs, not each epoch or model', async ({ page }) => {
  test.setTimeout(900_000);
  // Small photo runs (64 photos, one batch an epoch, the tiny network; every epoch still
  // validates on all 1,000 test photos), so 50 epochs take about a minute on SwiftShader. A
  // 2-epoch run first builds what every run then reuses (the photos, the pretrained body,
  // pipelines); the heap is read at the end of one 50-epoch run and of the next.
  const settings = { scenario: 'fashion', model: 'cnn-tiny', 'train-size': '64', 'batch-size': '64', 'max-lr': '0.01', augment: 'off', 'what-if': 'off', seed: '1' };
  const playground = await openPlayground(page, { ...settings, epochs: '2' });
  await nextRun(page, 0);
  await playground.evaluate((el) => el.setAttribute('epochs', '50'));
  const train = () => playground.evaluate((el) => void (el as unknown as { train(): Promise<unknown> }).train());
  const clearLog = () => page.evaluate(() => void ((window as unknown as { __events: unknown[] }).__events.length = 0));
  const first = await nextRun(page, 1, 'tp', 'train-end', 400_000);
  expect(first.epochs).toBe(50);
  await clearLog();
  const before = await heapAfterGc(page);
  const second = await nextRun(page, await startsRun(page, train), 'tp', 'train-end', 400_000);
  expect(second.epochs).toBe(50);
  await clearLog();
  const after = await heapAfterGc(page);
  console.log(`JS heap after GC at the end of two 50-epoch photo runs (bytes): ${before}, ${after}`);
  // One more kept run (its settings and 50 epochs' losses, a few KB) and V8's tier-up: far
  // under 1 MB. A run's model (13 KB of weights), its photos (3 MB) or its 1,000 validation
  // logits kept each run would show.
  expect(after - before).toBeLessThan(1024 * 1024);
});
