/**
 * How the CDN bundle (dist/training-playground.js) reaches the engine: dist/engine.js beside
 * it, imported on first use, from wherever the bundle itself came from (a CDN, any static
 * server). engine-loader.ts says why; vite.config.ts makes the swap.
 *
 * @example
 * const { createEngine } = await loadEngine();
 */
import type { EngineModule } from './engine-loader';

let loading: Promise<EngineModule> | null = null;

export function loadEngine(): Promise<EngineModule> {
  const url = new URL('./engine.js', import.meta.url).href;
  loading ??= (import(/* @vite-ignore */ url) as Promise<EngineModule>).catch((error: unknown) => {
    loading = null; // the next run tries again
    throw new Error(`The training engine (${url}) could not be loaded: ${error instanceof Error ? error.message : String(error)}`);
  });
  return loading;
}
