/**
 * The CPU backend's matrix product in WebAssembly with SIMD (wasm/matmul.wat): a 4 × 8
 * register block over packed operands, with the bias, the accumulation and relu fused into
 * its epilogue, and its multiply-adds fused too where the browser has relaxed SIMD. The operands are copied into the module's memory for each product: a copy is
 * O(m·k + k·n + m·n) against the product's O(m·n·k), and it leaves the backend's tensors
 * plain Float32Arrays. Where WebAssembly SIMD is missing (Safari before 16.4) or not allowed
 * (a Content-Security-Policy without 'wasm-unsafe-eval'), loadWasmMatmul gives null and the
 * backend keeps its TypeScript loop.
 *
 * @example
 * const [a, b, c] = [new Float32Array(2 * 4), new Float32Array(4 * 3), new Float32Array(2 * 3)];
 * const product = await loadWasmMatmul();
 * product?.run(a, b, c, { m: 2, n: 3, k: 4 }); // c (2 × 3) = a (2 × 4) · b (4 × 3)
 */
import { activate } from './activation';
import { matmulBinary } from './matmul-binary';
import type { MatmulShape } from '../backend';

interface MatmulExports {
  memory: WebAssembly.Memory;
  /** Grows the memory to at least `bytes`. */
  reserve(bytes: number): void;
  product(m: number, n: number, k: number, flags: number): void;
}

/** One product's shape: the backend's MatmulShape for one model, its operands given apart. */
export type ProductShape = Omit<MatmulShape, 'bias' | 'batch'>;

/** Where the operands go in the module's memory, one after another, in floats. */
const OPERANDS = 16;

export class WasmMatmul {
  /** fused: the build whose multiply-adds are fused (relaxed SIMD), where the browser has it. */
  constructor(
    private readonly kernels: MatmulExports,
    readonly fused: boolean,
  ) {}

  /**
   * out[m × n] = act(A·B [+ out] [+ bias]), A m × k (or k × m with transA), B k × n (or
   * n × k with transB), each operand the start of the array given; bias has n values, if any.
   */
  run(a: Float32Array, b: Float32Array, out: Float32Array, shape: ProductShape, bias?: Float32Array): void {
    const { m, n, k, transA, transB, activation, accumulate } = shape;
    const memory = this.kernels.memory;
    this.kernels.reserve(4 * (OPERANDS + m * k + k * n + m * n + n));
    let f = new Float32Array(memory.buffer);
    const c = OPERANDS + m * k + k * n;
    f.set(a.subarray(0, m * k), OPERANDS);
    f.set(b.subarray(0, k * n), OPERANDS + m * k);
    if (accumulate) f.set(out.subarray(0, m * n), c);
    if (bias) f.set(bias.subarray(0, n), c + m * n);
    // product()'s flags (wasm/matmul.wat): accumulate 1, relu 2, Aᵀ 4, Bᵀ 8, bias 16.
    this.kernels.product(m, n, k, (accumulate ? 1 : 0) | (activation === 'relu' ? 2 : 0) | (transA ? 4 : 0) | (transB ? 8 : 0) | (bias ? 16 : 0));
    f = new Float32Array(memory.buffer); // the product may have grown the memory
    out.set(f.subarray(c, c + m * n));
    // tanh and sigmoid (the planar scenarios' small networks) stay in TypeScript: WebAssembly has no exp.
    if (activation === 'tanh' || activation === 'sigmoid') {
      for (let i = 0; i < m * n; i++) out[i] = activate(activation, out[i]!);
    }
  }
}

/**
 * The product with fused multiply-adds where the browser has relaxed SIMD (Chrome 114+), else
 * with plain SIMD (Firefox, Safari 16.4+), else null (the builds tried in the order given: true
 * is the fused one): no WebAssembly or SIMD, blocked by a
 * Content-Security-Policy, or the binary not fetched.
 */
export async function loadWasmMatmul(fusedFirst: readonly boolean[] = [true, false]): Promise<WasmMatmul | null> {
  for (const fused of fusedFirst) {
    try {
      const { instance } = await WebAssembly.instantiate(await matmulBinary(fused));
      return new WasmMatmul(instance.exports as unknown as MatmulExports, fused);
    } catch {
      // The next build down.
    }
  }
  return null;
}
