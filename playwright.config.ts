import { defineConfig } from '@playwright/test';
import { chromiumPath, WEBGPU_ARGS } from './e2e/chromium';

/**
 * The browser suite: the system Chromium with WebGPU on SwiftShader (no GPU here), never a
 * downloaded browser. One worker: SwiftShader already uses every core.
 */
export default defineConfig({
  testDir: 'e2e',
  workers: 1,
  timeout: 120_000,
  expect: { timeout: 60_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  snapshotPathTemplate: '{testDir}/snapshots/{arg}{ext}',
  // Its own folder: Playwright empties it at start, and test-results/ holds the other suites' reports.
  outputDir: 'test-results/e2e-artifacts',
  use: {
    baseURL: 'http://localhost:4173',
    viewport: { width: 1000, height: 900 },
    deviceScaleFactor: 1,
    launchOptions: { executablePath: chromiumPath(), args: WEBGPU_ARGS },
  },
  webServer: { command: 'node scripts/serve.mjs .', url: 'http://localhost:4173/fixtures/element.html', reuseExistingServer: !process.env.CI },
});
