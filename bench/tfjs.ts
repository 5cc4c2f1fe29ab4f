/**
 * TF.js 4.x as a contender, on its `webgpu` or `cpu` backend, written the way its docs
 * recommend: variables, an optimizer's minimize(), losses kept as tensors and read once.
 * Adam here has no decoupled weight decay (TF.js has none); everything else matches.
 */
import * as tf from '@tensorflow/tfjs-core';
// tfjs-core alone registers no gradients; the full tfjs package would do this.
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-webgpu';
import type { PreparedData } from '../src/train/data/prepare';
import type { LineData, Timing } from './workloads';

export async function useTfBackend(kind: 'webgpu' | 'cpu'): Promise<string> {
  await tf.setBackend(kind);
  await tf.ready();
  return tf.getBackend();
}

export async function tfLine(data: LineData): Promise<Timing> {
  const start = performance.now();
  const x = tf.tensor2d(data.x, [100, 2]);
  const y = tf.tensor2d(data.y, [100, 1]);
  const a = tf.variable(tf.tensor2d([-1, 1], [2, 1]));
  const optimizer = tf.train.sgd(0.1);
  const losses: tf.Scalar[] = [];
  for (let step = 0; step < 100; step++) {
    const loss = optimizer.minimize(() => tf.losses.meanSquaredError(y, tf.matMul(x, a)) as tf.Scalar, true)!;
    losses.push(loss);
  }
  const history = await tf.stack(losses).data();
  const ms = performance.now() - start;
  const [pa, pb] = await a.data();
  tf.dispose([x, y, a, ...losses]);
  optimizer.dispose();
  return { ms, result: { a: pa!, b: pb!, loss: history[99]! } };
}

function linear(inputs: number, outputs: number): { w: tf.Variable; b: tf.Variable } {
  const bound = 1 / Math.sqrt(inputs);
  return { w: tf.variable(tf.randomUniform([inputs, outputs], -bound, bound, 'float32', 1)), b: tf.variable(tf.randomUniform([outputs], -bound, bound, 'float32', 2)) };
}

export async function tfDigits(data: PreparedData): Promise<Timing> {
  const start = performance.now();
  const train = { x: tf.tensor2d(data.train.features, [data.train.rows, 64]), y: tf.oneHot(tf.tensor1d(data.train.labels, 'int32'), 10) };
  const valid = { x: tf.tensor2d(data.valid.features, [data.valid.rows, 64]), y: tf.oneHot(tf.tensor1d(data.valid.labels, 'int32'), 10) };
  const l1 = linear(64, 128);
  const l2 = linear(128, 10);
  const forward = (x: tf.Tensor2D) => tf.add(tf.matMul(tf.relu(tf.add(tf.matMul(x, l1.w), l1.b)), l2.w), l2.b) as tf.Tensor2D;
  const optimizer = tf.train.adam(3e-3, 0.9, 0.99, 1e-8);
  const batch = 64;
  const steps = Math.floor(data.train.rows / batch);
  const validLosses: tf.Scalar[] = [];
  let errorRate = 0;
  for (let epoch = 0; epoch < 5; epoch++) {
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
    if (epoch === 4) {
      // data(), not dataSync(): a synchronous read killed Chromium's GPU process on the webgpu backend.
      const rate = tf.tidy(() => tf.mean(tf.cast(tf.notEqual(tf.argMax(forward(valid.x), 1), tf.argMax(valid.y, 1)), 'float32')));
      errorRate = (await rate.data())[0]!;
      rate.dispose();
    }
  }
  const ms = performance.now() - start;
  const finalValid = (await validLosses[4]!.data())[0]!;
  tf.dispose([train.x, train.y, valid.x, valid.y, l1.w, l1.b, l2.w, l2.b, ...validLosses]);
  optimizer.dispose();
  return { ms, result: { validLoss: finalValid, errorRate } };
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
