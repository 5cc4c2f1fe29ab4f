/**
 * A Vite plugin that assembles the WebAssembly text in wasm/ at build time (wabt), in every
 * mode, tests included, so the kernels stay readable text in the repository:
 * - `import base64 from '../../wasm/matmul.wat?wasm'`: the binary as base64, inside the bundle
 *   (the npm builds, tests, the demo and bench pages);
 * - `import url from '../../wasm/matmul.wat?wasm-url'`: the binary written beside the bundle
 *   as matmul.wasm, and its URL (a URL object) resolved from the bundle's own (the CDN engine,
 *   whose size budget has no room for it; fetched on first use as the data sets are);
 * - `?wasm-fused`, `?wasm-fused-url`: the same with every multiply-add fused (fuseMultiplyAdds),
 *   for browsers with relaxed SIMD; written as matmul-fused.wasm.
 *
 * @example
 * plugins: [watToWasm()] // then `import matmul from '../../wasm/matmul.wat?wasm'`
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import wabtInit from 'wabt';
import type { Plugin } from 'vite';

/** The binary of a WebAssembly text module; SIMD and relaxed SIMD allowed, names dropped. */
export async function assembleWat(name: string, text: string): Promise<Uint8Array> {
  const wabt = await wabtInit();
  const module = wabt.parseWat(name, text, { simd: true, relaxed_simd: true });
  try {
    module.validate();
    return module.toBinary({ write_debug_names: false }).buffer;
  } finally {
    module.destroy();
  }
}

/**
 * The text with each `(f32x4.add (local.get $acc) (f32x4.mul (local.get $x) (local.get $y)))`
 * made one `f32x4.relaxed_madd`: a fused multiply-add where the hardware has one (x86 FMA, ARM
 * NEON), half the arithmetic instructions of the product's inner loop. Relaxed: it may round
 * once or twice, as the machine does, so results can differ by an ulp between machines.
 */
export function fuseMultiplyAdds(text: string): string {
  let count = 0;
  const fused = text.replace(/\(f32x4\.add \(local\.get (\$\w+)\) \(f32x4\.mul \(local\.get (\$\w+)\) \(local\.get (\$\w+)\)\)\)/g, (_, acc, x, y) => {
    count++;
    return `(f32x4.relaxed_madd (local.get ${x}) (local.get ${y}) (local.get ${acc}))`;
  });
  if (count === 0) throw new Error('fuseMultiplyAdds: no multiply-add to fuse');
  return fused;
}

const QUERIES = ['wasm', 'wasm-url', 'wasm-fused', 'wasm-fused-url'];

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
      if (!file.endsWith('.wat') || !QUERIES.includes(query)) return null;
      this.addWatchFile(file);
      const fused = query.startsWith('wasm-fused');
      const text = readFileSync(file, 'utf8');
      const binary = await assembleWat(file, fused ? fuseMultiplyAdds(text) : text);
      const base64 = Buffer.from(binary).toString('base64');
      if (!query.endsWith('-url')) return `export default ${JSON.stringify(base64)};`;
      if (serving) return `export default new URL(${JSON.stringify(`data:application/wasm;base64,${base64}`)});`;
      const fileName = basename(file).replace(/\.wat$/, fused ? '-fused.wasm' : '.wasm');
      this.emitFile({ type: 'asset', fileName, source: binary });
      return `export default new URL(${JSON.stringify(`./${fileName}`)}, import.meta.url);`;
    },
  };
}
