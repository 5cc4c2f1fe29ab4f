/**
 * The fashion epoch and the conv workload for TF.js 4.x, written as its docs teach: tf.conv2d,
 * batch norm from tf.moments, tf.maxPool, variables and optimizer.minimize(), the losses kept
 * as tensors and read once. The network is cnn-small (model/cnn.ts) in TF.js's NHWC order:
 * conv3×3 16 (no bias) – batch norm – ReLU – max-pool 2, the same with 32, then flatten –
 * 64 – ReLU – 10. Batch norm as nn.BatchNorm2d (batch statistics while training, running
 * ones moved by 0.1 and used for validation, ε 1e-5); weights from ±1/√fan-in as PyTorch's
 * and ours; Adam (β 0.9, 0.99, ε 1e-8, no weight decay) at a constant 1e-3. On the wasm backend
 * (4.22) it cannot train: there is no Conv2DBackpropFilter kernel there (tensorflow/tfjs#8474).
 */
import * as tf from '@tensorflow/tfjs-core';
// The op conv2d's gradient calls for the filter; tfjs-core does not export it at the top.
import { conv2DBackpropFilter } from '@tensorflow/tfjs-core/dist/ops/conv2d_backprop_filter';
import type { PreparedImages } from '../src/train/data/fashion';
import { BATCH_NORM_EPS, BATCH_NORM_MOMENTUM } from '../src/backend';
import { CONV_FLOPS, CONV_SHAPE, FASHION_BATCH, type ConvPass, FASHION_LR, fashionSteps, type Timing } from './workloads';

interface ConvBlock {
  w: tf.Variable;
  gamma: tf.Variable;
  beta: tf.Variable;
  runningMean: tf.Variable;
  runningVar: tf.Variable;
}

function convBlock(channelsIn: number, channelsOut: number, seed: number): ConvBlock {
  const bound = 1 / Math.sqrt(channelsIn * 9);
  return {
    w: tf.variable(tf.randomUniform([3, 3, channelsIn, channelsOut], -bound, bound, 'float32', seed)),
    gamma: tf.variable(tf.ones([channelsOut])),
    beta: tf.variable(tf.zeros([channelsOut])),
    runningMean: tf.variable(tf.zeros([channelsOut]), false),
    runningVar: tf.variable(tf.ones([channelsOut]), false),
  };
}

function linear(inputs: number, outputs: number, seed: number): { w: tf.Variable; b: tf.Variable } {
  const bound = 1 / Math.sqrt(inputs);
  return { w: tf.variable(tf.randomUniform([inputs, outputs], -bound, bound, 'float32', seed)), b: tf.variable(tf.randomUniform([outputs], -bound, bound, 'float32', seed + 1)) };
}

/** conv – batch norm – ReLU – max-pool; while training, the running statistics move towards the batch's (the variance unbiased, as PyTorch's). */
function forwardBlock(x: tf.Tensor4D, b: ConvBlock, training: boolean): tf.Tensor4D {
  const z = tf.conv2d(x, b.w as tf.Tensor4D, 1, 'same');
  let normalised: tf.Tensor4D;
  if (training) {
    const { mean, variance } = tf.moments(z, [0, 1, 2]);
    const values = z.shape[0] * z.shape[1] * z.shape[2];
    tf.tidy(() => {
      b.runningMean.assign(tf.add(tf.mul(b.runningMean, 1 - BATCH_NORM_MOMENTUM), tf.mul(mean, BATCH_NORM_MOMENTUM)));
      b.runningVar.assign(tf.add(tf.mul(b.runningVar, 1 - BATCH_NORM_MOMENTUM), tf.mul(variance, (BATCH_NORM_MOMENTUM * values) / (values - 1))));
    });
    normalised = tf.batchNorm4d(z, mean as tf.Tensor1D, variance as tf.Tensor1D, b.beta as tf.Tensor1D, b.gamma as tf.Tensor1D, BATCH_NORM_EPS);
  } else {
    normalised = tf.batchNorm4d(z, b.runningMean as tf.Tensor1D, b.runningVar as tf.Tensor1D, b.beta as tf.Tensor1D, b.gamma as tf.Tensor1D, BATCH_NORM_EPS);
  }
  return tf.maxPool(tf.relu(normalised), 2, 2, 'valid');
}

/**
 * One fashion epoch: `steps` of Adam on batches of 64 drawn in a shuffled order (all of the
 * epoch's by default; fewer to time a part of it), then the validation loss and error on the
 * 1,000 photos, read back with the steps' losses once. For a part of an epoch, `stepsMs` is
 * the steps' share of `ms` (to the last step's loss on the host), so that it can be scaled.
 */
