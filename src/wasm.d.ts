/** wasm/*.wat assembled at build time (build/wat-to-wasm.ts): the binary as base64 … */
declare module '*.wat?wasm' {
  const base64: string;
  export default base64;
}

/** … with its multiply-adds fused (relaxed SIMD) … */
declare module '*.wat?wasm-fused' {
  const base64: string;
  export default base64;
}

/** … or written beside the bundle, and its URL. */
declare module '*.wat?wasm-url' {
  const url: URL;
  export default url;
}

declare module '*.wat?wasm-fused-url' {
  const url: URL;
  export default url;
}
