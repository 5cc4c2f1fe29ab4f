/**
 * Packs a kernel's uniform struct: 32-bit fields in declaration order, padded to the 16-byte
 * multiple WGSL requires of a uniform buffer.
 *
 * @example
 * new ParamWriter().u32(rows).u32(cols).f32(scale).u32(0).bytes();
 */
export declare class ParamWriter {
    private readonly words;
    private readonly view;
    u32(value: number): this;
    f32(value: number): this;
    bytes(): ArrayBuffer;
    /** The exact bits, as a cache key. */
    key(): string;
}
