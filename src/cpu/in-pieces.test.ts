import { describe, expect, it } from 'vitest';
import { inPieces } from './in-pieces';

describe('inPieces', () => {
  it.each([
    { length: 0, piece: 4, pieces: [] },
    { length: 1, piece: 4, pieces: [[0, 1]] },
    { length: 4, piece: 4, pieces: [[0, 4]] },
    { length: 9, piece: 4, pieces: [[0, 4], [4, 8], [8, 9]] },
    { length: 7, piece: 1, pieces: [[0, 1], [1, 2], [2, 3], [3, 4], [4, 5], [5, 6], [6, 7]] },
  ])('covers $length elements once each, in order, in pieces of at most $piece', async ({ length, piece, pieces }) => {
    const seen: number[][] = [];
    await inPieces(length, piece, (from, to) => seen.push([from, to]));
    expect(seen).toEqual(pieces);
  });

  it('does the first piece in the caller’s task and each later one after other tasks had their turn', async () => {
    const log: string[] = [];
    const other = () => new Promise<void>((resolve) => setImmediate(() => (log.push('other'), resolve())));
    const others = Promise.all([other(), other()]);
    const done = inPieces(3, 1, (from) => log.push(`piece ${from}`));
    log.push('caller');
    await Promise.all([done, others]);
    expect(log.slice(0, 2)).toEqual(['piece 0', 'caller']);
    expect(log.indexOf('other')).toBeLessThan(log.indexOf('piece 1'));
  });
});
