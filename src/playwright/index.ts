/**
 * `training-playground/testing`: helpers for course teams whose Playwright tests drive pages
 * that embed the element. A run is awaited through the element's own state (never a fixed
 * sleep), and a snapshot is taken of a settled picture: the run and its what-ifs done, the
 * line's replay at its end, no cursor on the chart. A seed makes the pixels repeat.
 *
 * @example
 * import { expect, test } from '@playwright/test';
 * import { freezeForSnapshot, waitForDiagnosis } from 'training-playground/testing';
 * test('the lesson trains and says so', async ({ page }) => {
 *   await page.goto('/lesson.html');
 *   const playground = page.locator('training-playground');
 *   const diagnosis = await waitForDiagnosis(playground);         // { code: 'ok', final: true, … }
 *   await freezeForSnapshot(playground);
 *   await expect(playground).toHaveScreenshot('lesson.png');
 * });
 */
import type { Locator } from '@playwright/test';
// By the package's name, as a test author's code would: its declarations then stand alone.
import type { Diagnosis, RunResult } from 'training-playground';

export interface WaitOptions {
  /** How long to wait, in ms (default 120 000: SwiftShader is slow). */
  timeout?: number;
}

/** What a settled playground reports: its last run's result and the diagnosis on screen. */
export interface Settled {
  result: RunResult;
  diagnosis: Diagnosis;
}

/**
 * Waits until the playground has a result and is idle: its run ended and its what-ifs (if
 * any) have spoken, so the diagnosis is the final one; then returns both.
 */
export async function waitForRun(playground: Locator, options: WaitOptions = {}): Promise<Settled> {
  const handle = await playground.elementHandle({ timeout: options.timeout ?? 120_000 });
  await playground.page().waitForFunction(
    (el) => {
      const p = el as unknown as { result: RunResult | null; running: boolean; testing: boolean };
      return p.result !== null && !p.running && !p.testing;
    },
    handle,
    { timeout: options.timeout ?? 120_000 },
  );
  return playground.evaluate((el) => {
    const p = el as unknown as { result: RunResult; diagnosis: Diagnosis };
    return { result: p.result, diagnosis: p.diagnosis };
  });
}

/** The final diagnosis, once the what-if runs have spoken. */
export async function waitForDiagnosis(playground: Locator, options: WaitOptions = {}): Promise<Diagnosis> {
  return (await waitForRun(playground, options)).diagnosis;
}

/**
 * Settles the picture for a snapshot: waits for the run (waitForRun), shows line's replay at
 * its end (speed="instant"), moves the mouse off the chart and lets two frames draw.
 */
export async function freezeForSnapshot(playground: Locator, options: WaitOptions = {}): Promise<void> {
  const page = playground.page();
  await waitForRun(playground, options);
  await playground.evaluate((el) => el.setAttribute('speed', 'instant'));
  await page.mouse.move(0, 0);
  await playground.locator('tp-line-panel[data-animating="true"]').waitFor({ state: 'detached', timeout: options.timeout ?? 120_000 });
  await page.waitForFunction(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(true)))));
}
