/**
 * The CPU backend trains in a Web Worker, so the page's thread only draws: the chart moves,
 * Stop can be pressed and other elements run. Asserted by what the code guarantees, never by
 * when the browser schedules a task (a turn queued at an epoch-end raced the worker's next
 * messages and failed runs that way): a worker exists and does the training, epochs arrive in
 * order and once each before train-end, no epoch is reported after Stop, and while a model whose
 * every step is a long computation trains, the page's engine is a worker's (one worker live
 * mid-run). The browser's long-task reports are printed, never
 * asserted: a 60 ms task from a garbage collection or a busy CI machine failed this test once
 * (2026-12-04) though no training ran on the page. How long the page waits for its turns and
 * for Stop is measured by the bench, not here.
 */
import type { Page } from '@playwright/test';
import { expect, nextRun, openPlayground, stopAndTime, test } from './test';

interface LoggedEvent {
  type: string;
  epoch: number | null;
}

function loggedEvents(page: Page): Promise<LoggedEvent[]> {
  return page.evaluate(() => (window as unknown as { __events: LoggedEvent[] }).__events.map(({ type, epoch }) => ({ type, epoch })));
}

test('a CPU digits run trains in a Web Worker: every epoch reported once and in order, then train-end, then the diagnosis', async ({ page }) => {
  const playground = await openPlayground(page, { scenario: 'digits', epochs: '10', backend: 'cpu', seed: '1' });
  const run = await nextRun(page, 0, 'tp', 'diagnosis');
  expect(run.backend).toBe('cpu');
  expect(run.final).toBe(true);
  const resources = await page.evaluate(() => (customElements.get('training-playground') as unknown as { resources(): Promise<{ workers: number }> }).resources());
  expect(resources.workers).toBe(1);
  const sequence = (await loggedEvents(page)).filter((e) => e.type !== 'playground-error').map((e) => (e.type === 'epoch-end' ? `epoch ${e.epoch}` : e.type));
  expect(sequence).toEqual(['train-start', ...Array.from({ length: 10 }, (_, i) => `epoch ${i + 1}`), 'train-end', 'diagnosis']);
  await expect(playground.locator('.notice')).toHaveCount(0);
});

/** Long tasks on the page from the first epoch-end on, as the browser reports them (over 50 ms each). */
async function watchLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __long: number[]; __training: boolean };
    w.__long = [];
    w.__training = false;
    document.addEventListener('epoch-end', () => (w.__training = true));
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (w.__training) w.__long.push(Math.round(entry.duration));
    }).observe({ type: 'longtask' });
  });
}

test('the CPU engine trains a large model and its what-ifs in a Web Worker, none of it on the page', async ({ page }) => {
  await watchLongTasks(page);
  // 64-512-512-10, batch 512: one step is hundreds of milliseconds of arithmetic, which no
  // turn-taking on the page's thread can split; only another thread keeps the page free.
  await openPlayground(page, { scenario: 'digits', hidden: '512,512', 'batch-size': '512', epochs: '2', backend: 'cpu', seed: '1' });
  await page.waitForFunction(() => (window as unknown as { __events: { type: string }[] }).__events.some((e) => e.type === 'epoch-end'));
  // Mid-run: the page's engine is the worker's client (one worker live), and no GPU backend was made.
  const during = await page.evaluate(() => (customElements.get('training-playground') as unknown as { resources(): Promise<{ workers: number; backends: number }> }).resources());
  expect({ workers: during.workers, backends: during.backends }).toEqual({ workers: 1, backends: 0 });
  const run = await nextRun(page, 0);
  expect(run.backend).toBe('cpu');
  expect(run.final).toBe(true);
  expect(await page.evaluate(() => (window as unknown as { __events: { type: string }[] }).__events.filter((e) => e.type === 'epoch-end').length)).toBe(2);
  console.log(`long tasks on the page while the worker trained (ms, not asserted): ${JSON.stringify(await page.evaluate(() => (window as unknown as { __long: number[] }).__long))}`);
});

test('Stop ends a CPU run mid-epoch: no epoch is reported after stop(), and the next run trains on a fresh worker', async ({ page }) => {
  // 64-512-512-10, batch 512: an epoch is two steps of ~1 G multiply-adds, a second or more here.
  const playground = await openPlayground(page, { scenario: 'digits', hidden: '512,512', 'batch-size': '512', epochs: '50', backend: 'cpu', seed: '1', 'what-if': 'off' });
  await page.waitForFunction(() => (window as unknown as { __events: { type: string }[] }).__events.some((e) => e.type === 'epoch-end'));
  const reportedBefore = (await loggedEvents(page)).filter((e) => e.type === 'epoch-end').length;
  const { latency, epochsAtStop } = await stopAndTime(playground);
  const run = await nextRun(page, 0);
  expect(run.stopReason).toBe('stopped');
  // What the element guarantees: once stop() returns, no epoch of that run is reported, and the
  // run's train-end is the last event. (An epoch the worker finished while the stop was on its
  // way may still be in the result's history, never on screen as an event.)
  const events = await loggedEvents(page);
  const epochEnds = events.filter((e) => e.type === 'epoch-end').length;
  expect(epochEnds).toBeGreaterThanOrEqual(reportedBefore);
  expect(epochEnds).toBe(epochsAtStop);
  expect(events.at(-1)!.type).toBe('train-end');
  expect(run.epochs).toBeLessThan(50);
  console.log(`stop() to train-end: ${latency.toFixed(0)} ms, after ${epochsAtStop} epochs`);
  // The worker that was still in its step was replaced: the next run trains on the new one.
  await playground.evaluate((el) => el.setAttribute('hidden', '32'));
  const next = await playground.evaluate(async (el) => {
    el.setAttribute('epochs', '2');
    const result = await (el as unknown as { train(): Promise<{ stopReason: string; history: unknown[] }> }).train();
    return { stopReason: result.stopReason, epochs: result.history.length };
  });
  expect(next).toEqual({ stopReason: 'done', epochs: 2 });
});
