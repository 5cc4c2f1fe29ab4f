/**
 * The CPU backend computes on the page's own thread: between chunks it must hand the page
 * back, so the chart moves, Stop can be pressed and other elements run. Checked without a
 * clock: a task the page queues at each epoch-end must run before the run ends, which fails
 * when a run (and its what-ifs) is one long task.
 */
import { expect, nextRun, openPlayground, test } from './test';

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
  // digits: 22 steps an epoch, a turn every 8 of them, then one at the readback.
  await openPlayground(page, { scenario: 'digits', epochs: '6', backend: 'cpu', seed: '1', 'what-if': 'off' });
  await nextRun(page, 0);
  const atEpoch = await page.evaluate(() => (window as unknown as { __atEpoch: number[] }).__atEpoch);
  const perEpoch = atEpoch.slice(1).map((turns, i) => turns - atEpoch[i]!);
  expect(perEpoch).toHaveLength(5);
  for (const turns of perEpoch) expect(turns).toBeGreaterThanOrEqual(3);
});
