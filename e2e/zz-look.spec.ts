import { nextRun, openPlayground, test } from './test';
for (const scenario of ['spiral', 'circle', 'xor', 'gauss']) {
  test(`look ${scenario}`, async ({ page }) => {
    const el = await openPlayground(page, { scenario, controls: 'epochs max-lr noise activation regularization reg-rate features step reset scenario', 'what-if': 'off' });
    await nextRun(page, 0);
    await el.screenshot({ path: `/tmp/look-${scenario}.png` });
  });
}
