/**
 * The CPU backend trains in a Web Worker, so the page's thread only draws: the chart moves,
 * Stop can be pressed and other elements run. Checked without a clock where possible: a
 * task the page queues at each epoch-end must run before the run ends; the browser's own
 * long-task reports must stay empty while a model whose every step is a long computation
 * trains; a stopped run must end inside the epoch it was in.
 */
import type { Page } from '@playwright/test';
import { expect, nextRun, openPlayground, stopAndTime, test } from './test';

test('with the CPU backend the page gets its turn after every epoch of a digits run', async ({ page }) => {
  await page.addInitScript(() => {
    const w = window as unknown as { __turns: { epoch: number; beforeEnd: boolean }[] };
    w.__turns = [];
    let ended = false;
    document.addEventListener('train-start', () => (ended = false));
    document.addEventListener('train-end', () => (ended = true));
    document.addEventListener('epoch-end', (event) => {
      const epoch = (event as CustomEvent<{ epoch: number }>).detail.epoch;
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        w.__turns.push({ epoch, beforeEnd: !ended });
      };
      channel.port2.postMessage(null);
    });
  });
  await openPlayground(page, { scenario: 'digits', epochs: '10', backend: 'cpu', seed: '1' });
  const run = await nextRun(page, 0);
  expect(run.backend).toBe('cpu');
  expect(run.final).toBe(true);
  const turns = await page.evaluate(() => (window as unknown as { __turns: { epoch: number; beforeEnd: boolean }[] }).__turns);
  // Every epoch but the last: the last one's turn may come after train-end, in the same task.
  expect(turns.filter((t) => t.epoch < 10).map((t) => t.beforeEnd)).toEqual(Array(9).fill(true));
});

test('with the CPU backend the page gets turns inside an epoch, not only between them', async ({ page }) => {
  await page.addInitScript(() => {
    // A task that queues itself again: it runs once each time the page gets a turn.
    const w = window as unknown as { __turns: number; __atEpoch: number[] };
    w.__turns = 0;
    w.__atEpoch = [];
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      w.__turns++;
      channel.port2.postMessage(null);
    };
    channel.port2.postMessage(null);
    document.addEventListener('epoch-end', () => w.__atEpoch.push(w.__turns));
  });
  // digits 64-256-256-10: 22 steps an epoch of ~5 ms each in the worker (WebAssembly SIMD), so
  // an epoch lasts long enough for the page's turns to be counted; a page thread blocked for
  // the epoch would get one.
  await openPlayground(page, { scenario: 'digits', hidden: '256,256', epochs: '6', backend: 'cpu', seed: '1', 'what-if': 'off' });
  await nextRun(page, 0);
  const atEpoch = await page.evaluate(() => (window as unknown as { __atEpoch: number[] }).__atEpoch);
  const perEpoch = atEpoch.slice(1).map((turns, i) => turns - atEpoch[i]!);
  expect(perEpoch).toHaveLength(5);
  for (const turns of perEpoch) expect(turns).toBeGreaterThanOrEqual(3);
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

test('the CPU engine trains in a Web Worker: no task on the page reaches 50 ms while a large model and its what-ifs train', async ({ page }) => {
  await watchLongTasks(page);
  // 64-512-512-10, batch 512: one step is hundreds of milliseconds of arithmetic, which no
  // turn-taking on the page's thread can split; only another thread keeps the page free.
  await openPlayground(page, { scenario: 'digits', hidden: '512,512', 'batch-size': '512', epochs: '2', backend: 'cpu', seed: '1' });
  const run = await nextRun(page, 0);
  expect(run.backend).toBe('cpu');
  expect(run.final).toBe(true);
  expect(await page.evaluate(() => (window as unknown as { __events: { type: string }[] }).__events.filter((e) => e.type === 'epoch-end').length)).toBe(2);
  expect(await page.evaluate(() => (window as unknown as { __long: number[] }).__long)).toEqual([]);
});

test('Stop ends a CPU run mid-epoch, not at the epoch\'s end', async ({ page }) => {
  // 64-512-512-10, batch 512: an epoch is two steps of ~1 G multiply-adds, a second or more here.
  const playground = await openPlayground(page, { scenario: 'digits', hidden: '512,512', 'batch-size': '512', epochs: '50', backend: 'cpu', seed: '1', 'what-if': 'off' });
  await page.waitForFunction(() => (window as unknown as { __events: { type: string }[] }).__events.some((e) => e.type === 'epoch-end'));
  const { latency, epochsAtStop } = await stopAndTime(playground);
  const run = await nextRun(page, 0);
  expect(run.stopReason).toBe('stopped');
  // The epoch in progress when Stop was pressed never completed: the run ended inside it.
  expect(run.epochs).toBe(epochsAtStop);
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
