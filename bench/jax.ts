/**
 * jax-js (`@jax-js/jax` 0.1.25) as a contender, on its `webgpu` or `wasm` device, written as
 * its README and its MNIST demo teach: parameters as a tree of arrays, the whole training step
 * (gather, forward, `valueAndGrad`, the update) in one `jit`, arrays passed by ownership
 * (`.ref` where one is used again), losses read once an epoch. `@jax-js/optax` is not on npm,
 * so Adam (fastai's: β 0.9, 0.99, ε 1e-8, bias-corrected, no weight decay, as TF.js's) is
 * written in jax-js inside the jitted step.
 */
import { blockUntilReady, defaultDevice, init, jit, nn, numpy as np, random, tree, valueAndGrad, type Device } from '@jax-js/jax';
import type { PreparedData } from '../src/train/data/prepare';
import type { LineData, Timing } from './workloads';

export type JaxKind = 'webgpu' | 'wasm';

/**
 * Starts jax-js on `kind` alone and makes it the default, and says which device an array made
 * now lives on, from jax-js's own API (Array.device), with whether WebAssembly has threads here.
 */
export async function useJaxDevice(kind: JaxKind): Promise<string> {
  const started = await init(kind);
  if (!started.includes(kind)) throw new Error(`jax-js could not start its ${kind} device (started: ${started.join(', ') || 'none'})`);
  defaultDevice(kind);
  const probe = np.array([1, 2, 3]);
  const device: Device = probe.device;
  probe.dispose();
  // Pages are not cross-origin isolated, as a course page is not: no SharedArrayBuffer, one thread.
  return kind === 'wasm' ? `${device} (threads ${globalThis.crossOriginIsolated === true ? 'on' : 'off'})` : device;
}

const mse = (a: np.Array, x: np.Array, y: np.Array) => np.square(np.matmul(x, a).sub(y)).mean();

// The jitted functions are made once, as a page would: the warm-up runs trace and compile them.
const lineStep = jit((a: np.Array, x: np.Array, y: np.Array) => {
  const [loss, grad] = valueAndGrad(mse)(a.ref, x, y);
  return [a.sub(grad.mul(0.1)), loss];
});

/** The lesson-2 line: `steps` full-batch SGD steps at lr 0.1, a (2 × 1) from (−1, 1), the loss of the last step read. */
export async function jaxLine(data: LineData, steps = 100): Promise<Timing> {
  const start = performance.now();
  const rows = data.y.length;
  const x = np.array(data.x).reshape([rows, 2]);
  const y = np.array(data.y).reshape([rows, 1]);
  let a = np.array(new Float32Array([-1, 1])).reshape([2, 1]);
  const losses: np.Array[] = [];
  for (let s = 0; s < steps; s++) {
    const [next, loss] = lineStep(a, x.ref, y.ref) as [np.Array, np.Array];
    a = next;
    losses.push(loss);
  }
  const history = await np.stack(losses).data();
  const ms = performance.now() - start;
  const [pa, pb] = await a.data();
  x.dispose();
  y.dispose();
  return { ms, result: { a: pa!, b: pb!, loss: history[steps - 1]! } };
}

type Params = { w1: np.Array; b1: np.Array; w2: np.Array; b2: np.Array };

function uniformParams(seed: number, inputs: number, hidden: number, outputs: number): Params {
  const [k1, k2, k3, k4] = random.split(random.key(seed), 4) as unknown as np.Array[];
  const bound = (fanIn: number) => ({ minval: -1 / Math.sqrt(fanIn), maxval: 1 / Math.sqrt(fanIn) });
  return {
    w1: random.uniform(k1!, [inputs, hidden], bound(inputs)),
    b1: random.uniform(k2!, [hidden], bound(inputs)),
    w2: random.uniform(k3!, [hidden, outputs], bound(hidden)),
    b2: random.uniform(k4!, [outputs], bound(hidden)),
  };
}

function logits(p: Params, x: np.Array): np.Array {
  return np.dot(nn.relu(np.dot(x, p.w1).add(p.b1)), p.w2).add(p.b2);
}

/** Mean cross-entropy of the rows' logits against their one-hot labels. */
function crossEntropy(p: Params, x: np.Array, labels: np.Array): np.Array {
  const rows = labels.shape[0]!;
  return nn.logSoftmax(logits(p, x)).mul(nn.oneHot(labels, 10)).sum().mul(-1 / rows);
}

const lr = 3e-3;
// Adam's betas and epsilon, the same for every jax-js contender.
export const [b1, b2, eps] = [0.9, 0.99, 1e-8];

/**
 * Adam's update of every parameter of a tree, inside a jitted step; c1, c2 its bias
 * corrections (disposed here). Shared by the MLP's step and the fashion CNN's.
 *
 * @example
 * // given: const [p, m, v, g, c1, c2]: [Params, Params, Params, Params, np.Array, np.Array]
 * const out = adamUpdate(p, m, v, g, c1, c2, 3e-3); // out.p, out.m, out.v
 */
