/** The data scenarios and the LR finder, through the real UI. */
import { expect, nextRun, openPlayground, slider, test, trainEnds } from './test';

test('digits with the defaults reach under 5 % validation error and show the predicted digits', async ({ page }) => {
  const playground = await openPlayground(page, { scenario: 'digits' });
  const run = await nextRun(page, 0);
  expect(run.configEpochs).toBe(20);
  expect(run.errorRate!).toBeLessThan(0.05);
  await expect(playground.locator('.digit')).toHaveCount(40);
  const wrong = await playground.locator('.digit.wrong').count();
  expect(wrong).toBeLessThan(6);
});

test('cancer: keeping 1/10 of the malignant rows hurts that class, and oversampling gives it back', async ({ page }) => {
  const playground = await openPlayground(page, { scenario: 'cancer', controls: 'epochs max-lr imbalance oversample' });
  const balanced = await nextRun(page, 0);
  const imbalance = slider(playground, /minority class/);
  let before = await trainEnds(page);
  await imbalance.focus();
  await imbalance.press('End');
  await imbalance.press('ArrowLeft', { delay: 0 });
  for (let i = 0; i < 9; i++) await imbalance.press('ArrowLeft');
  const imbalanced = await nextRun(page, before);
  expect(await playground.getAttribute('imbalance')).toBe('10');
  before = await trainEnds(page);
  await playground.getByRole('checkbox', { name: /Oversample/ }).check();
  const oversampled = await nextRun(page, before);
  const malignant = (run: typeof balanced) => run.classErrorRates![0]!;
  expect(malignant(imbalanced)).toBeGreaterThan(malignant(balanced));
  expect(malignant(oversampled)).toBeLessThan(malignant(imbalanced));
  await expect(playground.locator('.bar-row')).toHaveCount(2);
  await expect(playground.locator('.bar-row').first()).toContainText('malignant');
});

test('lr-find plots loss against learning rate, and its suggestion is tested as a what-if: one recommendation on screen', async ({ page }) => {
  const playground = await openPlayground(page, { scenario: 'line', 'max-lr': '1e-3', seed: '1', controls: 'epochs max-lr lr-find' });
  await nextRun(page, 0);
  const before = await trainEnds(page);
  await playground.getByRole('button', { name: 'Find a learning rate' }).click();
  await expect(playground.locator('.lr-find svg path')).toHaveCount(1);
  // The search retrains the same settings with lr_find's pick among the what-ifs.
  await nextRun(page, before);
  const { suggestion, tested, cited } = await playground.evaluate((el) => {
    // The controller's lr_find result (a private field, read here as a test may).
    const { training, diagnosis } = el as unknown as {
      training: { lrFound: { suggestion: number } };
      diagnosis: { evidence: { source?: string; change: { maxLr?: number } }[]; cited?: number };
    };
    const tested = diagnosis.evidence.filter((w) => w.source === 'lr-find').map((w) => w.change.maxLr);
    return { suggestion: training.lrFound.suggestion, tested, cited: diagnosis.cited ?? null };
  });
  expect(tested).toHaveLength(1);
  expect(tested[0]).toBe(Number(suggestion.toPrecision(2)));
  expect(cited).not.toBeNull();
  // One recommendation: no "Use" button beside lr_find's plot, at most one "Try it".
  await expect(playground.getByRole('button', { name: /^Use / })).toHaveCount(0);
  await expect(playground.getByRole('button', { name: /^Try it/ })).toHaveCount(1);
  await expect(playground.locator('.lr-find [role="note"]')).toContainText(/lr_find suggests max_lr/);
});

test('a custom CSV trains, and a malformed one says which line and column are wrong', async ({ page }) => {
  const playground = await openPlayground(page, { scenario: 'custom', src: '/fixtures/data.csv', epochs: '10', 'max-lr': '0.03', 'batch-size': '4' });
  const run = await nextRun(page, 0);
  expect(run.epochs).toBe(10);
  expect(run.errorRate).not.toBeNull();
  await playground.evaluate((el) => el.setAttribute('src', '/fixtures/broken.csv'));
  await expect(playground.locator('.notice')).toContainText('Line 3, column 2: "oops" is not a number');
  const errors = await page.evaluate(() => (window as unknown as { __events: { type: string; code: string }[] }).__events.filter((e) => e.type === 'playground-error'));
  expect(errors.map((e) => e.code)).toContain('invalid-csv');
});

test('train() right after setting src waits for the CSV and trains on it', async ({ page }) => {
  const playground = await openPlayground(page, { scenario: 'custom', manual: '', epochs: '4', 'batch-size': '4', 'what-if': 'off' });
  const epochs = await playground.evaluate(async (el) => {
    const element = el as HTMLElement & { src: string; train(): Promise<{ history: unknown[]; config: { data?: { rows: number } } }> };
    element.src = '/fixtures/data.csv';
    const result = await element.train();
    return { epochs: result.history.length, rows: result.config.data?.rows ?? 0 };
  });
  expect(epochs.epochs).toBe(4);
  expect(epochs.rows).toBeGreaterThan(0);
});

