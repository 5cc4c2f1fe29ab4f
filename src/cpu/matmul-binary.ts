/**
 * The WebAssembly product's binary, inside the bundle: npm builds, tests, the demo and bench
 * pages. The CDN engine swaps this module for matmul-binary-cdn.ts (vite.config.ts).
 *
 * @example
 * const bytes = await matmulBinary();
 */
/// <reference path="../wasm.d.ts" />
import base64 from '../../wasm/matmul.wat?wasm';

export async function matmulBinary(): Promise<Uint8Array<ArrayBuffer>> {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}
