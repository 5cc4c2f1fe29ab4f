/**
 * Work over a long array in pieces, each after the first in a task of its own (yieldToPage):
 * a copy into fresh memory is paid for at its first writes, and fashion's 5,000 photos
 * (15.7 MB of float32) took 41.6 ms to fill the first time and 0.5 ms the second on one
 * machine (Node), 50-80 ms of the page's thread for each of its three copies in a browser. A piece is at
 * most `piece` elements (at least one: PIECE_LENGTH for values, a row for rows); a short
 * array is done at once, in the caller's task.
 *
 * @example
 * // given: const bytes: Uint8Array, out: Float32Array
 * await inPieces(out.length, PIECE_LENGTH, (from, to) => { for (let i = from; i < to; i++) out[i] = bytes[i]! / 255; });
 */
import { yieldToPage } from './yield-to-page';

/**
 * 1 Mi elements, 4 MB of float32: about a quarter of fashion's photos. With the page's CPU slowed 4x
 * (Chrome's throttling, SwiftShader), a whole copy took 44-56 ms of the thread, a piece 8-22.
 */
export const PIECE_LENGTH = 1 << 20;

export async function inPieces(length: number, piece: number, work: (from: number, to: number) => void): Promise<void> {
  for (let from = 0; from < length; from += piece) {
    if (from > 0) await yieldToPage();
    work(from, Math.min(length, from + piece));
  }
}
