/**
 * The one chunk pump every training loop runs on (trainer.ts for every model, linear-batch.ts
 * for lesson 2's fused what-ifs): chunks of epochs are recorded ahead while the oldest one's
 * readback is awaited, in order, and an aborted signal ends it at the next chunk boundary.
 *
 * @example
 * // given: const record: () => ChunkReadback, epochs: number
 * let next = 0;
 * const stopped = await pumpChunks(2, () => next < epochs, () => { next++; return record(); }, (chunk, values) => console.log(chunk.firstEpoch, values));
 */

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
 * Readbacks still in flight settle before it returns, so their buffers may go then.
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
  try {
    while ((hasNext() || pending.length > 0) && busy()) {
      while (hasNext() && pending.length < inFlight && !signal?.aborted) pending.push(record());
      if (signal?.aborted) return true;
      const chunk = pending.shift()!;
      const values = await chunk.values;
      if (signal?.aborted) return true;
      take(chunk, values);
    }
    return false;
  } finally {
    await Promise.allSettled(pending.map((p) => p.values));
  }
}
