import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { pumpChunks, type ChunkReadback } from './chunk-pump';

/** A readback the test settles by hand: a GPU chunk that takes as long as the test says. */
function heldChunk(firstEpoch: number): ChunkReadback & { settle: () => void } {
  let settle = () => undefined as void;
  const values = new Promise<Float32Array[]>((resolve) => (settle = () => resolve([Float32Array.of(firstEpoch)])));
  return { firstEpoch, epochs: 1, values, settle };
}

/** Waits, a task at a time, until `chunks` holds `count` recorded chunks (each is recorded in a task of its own). */
async function recorded(chunks: unknown[], count: number): Promise<void> {
  while (chunks.length < count) await new Promise((resolve) => setImmediate(resolve));
}

describe('the chunk pump', () => {
  it('hands the chunks over in order, recording ahead as many as it may', async () => {
    const recorded: number[] = [];
    const taken: number[] = [];
    let next = 0;
    const stopped = await pumpChunks(
      2,
      () => next < 5,
      () => {
        recorded.push(next);
        return { firstEpoch: next, epochs: 1, values: Promise.resolve([Float32Array.of(next++)]) };
      },
      (chunk, values) => taken.push(chunk.firstEpoch, values[0]![0]!),
    );
    expect(stopped).toBe(false);
    expect(recorded).toEqual([0, 1, 2, 3, 4]);
    expect(taken).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 4, 4]);
  });

  it('ends at once when stopped mid-chunk: the chunk waited for and those after it are never taken, and no listener is left', async () => {
    const controller = new AbortController();
    const chunks: ReturnType<typeof heldChunk>[] = [];
    const taken: number[] = [];
    const pump = pumpChunks(
      2,
      () => chunks.length < 10,
      () => {
        chunks.push(heldChunk(chunks.length));
        return chunks.at(-1)!;
      },
      (chunk) => taken.push(chunk.firstEpoch),
      controller.signal,
    );
    await recorded(chunks, 2);
    chunks[0]!.settle();
    // The first chunk's readback is taken; the second is then waited for, and never settles by itself.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(taken).toEqual([0]);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(1);
    controller.abort();
    expect(await pump).toBe(true);
    chunks.forEach((c) => c.settle());
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(taken).toEqual([0]);
    expect(chunks).toHaveLength(3);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  it('records each chunk in a task of its own: the page takes its turn between the epochs taken and the next chunk', async () => {
    const log: string[] = [];
    let next = 0;
    // Before the pump's first task: the set-up's turn, which the first chunk does not join.
    setImmediate(() => log.push('page'));
    await pumpChunks(
      1,
      () => next < 3,
      () => {
        log.push(`record ${next}`);
        return { firstEpoch: next, epochs: 1, values: Promise.resolve([Float32Array.of(next++)]) };
      },
      (chunk) => {
        log.push(`take ${chunk.firstEpoch}`);
        // What the page does with the epochs (a redraw) is queued here, and runs before the next recording.
        setImmediate(() => log.push('page'));
      },
    );
    expect(log).toEqual(['page', 'record 0', 'take 0', 'page', 'record 1', 'take 1', 'page', 'record 2', 'take 2']);
  });

  it('records a chunk ahead in a task of its own too: the page takes its turn between the first two chunks', async () => {
    const log: string[] = [];
    let next = 0;
    await pumpChunks(
      2,
      () => next < 3,
      () => {
        log.push(`record ${next}`);
        // Whatever the page has to do once this chunk is recorded runs before the chunk recorded ahead.
        setImmediate(() => log.push('page'));
        return { firstEpoch: next, epochs: 1, values: Promise.resolve([Float32Array.of(next++)]) };
      },
      (chunk) => log.push(`take ${chunk.firstEpoch}`),
    );
    expect(log.slice(0, 3)).toEqual(['record 0', 'page', 'record 1']);
    expect(log.filter((line) => line !== 'page')).toEqual(['record 0', 'record 1', 'take 0', 'record 2', 'take 1', 'take 2']);
  });

  it('records nothing once the signal has aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    let recorded = 0;
    const stopped = await pumpChunks(2, () => true, () => (recorded++, heldChunk(0)), () => undefined, controller.signal);
    expect(stopped).toBe(true);
    expect(recorded).toBe(0);
  });

  it('waits for the readbacks still in flight when a run ends without Stop', async () => {
    const chunks: ReturnType<typeof heldChunk>[] = [];
    let taken = 0;
    let returned = false;
    const pump = pumpChunks(
      3,
      () => chunks.length < 3,
      () => {
        chunks.push(heldChunk(chunks.length));
        return chunks.at(-1)!;
      },
      () => taken++,
      undefined,
      // The run is over after its first chunk (its model ended), with two more in flight.
      () => taken === 0,
    ).then(() => (returned = true));
    await recorded(chunks, 3);
    chunks[0]!.settle();
    chunks[1]!.settle();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect({ taken, returned }).toEqual({ taken: 1, returned: false });
    chunks[2]!.settle();
    await pump;
    expect({ taken, returned }).toEqual({ taken: 1, returned: true });
  });
});
