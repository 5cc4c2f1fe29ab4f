/**
 * The WebAssembly product's binary for the CDN engine: dist/matmul.wasm, fetched from beside
 * dist/engine.js on first use (the engine's size budget has no room for it inline).
 *
 * @example
 * const bytes = await matmulBinary();
 */
/// <reference path="../wasm.d.ts" />
import url from '../../wasm/matmul.wat?wasm-url';

// A failed fetch (an error page) fails to compile, and the backend keeps its TypeScript loop.
export async function matmulBinary(): Promise<ArrayBuffer> {
  return (await fetch(url)).arrayBuffer();
}
