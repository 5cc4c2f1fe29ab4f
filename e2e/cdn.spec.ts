/** The CDN bundle loaded from another origin: the engine, the data and the CPU worker come from there too. */
import { expect, nextRun, test } from './test';

test('from a CDN, the element loads its engine, data and CPU worker from the CDN and trains on both backends', async ({ page }) => {
  await page.goto('/fixtures/cdn.html');
  const [gpu, cpu] = await Promise.all([nextRun(page, 0, 'gpu'), nextRun(page, 0, 'cpu')]);
  expect(gpu.backend).toBe('webgpu');
  expect(gpu.params).toHaveLength(2);
  expect(cpu.backend).toBe('cpu');
  expect(cpu.errorRate).toBeLessThan(0.5);
  const loaded = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
  const cdn = 'http://127.0.0.1:4173/dist/';
  expect(loaded).toContain(`${cdn}engine.js`);
  expect(loaded).toContain(`${cdn}data/digits.csv.gz`);
  // The CPU engine trained in a worker started from the CDN's engine.js, not on the page's thread.
  const resources = await page.evaluate(() => (customElements.get('training-playground') as unknown as { resources(): Promise<{ workers: number }> }).resources());
  expect(resources.workers).toBe(1);
  // That worker multiplies in WebAssembly, relaxed SIMD in Chromium: it fetched matmul-fused.wasm from beside the CDN's engine.js.
  const adapter = await page.evaluate(async (url) => {
    const { createEngine } = (await import(/* @vite-ignore */ url)) as { createEngine(o: object): Promise<{ adapter: string; dispose(): void }> };
    const engine = await createEngine({ backend: 'cpu' });
    engine.dispose();
    return engine.adapter;
  }, `${cdn}engine.js`);
  expect(adapter).toBe('CPU (WebAssembly relaxed SIMD), in a Web Worker');
  const errors = await page.evaluate(() => (window as unknown as { __events: { type: string; message: string }[] }).__events.filter((e) => e.type === 'playground-error'));
  expect(errors).toEqual([]);
});
