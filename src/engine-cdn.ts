/**
 * dist/engine.js, the engine for CDN pages: the same exports as `training-playground/engine`,
 * and, loaded as the CPU engine's worker (engine/worker/start-self.ts), that worker's script too.
 *
 * @example
 * const { createEngine } = await import('https://cdn.jsdelivr.net/npm/training-playground/dist/engine.js');
 */
import { serveIfEngineWorker } from './engine/worker/start-self';

export * from './engine';

serveIfEngineWorker();
