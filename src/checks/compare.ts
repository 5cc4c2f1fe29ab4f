/**
 * How a kernel's output is judged against its float64 reference: the norm-wise relative
 * error ‖out − ref‖ / ‖ref‖, and whether any element was left unwritten (still the NaN it
 * was poisoned with) or came out non-finite where the reference is finite.
 */
export interface Comparison {
  relativeError: number;
  /** Elements that are NaN/Inf in the output but finite in the reference, or the reverse. */
  badElements: number;
}

/**
 * Norm-wise relative error, ‖out − ref‖ / ‖scale‖: the scale is the reference unless given
 * (for sums, the sums of their terms' magnitudes: see check-kit's finishEach). Where the
 * scale is all zeros, the plain norm of the error.
 */
export function compare(out: ArrayLike<number>, ref: ArrayLike<number>, scale: ArrayLike<number> = ref): Comparison {
  if (out.length !== ref.length) throw new Error(`Output has ${out.length} elements, reference ${ref.length}.`);
  let diff = 0;
  let norm = 0;
  let badElements = 0;
  for (let i = 0; i < ref.length; i++) {
    const o = out[i]!;
    const r = ref[i]!;
    if (Number.isNaN(r)) {
      // The reference says "untouched": the poison must still be there.
      if (!Number.isNaN(o)) badElements++;
      continue;
    }
    if (!Number.isFinite(o) || !Number.isFinite(r)) {
      if (Number.isFinite(o) !== Number.isFinite(r) || o !== r) badElements++;
      continue;
    }
    diff += (o - r) ** 2;
    norm += scale[i]! ** 2;
  }
  const relativeError = norm > 0 ? Math.sqrt(diff / norm) : Math.sqrt(diff);
  return { relativeError, badElements };
}

/** Joins several outputs into one vector, so a kernel with many outputs gets one error. */
export function concat(parts: ArrayLike<number>[]): Float64Array {
  const total = parts.reduce((n, p) => n + p.length, 0);
  const out = new Float64Array(total);
  let at = 0;
  for (const part of parts) {
    out.set(Array.from(part), at);
    at += part.length;
  }
  return out;
}

/** Units in the last place between two float32 values (their bit patterns as ordered integers). */
export function ulpDistance(a: number, b: number): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat32(0, a, true);
  view.setFloat32(4, b, true);
  // Sign-magnitude bits to a line where adjacent floats are adjacent integers (±0 meet at 0).
  const ordered = (bits: number) => (bits < 0 ? -(bits & 0x7fffffff) : bits);
  return Math.abs(ordered(view.getInt32(0, true)) - ordered(view.getInt32(4, true)));
}
