/**
 * The CPU engine's side of its Web Worker: a TrainingEngine on the CPU backend, driven by
 * messages from client.ts on the page. Training computes here, so the page's thread only
 * draws. Which script the worker runs is the build's choice (start.ts).
 *
 * It constructs its backend through backends.ts, not create-engine.ts: that one starts this
 * worker (through client.ts), and importing it here would make a cycle of the two.
 *
 * @example
 * serveEngine(self); // in a worker's script
 */
import type { BuiltinScenario } from '../../train/data/builtin-sets';
import type { Dataset, FilterMaps } from '../../train/types';
import { cpuBackend } from '../backends';
import { TrainingEngine } from '../training-engine';
import type { FromWorker, ToWorker } from './messages';

/** What the worker's global scope offers the engine: messages in and out. */
export interface WorkerScope {
  postMessage(message: FromWorker): void;
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
}

/** Answers the page's calls in this worker, and tells the page it is ready (the page waits for that before calling). */
export async function serveEngine(scope: WorkerScope): Promise<void> {
  // The built-in data sets as the page sends them, each with the first call that needs it.
  const builtin = new Map<BuiltinScenario, Dataset>();
  const data = async (scenario: BuiltinScenario) => {
    const dataset = builtin.get(scenario);
    if (!dataset) throw new Error(`The ${scenario} data never reached the CPU worker.`);
    return dataset;
  };
  const engine = new TrainingEngine(await cpuBackend(), null, data, cpuBackend);
  const aborts = new Map<number, AbortController>();
  const say = (message: FromWorker) => scope.postMessage(message);

  async function call(message: Extract<ToWorker, { kind: 'call' }>): Promise<unknown> {
    const { id, config } = message;
    const abort = new AbortController();
    aborts.set(id, abort);
    try {
      switch (message.method) {
        case 'train':
          return await engine.train(config, {
            ...message.options,
            signal: abort.signal,
            onEpoch: (stats) => say({ kind: 'epoch', id, stats }),
            onTrainEnd: (result) => say({ kind: 'train-end', id, result }),
            onWhatIf: (whatIf) => say({ kind: 'what-if', id, whatIf }),
            onBoundary: (boundary) => say({ kind: 'boundary', id, boundary }),
            // Read only for a page that asked: the maps cost a readback's bytes.
            ...(message.options?.filters ? { onFilters: (filters: FilterMaps) => say({ kind: 'filters', id, filters }) } : {}),
          });
        case 'lrFind':
          return await engine.lrFind(config, { signal: abort.signal });
        case 'preview':
          return await engine.preview(config);
        case 'validationRows':
          return await engine.validationRows(config, message.indices!);
        case 'lossSurface':
          return await engine.lossSurface(config, message.grid!);
        case 'predict':
          return await engine.predict(message.model!, message.input!);
      }
    } finally {
      aborts.delete(id);
    }
  }

  scope.onmessage = ({ data: message }) => {
    if (message.kind === 'abort') {
      aborts.get(message.id)?.abort();
      return;
    }
    if (message.builtin) builtin.set(message.builtin.scenario, message.builtin.dataset);
    call(message).then(
      (value) => say({ kind: 'done', id: message.id, value }),
      (error: unknown) => say({ kind: 'failed', id: message.id, message: error instanceof Error ? error.message : String(error), name: error instanceof Error ? error.name : 'Error' }),
    );
  };
  say({ kind: 'ready', adapter: engine.adapter });
}
