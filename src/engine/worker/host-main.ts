/**
 * The script of the inlined CPU worker (start.ts): the engine's side, nothing else.
 *
 * @example
 * import InlineWorker from './host-main?worker&inline';
 */
import { serveEngine, type WorkerScope } from './host';

void serveEngine(self as unknown as WorkerScope);
