/**
 * The WebAssembly product's binaries, inside the bundle: npm builds, tests, the demo and bench
 * pages. The CDN engine swaps this module for matmul-binary-cdn.ts (vite.config.ts).
 *
 * @example
 * const bytes = await matmulBinary(true); // the fused multiply-add build
 */
/// <reference path="../wasm.d.ts" />
import plain from '../../wasm/matmul.wat?wasm';
import fused from '../../wasm/matmul.wat?wasm-fused';

export async function matmulBinary(fusedMultiplyAdd: boolean): Promise<Uint8Array<ArrayBuffer>> {
  const text = atob(fusedMultiplyAdd ? fused : plain);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}
