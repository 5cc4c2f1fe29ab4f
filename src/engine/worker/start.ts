/**
 * Starts the CPU engine's worker, in the builds that bundle it into their own file (the npm
 * builds, the demo site, tests): the worker's script is inlined, so nothing more is fetched.
 * The CDN bundle, dist/engine.js, swaps this module for start-self.ts (vite.config.ts),
 * so that the engine's code is not shipped twice.
 *
 * @example
 * const worker = startEngineWorker();
 */
import InlineWorker from './host-main?worker&inline';

export function startEngineWorker(): Worker {
  return new InlineWorker();
}
