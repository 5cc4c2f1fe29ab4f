/**
 * The one chunk pump every training loop runs on (trainer.ts for every model, linear-batch.ts
 * for lesson 2's fused what-ifs): chunks of epochs are recorded ahead while the oldest one's
 * readback is awaited, in order, and an aborted signal ends it at once, mid-chunk.
 *
 * @example
 * // given: const record: () => ChunkReadback, epochs: number
 * let next = 0;
 * const stopped = await pumpChunks(2, () => next < epochs, () => { next++; return record(); }, (chunk, values) => console.log(chunk.firstEpoch, values));
 */
import { yieldToPage } from '../../cpu/yield-to-page';

/** A chunk of epochs recorded, and its readback on the way. */
export interface ChunkReadback {
  firstEpoch: number;
  /** 0 for a piece of an epoch: its readback only says the GPU is through it. */
  epochs: number;
  values: Promise<Float32Array[]>;
}

/**
 * Records chunks ahead (`inFlight` of them: pacing) while there are more, and hands
 * each one's readback to `take` in order, while `busy`; true when the signal stopped it.
 *
 * An abort ends it at once, mid-chunk: the chunk being waited for is not waited for (a GPU
 * chunk can take seconds on a slow adapter, and Stop answers now), and neither it nor any
 * later one reaches `take`. Their readbacks settle in the background; what the run made can
 * go back to the backend's pool at once, since whatever runs next is queued behind them on
 * the device. A run that ends otherwise waits for its readbacks still in flight.
 *
 * Each chunk is recorded in a task of its own (yieldToPage): the model's set-up before the
 * first, the chunk before the one recorded ahead of it, and the epochs `take` reported
 * (which the page draws) before each next, stay in the tasks that did them. Recording a
 * chunk is thousands of calls on a real GPU; added to a set-up, a redraw or another chunk it
 * made main-thread tasks of 60–200 ms beside a WebGPU run.
 */
export async function pumpChunks(
  inFlight: number,
  hasNext: () => boolean,
  record: () => ChunkReadback,
  take: (chunk: ChunkReadback, values: Float32Array[]) => void,
  signal?: AbortSignal,
  busy: () => boolean = () => true,
): Promise<boolean> {
  const pending: ChunkReadback[] = [];
  const stop = abortOf(signal);
  try {
    await yieldToPage();
    while ((hasNext() || pending.length > 0) && busy()) {
      while (hasNext() && pending.length < inFlight && !signal?.aborted) {
        pending.push(record());
        // The chunk recorded ahead gets a task of its own too: the GPU is busy with this one meanwhile.
        if (hasNext() && pending.length < inFlight) await yieldToPage();
      }
      if (signal?.aborted) return true;
      const values = await Promise.race([pending[0]!.values, stop.aborted]);
      if (signal?.aborted || values === ABORTED) return true;
      take(pending.shift()!, values);
      if (hasNext() && busy()) await yieldToPage();
    }
    return false;
  } finally {
    stop.dispose();
    const settling = Promise.allSettled(pending.map((p) => p.values));
    if (!signal?.aborted) await settling;
  }
}

const ABORTED = Symbol('aborted');

/** A promise of the signal's abort, and the listener's removal (a pump leaves no listener behind). */
function abortOf(signal: AbortSignal | undefined): { aborted: Promise<typeof ABORTED>; dispose: () => void } {
  if (!signal) return { aborted: new Promise(() => undefined), dispose: () => undefined };
  let onAbort = () => undefined as void;
  const aborted = new Promise<typeof ABORTED>((resolve) => {
    onAbort = () => resolve(ABORTED);
    if (signal.aborted) resolve(ABORTED);
    else signal.addEventListener('abort', onAbort, { once: true });
  });
  return { aborted, dispose: () => signal.removeEventListener('abort', onAbort) };
}
