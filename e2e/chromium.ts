/**
 * Finds the Chromium to test in (CHROMIUM_PATH, which npm test sets from
 * scripts/find-chromium.mjs, else Debian's chromium or an installed Chrome) and the flags that
 * give it WebGPU without a GPU. Playwright's own browsers are never downloaded.
 */
import { existsSync } from 'node:fs';

export function chromiumPath(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/opt/google/chrome/chrome'];
  return candidates.find((path) => path && existsSync(path));
}

export const WEBGPU_ARGS = [
  '--enable-unsafe-webgpu',
  ...(process.env.TP_VULKAN === 'system' ? [] : ['--use-webgpu-adapter=swiftshader']),
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--font-render-hinting=none',
  // A camera for the photo board's tests: Chromium's test pattern, its permission granted without a prompt.
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
];