export function adamUpdate<T extends Record<string, np.Array>>(p: T, m: T, v: T, g: T, c1: np.Array, c2: np.Array, rate: number): { p: T; m: T; v: T } {
  const out = { p: {} as Record<string, np.Array>, m: {} as Record<string, np.Array>, v: {} as Record<string, np.Array> };
  for (const key of Object.keys(g)) {
    const gk = g[key]!;
    out.m[key] = m[key]!.mul(b1).add(gk.ref.mul(1 - b1));
    out.v[key] = v[key]!.mul(b2).add(np.square(gk).mul(1 - b2));
    const mHat = out.m[key]!.ref.mul(c1.ref);
    const vHat = out.v[key]!.ref.mul(c2.ref);
    out.p[key] = p[key]!.sub(mHat.div(np.sqrt(vHat).add(eps)).mul(rate));
  }
  c1.dispose();
  c2.dispose();
  return out as { p: T; m: T; v: T };
}
// One jitted step of the MLP: the batch gathered, the loss and its gradient, Adam's update; c1, c2 its bias corrections.
const mlpStep = jit((p: Params, m: Params, v: Params, x: np.Array, y: np.Array, idx: np.Array, c1: np.Array, c2: np.Array) => {
  const [loss, g] = valueAndGrad(crossEntropy)(tree.ref(p), np.take(x, idx.ref, 0), np.take(y, idx, 0)) as [np.Array, Params];
  const out = adamUpdate(p, m, v, g, c1, c2, lr);
  return [out.p, out.m, out.v, loss];
});
const validLoss = jit((p: Params, x: np.Array, y: np.Array) => crossEntropy(p, x, y));

export async function jaxDigits(data: PreparedData): Promise<Timing> {
  return jaxMlp(data, 128, 64, 5);
}

/** A 64-`hidden`-10 ReLU MLP (the digits' shape), Adam 3e-3, `batch` rows a step, `epochs` epochs, one readback an epoch. */
export async function jaxMlp(data: PreparedData, hidden: number, batch: number, epochs: number, seed = 1): Promise<Timing> {
  const start = performance.now();
  const train = { x: np.array(data.train.features).reshape([data.train.rows, 64]), y: np.array(Int32Array.from(data.train.labels), { dtype: np.int32 }) };
  const valid = { x: np.array(data.valid.features).reshape([data.valid.rows, 64]), y: np.array(Int32Array.from(data.valid.labels), { dtype: np.int32 }) };
  let params = uniformParams(seed, 64, hidden, 10);
  const zeros = () => tree.map((w: np.Array) => np.zerosLike(w), tree.ref(params));
  let moments = { m: zeros(), v: zeros() };
  const steps = Math.floor(data.train.rows / batch);
  let t = 0;
  let lastValid = 0;
  let errorRate = 0;
  for (let epoch = 0; epoch < epochs; epoch++) {
    const order = shuffled(data.train.rows, seed + epoch);
    const losses: np.Array[] = [];
    for (let s = 0; s < steps; s++) {
      t++;
      const idx = np.array(order.subarray(s * batch, (s + 1) * batch), { dtype: np.int32 });
      const [p, m, v, loss] = mlpStep(params, moments.m, moments.v, train.x.ref, train.y.ref, idx, 1 / (1 - b1 ** t), 1 / (1 - b2 ** t)) as [Params, Params, Params, np.Array];
      params = p;
      moments = { m, v };
      losses.push(loss);
    }
    // One readback an epoch, as ours does: the epoch's losses and the validation loss reach the host.
    const values = await np.stack([...losses, validLoss(tree.ref(params), valid.x.ref, valid.y.ref)]).data();
    lastValid = values[values.length - 1]!;
    if (epoch === epochs - 1) {
      const wrong = np.notEqual(np.argmax(logits(tree.ref(params), valid.x.ref), 1), valid.y.ref).astype(np.float32).mean();
      errorRate = (await wrong.data())[0]!;
    }
  }
  const ms = performance.now() - start;
  tree.dispose([params, moments, train, valid]);
  return { ms, result: { validLoss: lastValid, errorRate } };
}

/** A Fisher–Yates order of 0 … n − 1 from a small seeded generator (jax-js's demo shuffles on the host too). */
export function shuffled(n: number, seed: number): Int32Array {
  const order = Int32Array.from({ length: n }, (_, i) => i);
  let state = (seed * 2654435761) >>> 0 || 1;
  for (let i = n - 1; i > 0; i--) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    const j = (state >>> 0) % (i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

/** GFLOP/s of n×n·n×n, timed from the first product to the last one's result on the host, after one untimed product. */
export async function jaxMatmul(n: number, repeats: number): Promise<number> {
  const [ka, kb] = random.split(random.key(n), 2) as unknown as np.Array[];
  const a = random.uniform(ka!, [n, n], { minval: -1, maxval: 1 });
  const b = random.uniform(kb!, [n, n], { minval: -1, maxval: 1 });
  await blockUntilReady([a, b]);
  const warm = np.matmul(a.ref, b.ref);
  await warm.data();
  const start = performance.now();
  const outputs: np.Array[] = [];
  for (let r = 0; r < repeats; r++) outputs.push(np.matmul(a.ref, b.ref));
  await blockUntilReady(outputs);
  await outputs.at(-1)!.ref.data();
  const seconds = (performance.now() - start) / 1000;
  tree.dispose([a, b, ...outputs]);
  return (2 * n ** 3 * repeats) / seconds / 1e9;
}
