/**
 * TF.js 4.x as a contender, on its `webgpu`, `cpu` or `wasm` (XNNPACK) backend, written the way its docs
 * recommend: variables, an optimizer's minimize(), losses kept as tensors and read once.
 * Adam here has no decoupled weight decay (TF.js has none); everything else matches.
 */
import * as tf from '@tensorflow/tfjs-core';
// tfjs-core alone registers no gradients; the full tfjs package would do this.
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-webgpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
// The backend's binaries, served from the bench's own build (Vite copies them as assets).
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import type { PreparedData } from '../src/train/data/prepare';
import { median, type LineData, type Timing } from './workloads';

export type TfKind = 'webgpu' | 'cpu' | 'wasm';

/** Switches TF.js to `kind` and says which backend runs, and for wasm whether SIMD and threads are on. */
export async function useTfBackend(kind: TfKind): Promise<string> {
  if (kind === 'wasm') setWasmPaths({ 'tfjs-backend-wasm.wasm': wasmPlain, 'tfjs-backend-wasm-simd.wasm': wasmSimd, 'tfjs-backend-wasm-threaded-simd.wasm': wasmThreaded });
  await tf.setBackend(kind);
  await tf.ready();
  if (tf.getBackend() !== 'wasm') return tf.getBackend();
  // Pages are not cross-origin isolated, as a course page is not: one thread.
  const [simd, threads] = await Promise.all([tf.env().getAsync('WASM_HAS_SIMD_SUPPORT'), tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT')]);
  return `wasm (SIMD ${simd ? 'on' : 'off'}, threads ${threads ? 'on' : 'off'})`;
}

/** The lesson-2 line: `steps` full-batch SGD steps at lr 0.1 over the data's rows (100 steps of 100 rows in the main bench). */
export async function tfLine(data: LineData, steps = 100): Promise<Timing> {
  const start = performance.now();
  const rows = data.y.length;
  const x = tf.tensor2d(data.x, [rows, 2]);
  const y = tf.tensor2d(data.y, [rows, 1]);
  const a = tf.variable(tf.tensor2d([-1, 1], [2, 1]));
  const optimizer = tf.train.sgd(0.1);
  const losses: tf.Scalar[] = [];
  for (let step = 0; step < steps; step++) {
    const loss = optimizer.minimize(() => tf.losses.meanSquaredError(y, tf.matMul(x, a)) as tf.Scalar, true)!;
    losses.push(loss);
  }
  const history = await tf.stack(losses).data();
  const ms = performance.now() - start;
  const [pa, pb] = await a.data();
  tf.dispose([x, y, a, ...losses]);
  optimizer.dispose();
  return { ms, result: { a: pa!, b: pb!, loss: history[steps - 1]! } };
}

function linear(inputs: number, outputs: number): { w: tf.Variable; b: tf.Variable } {
  const bound = 1 / Math.sqrt(inputs);
  return { w: tf.variable(tf.randomUniform([inputs, outputs], -bound, bound, 'float32', 1)), b: tf.variable(tf.randomUniform([outputs], -bound, bound, 'float32', 2)) };
}

export async function tfDigits(data: PreparedData): Promise<Timing> {
  return tfMlp(data, 128, 64, 5);
}

/** A 64-`hidden`-10 ReLU MLP (the digits' shape), Adam 3e-3, `batch` rows a step, `epochs` epochs, one readback an epoch. */
export async function tfMlp(data: PreparedData, hidden: number, batch: number, epochs: number): Promise<Timing> {
  const start = performance.now();
  const train = { x: tf.tensor2d(data.train.features, [data.train.rows, 64]), y: tf.oneHot(tf.tensor1d(data.train.labels, 'int32'), 10) };
  const valid = { x: tf.tensor2d(data.valid.features, [data.valid.rows, 64]), y: tf.oneHot(tf.tensor1d(data.valid.labels, 'int32'), 10) };
  const l1 = linear(64, hidden);
  const l2 = linear(hidden, 10);
  const forward = (x: tf.Tensor2D) => tf.add(tf.matMul(tf.relu(tf.add(tf.matMul(x, l1.w), l1.b)), l2.w), l2.b) as tf.Tensor2D;
  const optimizer = tf.train.adam(3e-3, 0.9, 0.99, 1e-8);
  const steps = Math.floor(data.train.rows / batch);
  const validLosses: tf.Scalar[] = [];
  let errorRate = 0;
  for (let epoch = 0; epoch < epochs; epoch++) {
    const order = tf.util.createShuffledIndices(data.train.rows);
    const epochLosses: tf.Scalar[] = [];
    for (let s = 0; s < steps; s++) {
      const idx = tf.tensor1d(Int32Array.from(order.slice(s * batch, (s + 1) * batch)), 'int32');
      const loss = optimizer.minimize(() => tf.losses.softmaxCrossEntropy(tf.gather(train.y, idx), forward(tf.gather(train.x, idx) as tf.Tensor2D)) as tf.Scalar, true)!;
      epochLosses.push(loss);
      idx.dispose();
    }
    const validLoss = tf.tidy(() => tf.losses.softmaxCrossEntropy(valid.y, forward(valid.x)) as tf.Scalar);
    validLosses.push(validLoss);
    // One readback per epoch, as ours does: the epoch's losses reach the host.
    await tf.stack([...epochLosses, validLoss]).data();
    tf.dispose(epochLosses);
    if (epoch === epochs - 1) {
      // data(), not dataSync(): a synchronous read killed Chromium's GPU process on the webgpu backend.
      const rate = tf.tidy(() => tf.mean(tf.cast(tf.notEqual(tf.argMax(forward(valid.x), 1), tf.argMax(valid.y, 1)), 'float32')));
      errorRate = (await rate.data())[0]!;
      rate.dispose();
    }
  }
  const ms = performance.now() - start;
  const finalValid = (await validLosses[epochs - 1]!.data())[0]!;
  tf.dispose([train.x, train.y, valid.x, valid.y, l1.w, l1.b, l2.w, l2.b, ...validLosses]);
  optimizer.dispose();
  return { ms, result: { validLoss: finalValid, errorRate } };
}

/**
 * The spiral's default run as TF.js trains it: 2-8-8-8-1 ReLU, Adam 0.03, batch 16 (the last
 * partial batch dropped, as fastai does), and after every epoch the validation loss and the
 * class-1 probability on the 100 × 100 grid, read to the host together, as ours are.
 */
export async function tfSpiral(data: PreparedData, grid: Float32Array, epochs = 100): Promise<Timing> {
  const start = performance.now();
  const train = { x: tf.tensor2d(data.train.features, [data.train.rows, 2]), y: tf.tensor2d(data.train.labels, [data.train.rows, 1]) };
  const valid = { x: tf.tensor2d(data.valid.features, [data.valid.rows, 2]), y: tf.tensor2d(data.valid.labels, [data.valid.rows, 1]) };
  const points = tf.tensor2d(grid, [grid.length / 2, 2]);
  const layers = [linear(2, 8), linear(8, 8), linear(8, 8), linear(8, 1)];
  const forward = (x: tf.Tensor2D) =>
    layers.reduce((h, layer, i) => {
      const z = tf.add(tf.matMul(h, layer.w), layer.b) as tf.Tensor2D;
      return i < layers.length - 1 ? tf.relu(z) : z;
    }, x);
  const optimizer = tf.train.adam(0.03, 0.9, 0.99, 1e-8);
  const batch = 16;
  const steps = Math.floor(data.train.rows / batch);
  let validLoss = 0;
  let boundaries = 0;
  for (let epoch = 0; epoch < epochs; epoch++) {
    const order = tf.util.createShuffledIndices(data.train.rows);
    const epochLosses: tf.Scalar[] = [];
    for (let s = 0; s < steps; s++) {
      const idx = tf.tensor1d(Int32Array.from(order.slice(s * batch, (s + 1) * batch)), 'int32');
      epochLosses.push(optimizer.minimize(() => tf.losses.sigmoidCrossEntropy(tf.gather(train.y, idx), forward(tf.gather(train.x, idx) as tf.Tensor2D)) as tf.Scalar, true)!);
      idx.dispose();
    }
    const [losses, probabilities] = tf.tidy(() => [tf.stack([...epochLosses, tf.losses.sigmoidCrossEntropy(valid.y, forward(valid.x)) as tf.Scalar]), tf.sigmoid(forward(points))]);
    const [values] = await Promise.all([losses!.data(), probabilities!.data()]);
    validLoss = values.at(-1)!;
    boundaries++;
    tf.dispose([losses!, probabilities!, ...epochLosses]);
  }
  const ms = performance.now() - start;
  tf.dispose([train.x, train.y, valid.x, valid.y, points, ...layers.flatMap((l) => [l.w, l.b])]);
  optimizer.dispose();
  return { ms, result: { validLoss, boundaries } };
}

/** One evaluation of a 2-8-8-1 tanh net on the grid, to the probabilities on the host (median over `repeats`). */
export async function tfGrid(grid: Float32Array, repeats: number): Promise<Timing> {
  const points = tf.tensor2d(grid, [grid.length / 2, 2]);
  const layers = [linear(2, 8), linear(8, 8), linear(8, 1)];
  const evaluate = () =>
    tf.tidy(() => tf.sigmoid(layers.reduce((h, layer, i) => {
      const z = tf.add(tf.matMul(h, layer.w), layer.b) as tf.Tensor2D;
      return i < layers.length - 1 ? tf.tanh(z) : z;
    }, points as tf.Tensor2D)));
  const warm = evaluate();
  await warm.data();
  warm.dispose();
  const times: number[] = [];
  let mean = 0;
  for (let r = 0; r < repeats; r++) {
    const start = performance.now();
    const probabilities = evaluate();
    const values = await probabilities.data();
    times.push(performance.now() - start);
    mean = Array.from(values as Float32Array).reduce((a, b) => a + b, 0) / values.length;
    probabilities.dispose();
  }
  tf.dispose([points, ...layers.flatMap((l) => [l.w, l.b])]);
  return { ms: median(times), result: { mean } };
}

export async function tfMatmul(n: number, repeats: number): Promise<number> {
  const a = tf.randomUniform([n, n], -1, 1, 'float32', 1) as tf.Tensor2D;
  const b = tf.randomUniform([n, n], -1, 1, 'float32', 2) as tf.Tensor2D;
  const warm = tf.matMul(a, b);
  await warm.data();
  warm.dispose();
  const start = performance.now();
  const outputs: tf.Tensor[] = [];
  for (let r = 0; r < repeats; r++) outputs.push(tf.matMul(a, b));
  await outputs.at(-1)!.data();
  const seconds = (performance.now() - start) / 1000;
  tf.dispose([a, b, ...outputs]);
  return (2 * n ** 3 * repeats) / seconds / 1e9;
}
