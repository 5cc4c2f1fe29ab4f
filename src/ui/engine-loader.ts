/**
 * How the element reaches the engine. Here (the npm build, the demo site, tests) by a dynamic
 * import that the bundler resolves; the CDN bundle swaps this module for engine-loader-cdn.ts
 * (vite.config.ts), which fetches dist/engine.js beside it, so a page that shows the element
 * downloads the engine when it first trains, not before.
 *
 * @example
 * const { createEngine } = await loadEngine();
 */
import type { createEngine, decodeModel, encodeModel, engineResources } from '../engine/index';

/** What the element takes from the engine's module. */
export interface EngineModule {
  createEngine: typeof createEngine;
  engineResources: typeof engineResources;
  /** Model files (.safetensors): with the engine, so a page that never saves one never downloads them. */
  encodeModel: typeof encodeModel;
  decodeModel: typeof decodeModel;
}

export function loadEngine(): Promise<EngineModule> {
  return import('../engine/index');
}
