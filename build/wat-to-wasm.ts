/**
 * A Vite plugin that assembles the WebAssembly text in wasm/ at build time (wabt), in every
 * mode, tests included, so the kernels stay readable text in the repository:
 * - `import base64 from '../../wasm/matmul.wat?wasm'`: the binary as base64, inside the bundle
 *   (the npm builds, tests, the demo and bench pages);
 * - `import url from '../../wasm/matmul.wat?wasm-url'`: the binary written beside the bundle
 *   as matmul.wasm, and its URL resolved from the bundle's own (the CDN engine, whose size
 *   budget has no room for it; fetched on first use as the data sets are).
 *
 * @example
 * plugins: [watToWasm()] // then `import matmul from '../../wasm/matmul.wat?wasm'`
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import wabtInit from 'wabt';
import type { Plugin } from 'vite';

/** The binary of a WebAssembly text module; SIMD on, names dropped. */
export async function assembleWat(name: string, text: string): Promise<Uint8Array> {
  const wabt = await wabtInit();
  const module = wabt.parseWat(name, text, { simd: true });
  try {
    module.validate();
    return module.toBinary({ write_debug_names: false }).buffer;
  } finally {
    module.destroy();
  }
}

export function watToWasm(): Plugin {
  let serving = false;
  return {
    name: 'wat-to-wasm',
    enforce: 'pre',
    configResolved(config) {
      serving = config.command === 'serve';
    },
    async load(id) {
      const [file, query] = id.split('?');
      if (!file.endsWith('.wat') || (query !== 'wasm' && query !== 'wasm-url')) return null;
      this.addWatchFile(file);
      const binary = await assembleWat(file, readFileSync(file, 'utf8'));
      const base64 = Buffer.from(binary).toString('base64');
      if (query === 'wasm') return `export default ${JSON.stringify(base64)};`;
      if (serving) return `export default ${JSON.stringify(`data:application/wasm;base64,${base64}`)};`;
      const fileName = basename(file).replace(/\.wat$/, '.wasm');
      this.emitFile({ type: 'asset', fileName, source: binary });
      return `export default new URL(${JSON.stringify(`./${fileName}`)}, import.meta.url).href;`;
    },
  };
}
