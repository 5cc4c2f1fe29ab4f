/**
 * The script of the inlined CPU worker (worker-start.ts): the engine's side, nothing else.
 *
 * @example
 * import InlineWorker from './engine-worker-main?worker&inline';
 */
import { serveEngine, type WorkerScope } from './engine-worker';

void serveEngine(self as unknown as WorkerScope);
