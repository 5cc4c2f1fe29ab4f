/**
 * line in motion: the replay of a run at a learner's pace, reduced motion, replay, scrubbing
 * from the chart, a run replaced mid-animation, and the choice of picture by keyboard.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, nextRun, openPlayground, slider, startsRun, test } from './test';

/** The fitted line's ends, every animation frame, until the replay has caught up with a finished run. */
async function lineFrames(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((done) => {
        const root = document.getElementById('tp')!.shadowRoot!;
        const frames: string[] = [];
        const look = () => {
          const fit = root.querySelector('tp-line-panel .fit');
          if (fit) frames.push(['y1', 'y2'].map((a) => fit.getAttribute(a)).join());
          const panel = root.querySelector('tp-line-panel');
          const el = document.getElementById('tp') as HTMLElement & { running: boolean; history: unknown[] };
          if (!el.running && el.history.length > 0 && panel?.getAttribute('data-animating') === 'false') done(frames);
          else requestAnimationFrame(look);
        };
        look();
      }),
  );
}

const panel = (playground: Locator) => playground.locator('tp-line-panel');

test('a default line run replays at a learner\'s pace: the line is drawn at 20 or more positions', async ({ page }) => {
  await openPlayground(page, { scenario: 'line', seed: '1', 'what-if': 'off' });
  const frames = await lineFrames(page);
  console.log(`the line was drawn at ${new Set(frames).size} positions over ${frames.length} frames`);
  expect(new Set(frames).size).toBeGreaterThanOrEqual(20);
  const run = await nextRun(page, 0);
  expect(run.epochs).toBe(100);
});

test('prefers-reduced-motion shows the end at once, as speed="instant" does', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const playground = await openPlayground(page, { scenario: 'line', seed: '1', 'what-if': 'off' });
  await nextRun(page, 0);
  // The first frame after the run: no replay in between, and no replay button.
  await expect(panel(playground)).toHaveAttribute('data-epoch', '100', { timeout: 1000 });
  await expect(panel(playground)).toHaveAttribute('data-animating', 'false');
  await expect(playground.getByRole('button', { name: 'Replay' })).toHaveCount(0);

  await page.emulateMedia({ reducedMotion: 'no-preference' });
  const instant = await openPlayground(page, { scenario: 'line', seed: '1', speed: 'instant', 'what-if': 'off' });
  await nextRun(page, 0);
  await expect(panel(instant)).toHaveAttribute('data-epoch', '100', { timeout: 1000 });
});

test('replay plays the run again from its start; hovering the chart shows that epoch, leaving shows the end', async ({ page }) => {
  const playground = await openPlayground(page, { scenario: 'line', seed: '1', speed: '4', 'what-if': 'off' });
  await nextRun(page, 0);
  await expect(panel(playground)).toHaveAttribute('data-animating', 'false');
  await playground.getByRole('button', { name: 'Replay' }).click();
  const early = Number(await panel(playground).getAttribute('data-epoch'));
  expect(early).toBeLessThan(100);
  await expect(panel(playground)).toHaveAttribute('data-epoch', '100');

  // The plot area spans epochs 0 to 100: a quarter of the way along is epoch 25.
  const over = playground.locator('.chart-host .u-over');
  const box = (await over.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.25, box.y + box.height / 2);
  await expect(panel(playground)).toHaveAttribute('data-epoch', '25');
  const scrubbed = await playground.locator('tp-line-panel .fit').getAttribute('y2');
  // The strip under the chart shares the cursor: hovering it scrubs too.
  const strip = (await playground.locator('.schedule-host .u-over').boundingBox())!;
  await page.mouse.move(strip.x + strip.width * 0.5, strip.y + strip.height / 2);
  await expect(panel(playground)).toHaveAttribute('data-epoch', '50');
  await page.mouse.move(0, 0);
  await expect(panel(playground)).toHaveAttribute('data-epoch', '100');
  expect(await playground.locator('tp-line-panel .fit').getAttribute('y2')).not.toBe(scrubbed);
});

