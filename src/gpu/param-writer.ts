/**
 * Packs a kernel's uniform struct: 32-bit fields in declaration order, padded to the 16-byte
 * multiple WGSL requires of a uniform buffer.
 *
 * @example
 * // given: const rows: number, cols: number, scale: number
 * new ParamWriter().u32(rows).u32(cols).f32(scale).u32(0).bytes();
 */
export class ParamWriter {
  private readonly words: number[] = [];
  private readonly view = new DataView(new ArrayBuffer(4));

  u32(value: number): this {
    this.words.push(value >>> 0);
    return this;
  }

  f32(value: number): this {
    this.view.setFloat32(0, value, true);
    this.words.push(this.view.getUint32(0, true));
    return this;
  }

  bytes(): ArrayBuffer {
    const padded = new Uint32Array(Math.max(4, Math.ceil(this.words.length / 4) * 4));
    padded.set(this.words);
    return padded.buffer;
  }

  /** The exact bits, as a cache key. */
  key(): string {
    return this.words.join(',');
  }
}
