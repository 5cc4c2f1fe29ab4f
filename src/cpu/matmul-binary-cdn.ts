/**
 * The WebAssembly product's binaries for the CDN engine: dist/matmul-fused.wasm and
 * dist/matmul.wasm, fetched from beside dist/engine.js on first use (the engine's size budget
 * has no room for them inline).
 *
 * @example
 * const bytes = await matmulBinary(true); // the fused multiply-add build
 */
/// <reference path="../wasm.d.ts" />
import plain from '../../wasm/matmul.wat?wasm-url';
import fused from '../../wasm/matmul.wat?wasm-fused-url';

// A failed fetch (an error page) fails to compile, and the backend keeps its TypeScript loop.
export async function matmulBinary(fusedMultiplyAdd: boolean): Promise<ArrayBuffer> {
  return (await fetch(fusedMultiplyAdd ? fused : plain)).arrayBuffer();
}