test('a slider change mid-animation starts the new run\'s replay from its start', async ({ page }) => {
  const playground = await openPlayground(page, { scenario: 'line', seed: '1', epochs: '100', controls: 'epochs max-lr', 'what-if': 'off' });
  await expect(panel(playground)).toHaveAttribute('data-animating', 'true');
  const before = await startsRun(page, () => slider(playground, /Epochs/).press('ArrowLeft'));
  // The new run's replay starts over: well short of the old one's 100 epochs just after it began.
  expect(Number(await panel(playground).getAttribute('data-epoch'))).toBeLessThan(50);
  const run = await nextRun(page, before);
  await expect(panel(playground)).toHaveAttribute('data-animating', 'false');
  await expect(panel(playground)).toHaveAttribute('data-epoch', String(run.epochs));
  expect(run.epochs).toBeLessThan(100);
});

test('the picture switches between the data and the loss surface, by keyboard, in both languages', async ({ page }) => {
  const playground = await openPlayground(page, { scenario: 'line', seed: '1', 'what-if': 'off' });
  await nextRun(page, 0);
  const surface = playground.getByRole('button', { name: 'Loss surface' });
  await surface.focus();
  await page.keyboard.press('Enter');
  await expect(surface).toHaveAttribute('aria-pressed', 'true');
  await expect(playground).toHaveAttribute('view', 'parameters');
  await expect(playground.locator('.parameters image')).toHaveCount(1);
  await expect(playground.locator('.parameters')).toHaveAttribute('aria-label', /loss surface over \(a, b\)/);
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Space');
  await expect(playground).toHaveAttribute('view', 'data');

  const pt = await openPlayground(page, { scenario: 'line', seed: '1', lang: 'pt-BR', view: 'parameters', 'what-if': 'off' });
  await nextRun(page, 0);
  await expect(pt.getByRole('button', { name: 'Superfície de perda' })).toHaveAttribute('aria-pressed', 'true');
  await expect(pt.locator('.parameters')).toContainText('mínimos quadrados');
  await expect(pt.locator('.u-axis').first()).toBeVisible();
  await expect(pt.locator('.chart-host')).not.toContainText(/\bloss\b/);
});

test('view="parameters" on a scenario with more parameters keeps the data and says why', async ({ page }) => {
  const playground = await openPlayground(page, { scenario: 'cancer', seed: '1', epochs: '3', view: 'parameters', 'what-if': 'off' });
  await nextRun(page, 0);
  await expect(playground.locator('.notice')).toContainText("view: parameters draws line's two parameters");
  await expect(playground.locator('.parameters')).toHaveCount(0);
  await expect(playground.locator('.class-errors')).toBeVisible();
});

test('hovering one playground\'s chart scrubs its own line only, not another\'s on the page', async ({ page }) => {
  const first = await openPlayground(page, { scenario: 'line', seed: '1', speed: 'instant', 'what-if': 'off', epochs: '40' });
  await page.evaluate(() => {
    const other = document.createElement('training-playground');
    Object.assign(other, { id: 'other' });
    for (const [name, value] of [['scenario', 'line'], ['speed', 'instant'], ['what-if', 'off'], ['epochs', '40']]) other.setAttribute(name!, value!);
    document.querySelector('#tp')!.before(other);
  });
  await nextRun(page, 0);
  await nextRun(page, 0, 'other');
  const second = page.locator('#other');
  // hover() scrolls the chart into view first: the other playground pushed this one down.
  const over = first.locator('.chart-host .u-over');
  const box = (await over.boundingBox())!;
  await over.hover({ position: { x: box.width * 0.5, y: box.height / 2 } });
  await expect(panel(first)).toHaveAttribute('data-epoch', '20');
  await expect(panel(second)).toHaveAttribute('data-epoch', '40');
});
