import { setFlagsFromString } from 'node:v8';
import { beforeAll, describe, expect, it } from 'vitest';
import { registerKernelChecks } from '../checks/run-checks';
import { CpuBackend } from './cpu-backend';
import { loadWasmMatmul } from './wasm-matmul';

// Node 20's V8 has relaxed SIMD behind a flag (Chrome has had it on since 114): on, so that the
// fused build is checked here too.
setFlagsFromString('--experimental-wasm-relaxed-simd');

// Each build must load here: a missing one would be a silent fallback, checking another twice.
for (const build of ['fused', 'plain'] as const) {
  describe(`the CPU backend, its products in WebAssembly SIMD (${build} multiply-adds)`, () => {
    let backend: CpuBackend;
    beforeAll(async () => {
      const product = await loadWasmMatmul([build === 'fused']);
      expect(product, `the ${build} build did not load`).not.toBeNull();
      backend = new CpuBackend(product);
    });
    it('runs its products in WebAssembly', () => {
      expect(backend.description).toBe(build === 'fused' ? 'CPU (WebAssembly relaxed SIMD)' : 'CPU (WebAssembly SIMD)');
    });
    registerKernelChecks(() => backend, { variant: `WebAssembly, ${build}` });
  });
}

describe('the TypeScript twin', () => {
  const backend = new CpuBackend();
  registerKernelChecks(() => backend);
});
