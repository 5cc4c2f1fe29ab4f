/**
 * Starts the CPU engine's worker in the CDN bundle, dist/engine.js, from that same file: the
 * worker loads engine.js again, which sees its worker's name and serves the engine there
 * (serveIfEngineWorker). One copy of the engine's code travels, where an inlined worker
 * would carry a second one.
 *
 * A page may not start a worker from another origin's script (a CDN's), so then the worker
 * starts from a one-line blob: script that imports engine.js (CDNs send it with CORS).
 *
 * @example
 * const worker = startEngineWorker(); // in dist/engine.js, loaded from anywhere
 */
import { serveEngine, type WorkerScope } from './host';

/** The worker's name: what tells engine.js, loaded in a worker, to serve the engine there. */
const WORKER_NAME = 'training-playground-engine';

export function startEngineWorker(): Worker {
  const options: WorkerOptions = { type: 'module', name: WORKER_NAME };
  const script = import.meta.url;
  if (new URL(script).origin === location.origin) return new Worker(script, options);
  const blob = URL.createObjectURL(new Blob([`import ${JSON.stringify(script)};`], { type: 'text/javascript' }));
  const worker = new Worker(blob, options);
  const release = () => URL.revokeObjectURL(blob);
  worker.addEventListener('message', release, { once: true });
  worker.addEventListener('error', release, { once: true });
  return worker;
}

/** In the CPU engine's own worker, serves the engine there; anywhere else (a page, another worker), nothing. */
export function serveIfEngineWorker(): void {
  const scope = globalThis as { name?: unknown; document?: unknown };
  if (scope.document === undefined && scope.name === WORKER_NAME) void serveEngine(globalThis as unknown as WorkerScope);
}
