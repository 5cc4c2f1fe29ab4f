/** Our engine as a contender: training through createEngine, matmul on the raw backends. */
import type { Backend } from '../src/backend';
import { CpuBackend } from '../src/cpu/cpu-backend';
import { acquireDevice } from '../src/gpu/device';
import { GpuBackend } from '../src/gpu/gpu-backend';
import { createEngine, type Engine } from '../src/train/engine';
import { DIGITS_CONFIG, LINE_CONFIG, type Timing } from './workloads';

export async function ourEngine(kind: 'webgpu' | 'cpu'): Promise<Engine> {
  return createEngine({ backend: kind });
}

export async function ourLine(engine: Engine): Promise<Timing> {
  const start = performance.now();
  let lastEpoch = start;
  const result = await engine.train(LINE_CONFIG, { whatIf: false, onEpoch: () => (lastEpoch = performance.now()) });
  const [a, b] = result.params!;
  return { ms: lastEpoch - start, result: { a: a!, b: b!, loss: result.history.at(-1)!.trainLoss } };
}

export async function ourDigits(engine: Engine): Promise<Timing> {
  const start = performance.now();
  let lastEpoch = start;
  const result = await engine.train(DIGITS_CONFIG, { whatIf: false, onEpoch: () => (lastEpoch = performance.now()) });
  const last = result.history.at(-1)!;
  return { ms: lastEpoch - start, result: { validLoss: last.validLoss, errorRate: last.errorRate! } };
}

export async function ourBackend(kind: 'webgpu' | 'cpu'): Promise<Backend> {
  if (kind === 'cpu') return new CpuBackend();
  const { device, description } = await acquireDevice();
  return new GpuBackend(device, description);
}

/** GFLOP/s of n×n·n×n, timed from the first dispatch to the result on the host. */
export async function ourMatmul(backend: Backend, n: number, repeats: number): Promise<number> {
  const a = backend.tensor(n * n, 'a');
  const b = backend.tensor(n * n, 'b');
  const c = backend.tensor(n * n, 'c');
  backend.uniform({ tensor: a, offset: 0, stride: 1, count: n * n }, -1, 1, { seed: 1, stream: 0, counter: 0 });
  backend.uniform({ tensor: b, offset: 0, stride: 1, count: n * n }, -1, 1, { seed: 2, stream: 0, counter: 0 });
  backend.matmul(a, b, c, { m: n, n, k: n });
  await backend.readRanges([{ tensor: c, offset: 0, length: 1 }]);
  const start = performance.now();
  for (let r = 0; r < repeats; r++) backend.matmul(a, b, c, { m: n, n, k: n });
  await backend.readRanges([{ tensor: c, offset: 0, length: 1 }]);
  const seconds = (performance.now() - start) / 1000;
  for (const t of [a, b, c]) backend.release(t);
  return (2 * n ** 3 * repeats) / seconds / 1e9;
}
