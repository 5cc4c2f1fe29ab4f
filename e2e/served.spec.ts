/**
 * The README's first command and a course site, served the ways they really are: every other
 * spec loads the built files from a plain static server (scripts/serve.mjs), which sends a
 * `.gz` as its gzip bytes. Vite's dev server (`npm start`) and `vite preview` send the same file
 * with `Content-Encoding: gzip`, so the browser inflates it before the loader sees it (issue:
 * the digits and cancer sections said "Failed to fetch" under `npm start`). Each page here must
 * train every section to its first finished run with no notice and no console error, and each
 * test records what its server sent for `.gz`.
 */
import type { Page } from '@playwright/test';
import { buildCourseSite, startServer, VITE, type Server } from './served-site';
import { expect, test } from './test';

test.describe.configure({ mode: 'serial' });

interface GzResponse {
  url: string;
  status: number;
  type: string | null;
  encoding: string | null;
}

/** Records every `.gz` response of the page: what its server sent. */
function recordGz(page: Page): GzResponse[] {
  const seen: GzResponse[] = [];
  page.on('response', (response) => {
    if (!new URL(response.url()).pathname.endsWith('.gz')) return;
    const headers = response.headers();
    seen.push({ url: response.url(), status: response.status(), type: headers['content-type'] ?? null, encoding: headers['content-encoding'] ?? null });
  });
  return seen;
}

/**
 * Scrolls each playground on screen in turn and waits for its first finished run (a paused one
 * ends 'stopped') or its first error, whichever comes first: an error fails at once, with its words.
 */
async function trainEach(page: Page, ids: string[]): Promise<void> {
  for (const id of ids) {
    const playground = page.locator(`#${id}`);
    await playground.scrollIntoViewIfNeeded();
    const outcome = await page.waitForFunction(
      (target) => {
        const events = (window as unknown as { __events: { type: string; id: string; stopReason: string | null; message: string | null }[] }).__events.filter((e) => e.id === target);
        const error = events.find((e) => e.type === 'playground-error');
        if (error) return `error: ${error.message}`;
        return events.some((e) => e.type === 'train-end' && e.stopReason !== 'stopped') ? 'trained' : null;
      },
      id,
      { timeout: 110_000 },
    );
    expect(await outcome.jsonValue(), id).toBe('trained');
    await expect(playground.locator('.notice'), `${id}: no notice`).toHaveCount(0);
    const epochs = await playground.evaluate((el) => (el as unknown as { history: unknown[] }).history.length);
    expect(epochs, `${id} trained`).toBeGreaterThan(0);
  }
}

/** Says, in the report, what the server sent for `.gz` and how that differs from the static server's bytes. */
function annotate(server: string, seen: GzResponse[]): void {
  const sent = [...new Set(seen.map((r) => `${r.type ?? 'no type'}${r.encoding ? `, Content-Encoding: ${r.encoding}` : ', no encoding'}`))].join('; ');
  test.info().annotations.push({ type: '.gz', description: `${server} sent ${sent}${seen.some((r) => r.encoding === 'gzip') ? ' (the browser inflated the body; the loader read it as CSV)' : ' (gzip bytes; the loader inflated them)'}` });
}

let server: Server | null = null;
test.beforeEach(async ({ page }) => {
  await page.addInitScript({ path: 'e2e/fixtures/event-log.js' });
});
test.afterEach(async () => {
  await server?.stop();
  server = null;
});

// Short runs: these tests are about loading, not training.
const DEMO_QUERY = '?digits.epochs=2&cancer.epochs=5&planar.epochs=10&planar.scenario=circle';
const SECTIONS = ['line', 'digits', 'cancer', 'planar'];

test('npm start: the demo page trains every section, the data sets loaded from Vite\'s dev server', async ({ page }) => {
  test.setTimeout(300_000);
  server = await startServer('npm', ['start', '--', '--port', '5273', '--strictPort', '--host', '127.0.0.1'], '.', 'http://127.0.0.1:5273/');
  const seen = recordGz(page);
  await page.goto(`${server.url}${DEMO_QUERY}`);
  await trainEach(page, SECTIONS);
  expect(seen.length, 'the data sets were fetched').toBeGreaterThanOrEqual(2);
  expect(seen.every((r) => r.status === 200)).toBe(true);
  annotate('the dev server (npm start)', seen);
});

test('vite preview: the built demo site trains every section', async ({ page }) => {
  test.setTimeout(300_000);
  server = await startServer('node', [VITE, 'preview', '--port', '5274', '--strictPort', '--host', '127.0.0.1'], '.', 'http://127.0.0.1:5274/');
  const seen = recordGz(page);
  await page.goto(`${server.url}${DEMO_QUERY}`);
  await trainEach(page, SECTIONS);
  expect(seen.length).toBeGreaterThanOrEqual(2);
  annotate('vite preview (dist/site)', seen);
});

test('a course site: the packed package installed from its tarball, built by Vite, every element trains under vite preview', async ({ page }) => {
  test.setTimeout(400_000);
  const site = buildCourseSite();
  server = await startServer('node', [VITE, 'preview', '--port', '5275', '--strictPort', '--host', '127.0.0.1'], site, 'http://127.0.0.1:5275/');
  const seen = recordGz(page);
  await page.goto(server.url);
  await trainEach(page, ['line', 'digits', 'cancer', 'planar']);
  expect(seen.length).toBeGreaterThanOrEqual(2);
  annotate('vite preview of the course site', seen);
});
