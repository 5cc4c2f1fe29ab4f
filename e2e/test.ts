/**
 * The suite's test function and helpers: any console error or page error fails the test
 * that caused it, and runs are awaited through the element's events, never fixed sleeps.
 */
import { test as base, expect, type Locator, type Page } from '@playwright/test';

export { expect };

export const test = base.extend<{ pageErrors: string[] }>({
  pageErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
      page.on('pageerror', (error) => errors.push(error.message));
      await use(errors);
      expect(errors, 'console and page errors').toEqual([]);
    },
    { auto: true },
  ],
});

export interface RunSummary {
  code: string | null;
  message: string | null;
  final: boolean;
  stopReason: string | null;
  epochs: number;
  params: number[] | null;
  errorRate: number | null;
  classErrorRates: number[] | null;
  finite: boolean;
  backend: string;
  configEpochs: number;
  maxLr: number;
  /** The last epoch's validation loss. */
  validLoss: number;
}

/** Opens the test page with these attributes on its one playground. */
export async function openPlayground(page: Page, attributes: Record<string, string> = {}): Promise<Locator> {
  await page.goto(`/fixtures/element.html?${new URLSearchParams(attributes)}`);
  await page.waitForFunction(() => customElements.get('training-playground') !== undefined);
  return page.locator('#tp');
}

/** How many events of this type the playground `id` has fired. */
export async function eventCount(page: Page, type: string, id = 'tp'): Promise<number> {
  return page.evaluate(([t, target]) => (window as unknown as { __events: { type: string; id: string }[] }).__events.filter((e) => e.type === t && e.id === target).length, [type, id]);
}

export async function trainEnds(page: Page, id = 'tp'): Promise<number> {
  return eventCount(page, 'train-end', id);
}

/**
 * Does `action` (which starts a run, cancelling the one in progress) and returns how many
 * `counted` events (train-end, or diagnosis) had fired when the new run started: a cancelled
 * run fires none after that, and the new run may end before this returns (a line run takes
 * one dispatch).
 */
export async function startsRun(page: Page, action: () => Promise<void>, id = 'tp', counted: 'train-end' | 'diagnosis' = 'train-end'): Promise<number> {
  const starts = await eventCount(page, 'train-start', id);
  await action();
  await expect.poll(() => eventCount(page, 'train-start', id)).toBeGreaterThan(starts);
  return page.evaluate(([target, count, type]) => {
    const events = (window as unknown as { __events: { type: string; id: string }[] }).__events.filter((e) => e.id === target);
    const start = events.filter((e) => e.type === 'train-start')[count as number];
    return events.slice(0, events.indexOf(start!)).filter((e) => e.type === type).length;
  }, [id, starts, counted] as const);
}

/**
 * Waits for an `on` event (train-end; or diagnosis, which a run paused off screen does not
 * fire) after the first `after` ones, with the element idle (its what-ifs done too), and
 * summarises the run.
 */
export async function nextRun(page: Page, after: number, id = 'tp', on: 'train-end' | 'diagnosis' = 'train-end', timeout = 110_000): Promise<RunSummary> {
  await page.waitForFunction(
    ([target, count, type]) => {
      const events = (window as unknown as { __events: { type: string; id: string }[] }).__events;
      const el = document.getElementById(target as string) as HTMLElement & { running: boolean; testing: boolean };
      return events.filter((e) => e.type === type && e.id === target).length > (count as number) && !el.running && !el.testing;
    },
    [id, after, on] as const,
    { timeout },
  );
  return summary(page, id);
}

export async function summary(page: Page, id = 'tp'): Promise<RunSummary> {
  return page.evaluate((target) => {
    const el = document.getElementById(target) as unknown as {
      result: { stopReason: string; params?: number[]; config: { epochs: number; maxLr: number } } | null;
      diagnosis: { code: string; message: string; final: boolean } | null;
      history: { trainLoss: number; validLoss: number; errorRate: number | null; classErrorRates?: number[] }[];
      activeBackend: string;
    };
    const last = el.history.at(-1);
    return {
      code: el.diagnosis?.code ?? null,
      message: el.diagnosis?.message ?? null,
      final: el.diagnosis?.final ?? false,
      stopReason: el.result?.stopReason ?? null,
      epochs: el.history.length,
      params: el.result?.params ?? null,
      errorRate: last?.errorRate ?? null,
      classErrorRates: last?.classErrorRates ?? null,
      finite: el.history.every((h) => Number.isFinite(h.trainLoss) && Number.isFinite(h.validLoss)),
      backend: el.activeBackend,
      configEpochs: el.result?.config.epochs ?? 0,
      maxLr: el.result?.config.maxLr ?? 0,
      validLoss: last?.validLoss ?? NaN,
    };
  }, id);
}

/** A range input inside the playground, by its visible label. */
export function slider(playground: Locator, label: string | RegExp): Locator {
  return playground.getByRole('slider', { name: label });
}

/** Presses a key `times` times on a focused control. */
export async function press(locator: Locator, key: string, times = 1): Promise<void> {
  await locator.focus();
  for (let i = 0; i < times; i++) await locator.press(key);
}

/** Calls stop() on a playground that is training: how long until its train-end, and how many epochs it had then. */
export async function stopAndTime(playground: Locator): Promise<{ latency: number; epochsAtStop: number }> {
  return playground.evaluate(
    (el) =>
      new Promise<{ latency: number; epochsAtStop: number }>((done) => {
        const start = performance.now();
        const epochsAtStop = (el as unknown as { history: unknown[] }).history.length;
        el.addEventListener('train-end', () => done({ latency: performance.now() - start, epochsAtStop }), { once: true });
        (el as unknown as { stop(): void }).stop();
      }),
  );
}
