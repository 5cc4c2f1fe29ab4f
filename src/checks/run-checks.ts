/**
 * Registers the kernel-check table as Vitest tests for one backend, and prints the tally line
 * CI logs show: `kernel checks: N passed on webgpu (adapter)`.
 */
import { afterAll, expect, it } from 'vitest';
import type { Backend } from '../backend';
import { TestRandom, TOLERANCE } from './check-kit';
import { kernelChecks } from './kernel-checks';

export interface CheckLog {
  kernel: string;
  name: string;
  relativeError: number;
}

export interface CheckOptions {
  /** Only the checks of these kernels. */
  kernels?: string[];
  /** Run before each check: forcing a kernel variant, say. */
  before?: (backend: Backend) => void;
  /** Printed in the tally line: "(tiled matmul)". */
  variant?: string;
}

/**
 * A check's own seed: the run's plus a hash of its name (FNV-1a), so TP_CHECK_SEED replays a
 * failing check alone, whichever checks ran or passed before it.
 */
function checkSeed(seed: number, name: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) hash = Math.imul(hash ^ name.charCodeAt(i), 0x01000193);
  return (seed + hash) >>> 0;
}

export function registerKernelChecks(getBackend: () => Backend, options: CheckOptions = {}): void {
  // A fresh seed each run, printed on failure so the inputs can be replayed.
  const seed = Number(process.env.TP_CHECK_SEED ?? Date.now() % 2 ** 31);
  const passed: CheckLog[] = [];

  const checks = kernelChecks().filter((check) => !options.kernels || options.kernels.includes(check.kernel));
  const names = new Set(checks.map((check) => check.name));
  if (names.size !== checks.length) throw new Error('Two kernel checks share a name, and with it their seed: name each apart.');
  for (const check of checks) {
    it(`${check.name} matches its float64 reference`, async () => {
      options.before?.(getBackend());
      const result = await check.run(getBackend(), new TestRandom(checkSeed(seed, check.name)));
      const where = `(TP_CHECK_SEED=${seed}, error ${result.relativeError.toExponential(2)})`;
      expect(result.badElements, `unwritten or non-finite elements ${where}`).toBe(0);
      expect(result.relativeError, `relative error ${where}`).toBeLessThan(check.tolerance ?? TOLERANCE);
      passed.push({ kernel: check.kernel, name: check.name, relativeError: result.relativeError });
    });
  }

  afterAll(() => {
    const backend = getBackend();
    const worst = new Map<string, number>();
    for (const log of passed) worst.set(log.kernel, Math.max(worst.get(log.kernel) ?? 0, log.relativeError));
    const table = [...worst].map(([kernel, error]) => `  ${kernel.padEnd(24)} worst relative error ${error.toExponential(2)}`);
    const variant = options.variant ? `, ${options.variant}` : '';
    console.log(`${table.join('\n')}\nkernel checks: ${passed.length} passed on ${backend.kind} (${backend.description}${variant})`);
  });
}