test('a src whose server never answers says it is loading at once, then gives up with a notice', async ({ page }) => {
  await page.route('**/never.csv', () => undefined);
  const playground = await openPlayground(page, { scenario: 'custom', src: '/never.csv' });
  await expect(playground.getByRole('status').filter({ hasText: 'Loading data from /never.csv' })).toBeVisible();
  await expect(playground.locator('.notice')).toContainText('Could not load /never.csv: no answer after 15 s.', { timeout: 30_000 });
  await expect(playground.getByText('Loading data from /never.csv')).toHaveCount(0);
  const errors = await page.evaluate(() => (window as unknown as { __events: { type: string; code: string }[] }).__events.filter((e) => e.type === 'playground-error'));
  expect(errors.map((e) => e.code)).toEqual(['training-failed']);
});

test('HTML in a CSV is shown as text in the notice, never run', async ({ page, pageErrors }) => {
  await page.route('**/hostile.csv', (route) => route.fulfill({ contentType: 'text/csv', body: '<b>x</b>,label\n<img src=x onerror="window.__ran=1">,1\n2,0\n' }));
  const playground = await openPlayground(page, { scenario: 'custom', src: '/hostile.csv' });
  await expect(playground.locator('.notice')).toContainText('Line 2, column 1: "<img src=x onerror="window.__ran=1">" is not a number.');
  expect(await playground.evaluate((el) => el.shadowRoot!.querySelectorAll('.notice img, .notice b').length)).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __ran?: number }).__ran)).toBeUndefined();
  expect(pageErrors).toEqual([]);
});

test('a src that 404s, or that CORS blocks, says so in words; the next src trains', async ({ page, pageErrors }) => {
  const playground = await openPlayground(page, { scenario: 'custom', src: '/fixtures/missing.csv', epochs: '3', 'batch-size': '4', 'what-if': 'off' });
  await expect(playground.locator('.notice')).toContainText('Could not load /fixtures/missing.csv: HTTP 404.');
  // Another origin (127.0.0.1 is not localhost) whose server sends no Access-Control-Allow-Origin.
  const crossOrigin = 'http://127.0.0.1:4173/fixtures/data.csv';
  await playground.evaluate((el, url) => el.setAttribute('src', url), crossOrigin);
  await expect(playground.locator('.notice').last()).toContainText(`Could not load ${crossOrigin}: the server did not answer, or it does not let this page read the file (CORS).`);
  await playground.evaluate((el) => el.setAttribute('src', '/fixtures/data.csv'));
  const run = await nextRun(page, 0);
  expect(run.epochs).toBe(3);
  const errors = await page.evaluate(() => (window as unknown as { __events: { type: string; code: string }[] }).__events.filter((e) => e.type === 'playground-error'));
  expect(errors.map((e) => e.code)).toEqual(['training-failed', 'training-failed']);
  // The browser's own console lines for the 404 and the CORS refusal are expected; nothing else is.
  const expected = /404 \(Not Found\)|blocked by CORS policy|net::ERR_FAILED/;
  expect(pageErrors.filter((e) => !expected.test(e))).toEqual([]);
  pageErrors.splice(0, pageErrors.length);
});

test('a 10 MB CSV (400,000 rows) loads, parses and trains', async ({ page }) => {
  const cell = (i: number, prime: number) => (((i * prime) % 10007) / 1000.5).toFixed(6);
  const rows = Array.from({ length: 400_000 }, (_, i) => `${cell(i, 7919)},${cell(i, 104729)},${cell(i, 1299709)},${(i * 7919) % 10007 > 5000 ? 1 : 0}`);
  const body = `x1,x2,x3,label\n${rows.join('\n')}\n`;
  expect(body.length).toBeGreaterThan(10_000_000);
  await page.route('**/big.csv', (route) => route.fulfill({ contentType: 'text/csv', body }));
  await openPlayground(page, { scenario: 'custom', src: '/big.csv', epochs: '1', 'batch-size': '1024', 'train-size': '20000', 'what-if': 'off' });
  const run = await nextRun(page, 0);
  expect(run.epochs).toBe(1);
  expect(run.finite).toBe(true);
  expect(run.errorRate).not.toBeNull();
});

test('the data sets are files beside the bundle, fetched on first use: a failed fetch says where it looked, and the next run fetches again', async ({ page, pageErrors }) => {
  const fetched: string[] = [];
  page.on('request', (request) => request.url().includes('/data/') && fetched.push(new URL(request.url()).pathname));
  await page.route('**/dist/data/digits.csv.gz', (route) => route.fulfill({ status: 503, body: 'busy' }));
  const playground = await openPlayground(page, { scenario: 'line', seed: '1', epochs: '10', 'what-if': 'off' });
  await nextRun(page, 0);
  // line needs neither data set.
  expect(fetched).toEqual([]);
  await playground.evaluate((el) => el.setAttribute('scenario', 'digits'));
  await expect(playground.locator('.notice')).toContainText('Could not load the digits data from http://localhost:4173/dist/data/digits.csv.gz: HTTP 503.');
  await page.unroute('**/dist/data/digits.csv.gz');
  await playground.evaluate((el) => el.setAttribute('epochs', '2'));
  const run = await nextRun(page, 1);
  expect(run.epochs).toBe(2);
  expect(run.errorRate).not.toBeNull();
  expect(fetched.filter((path) => path === '/dist/data/digits.csv.gz').length).toBeGreaterThanOrEqual(2);
  // The browser's own console line for the 503 is expected; nothing else is.
  expect(pageErrors.filter((e) => !/status of 503/.test(e))).toEqual([]);
  pageErrors.splice(0, pageErrors.length);
});