export async function tfFashion(data: PreparedImages, steps = fashionSteps(data.train.rows)): Promise<Timing> {
  const start = performance.now();
  const { height, width } = data.imageShape;
  const train = { x: tf.tensor4d(data.train.features, [data.train.rows, height, width, 1]), y: tf.oneHot(tf.tensor1d(data.train.labels, 'int32'), 10) };
  const valid = { x: tf.tensor4d(data.valid.features, [data.valid.rows, height, width, 1]), y: tf.oneHot(tf.tensor1d(data.valid.labels, 'int32'), 10) };
  const blocks = [convBlock(1, 16, 1), convBlock(16, 32, 3)];
  const flat = 32 * (height / 4) * (width / 4);
  const fc = [linear(flat, 64, 5), linear(64, 10, 7)];
  const forward = (x: tf.Tensor4D, training: boolean) => {
    const features = blocks.reduce((h, b) => forwardBlock(h, b, training), x);
    const hidden = tf.relu(tf.add(tf.matMul(tf.reshape(features, [x.shape[0], flat]), fc[0]!.w), fc[0]!.b));
    return tf.add(tf.matMul(hidden, fc[1]!.w), fc[1]!.b) as tf.Tensor2D;
  };
  const optimizer = tf.train.adam(FASHION_LR, 0.9, 0.99, 1e-8);
  const batch = Math.min(FASHION_BATCH, data.train.rows);
  const order = tf.util.createShuffledIndices(data.train.rows);
  const losses: tf.Scalar[] = [];
  for (let s = 0; s < steps; s++) {
    const idx = tf.tensor1d(Int32Array.from(order.slice(s * batch, (s + 1) * batch)), 'int32');
    losses.push(optimizer.minimize(() => tf.losses.softmaxCrossEntropy(tf.gather(train.y, idx), forward(tf.gather(train.x, idx) as tf.Tensor4D, true)) as tf.Scalar, true)!);
    idx.dispose();
  }
  // A part of an epoch (to be scaled to the whole) waits here for its steps' end, which the
  // last loss's value does; a whole epoch reads back once, at its end.
  const part: { stepsMs?: number } = {};
  if (steps < fashionSteps(data.train.rows)) {
    await losses.at(-1)!.data();
    part.stepsMs = performance.now() - start;
  }
  const [validLoss, errorRate] = tf.tidy(() => {
    const logits = forward(valid.x, false);
    return [tf.losses.softmaxCrossEntropy(valid.y, logits) as tf.Scalar, tf.mean(tf.cast(tf.notEqual(tf.argMax(logits, 1), tf.argMax(valid.y, 1)), 'float32'))];
  });
  // data(), not dataSync(): a synchronous read killed Chromium's GPU process on the webgpu backend.
  const values = await tf.stack([...losses, validLoss!, errorRate!]).data();
  const ms = performance.now() - start;
  const trainLoss = Array.from(values.subarray(0, steps)).reduce((a, b) => a + b, 0) / steps;
  tf.dispose([train.x, train.y, valid.x, valid.y, validLoss!, errorRate!, ...losses, ...blocks.flatMap((b) => Object.values(b)), ...fc.flatMap((l) => [l.w, l.b])]);
  optimizer.dispose();
  return { ms, result: { steps, ...part, trainLoss, validLoss: values[steps]!, errorRate: values[steps + 1]! } };
}

/** GFLOP/s of tf.conv2d's forward or either backward kernel on CONV_SHAPE (NHWC), `repeats` timed to the last one's values. */
export async function tfConv(pass: ConvPass, repeats: number): Promise<number> {
  const { batch, channelsIn, channelsOut, height, width } = CONV_SHAPE;
  const x = tf.randomUniform([batch, height, width, channelsIn], -1, 1, 'float32', 1) as tf.Tensor4D;
  const w = tf.randomUniform([3, 3, channelsIn, channelsOut], -1, 1, 'float32', 2) as tf.Tensor4D;
  const dy = tf.randomUniform([batch, height, width, channelsOut], -1, 1, 'float32', 3) as tf.Tensor4D;
  const run = () =>
    pass === 'forward' ? tf.conv2d(x, w, 1, 'same')
      : pass === 'input grad' ? tf.conv2dTranspose(dy, w, [batch, height, width, channelsIn], 1, 'same')
      : conv2DBackpropFilter(x, dy, w.shape, 1, 'same');
  const warm = run();
  await warm.data();
  warm.dispose();
  const start = performance.now();
  const outputs: tf.Tensor[] = [];
  for (let r = 0; r < repeats; r++) outputs.push(run());
  await outputs.at(-1)!.data();
  const seconds = (performance.now() - start) / 1000;
  tf.dispose([x, w, dy, ...outputs]);
  return (CONV_FLOPS * repeats) / seconds / 1e9;
}
