/**
 * The fashion epoch for jax-js (`@jax-js/jax` 0.1.25), written as jax.ts writes the digits: the
 * parameters a tree, the whole step (gather, forward, `valueAndGrad`, Adam) in one `jit`, arrays
 * passed by ownership (`.ref` where one is used again). The network is cnn-small
 * (model/cnn.ts) in jax's NCHW order: `lax.conv` 3×3 'SAME' 16 (no bias) – batch norm – ReLU –
 * max-pool 2, the same with 32, flatten – 64 – ReLU – 10. Batch norm as nn.BatchNorm2d: the
 * batch's statistics while training, returned beside the loss (`hasAux`) to move the running
 * ones by 0.1, which the validation pass uses; ε 1e-5. Max-pool as a reshape to 2 × 2 windows
 * and a max over them (jax-js has no max_pool; its reduceWindow takes a computation per window).
 * Adam (β 0.9, 0.99, ε 1e-8, no weight decay) at a constant 1e-3, as in jax.ts.
 */
import { blockUntilReady, jit, lax, nn, numpy as np, random, tree, valueAndGrad } from '@jax-js/jax';
import type { PreparedImages } from '../src/train/data/fashion';
import { adamUpdate, b1, b2, shuffled } from './jax';
import { BATCH_NORM_EPS, BATCH_NORM_MOMENTUM } from '../src/backend';
import { CONV_FLOPS, CONV_SHAPE, FASHION_BATCH, FASHION_LR, fashionSteps, type Timing } from './workloads';

type CnnParams = { conv1: np.Array; gamma1: np.Array; beta1: np.Array; conv2: np.Array; gamma2: np.Array; beta2: np.Array; w3: np.Array; b3: np.Array; w4: np.Array; b4: np.Array };
/** Each batch norm's running mean and (unbiased) variance. */
type RunningStats = { mean1: np.Array; var1: np.Array; mean2: np.Array; var2: np.Array };

function initialParams(seed: number, flat: number): CnnParams {
  // An array of six keys, taken apart by iterating over its first axis.
  const keys = [...(random.split(random.key(seed), 6) as unknown as Iterable<np.Array>)];
  const uniform = (key: number, shape: number[], fanIn: number) => random.uniform(keys[key]!, shape, { minval: -1 / Math.sqrt(fanIn), maxval: 1 / Math.sqrt(fanIn) });
  return {
    conv1: uniform(0, [16, 1, 3, 3], 9),
    gamma1: np.ones([16]),
    beta1: np.zeros([16]),
    conv2: uniform(1, [32, 16, 3, 3], 16 * 9),
    gamma2: np.ones([32]),
    beta2: np.zeros([32]),
    w3: uniform(2, [flat, 64], flat),
    b3: uniform(3, [64], flat),
    w4: uniform(4, [64, 10], 64),
    b4: uniform(5, [10], 64),
  };
}

/** F.max_pool2d(x, 2) on NCHW with even sides: each 2 × 2 window's largest value. */
function maxPool(x: np.Array): np.Array {
  const [n, c, h, w] = x.shape as [number, number, number, number];
  return np.max(x.reshape([n, c, h / 2, 2, w / 2, 2]), [3, 5]);
}

const perChannel = (v: np.Array) => v.reshape([1, v.shape[0]!, 1, 1]);

/** conv – batch norm on the batch's statistics – ReLU – max-pool, and the statistics (mean, biased variance). */
function trainBlock(x: np.Array, w: np.Array, gamma: np.Array, beta: np.Array): [np.Array, np.Array, np.Array] {
  const z = lax.conv(x, w, [1, 1], 'SAME');
  const mean = np.mean(z.ref, [0, 2, 3], { keepdims: true });
  const centred = z.sub(mean.ref);
  const variance = np.mean(np.square(centred.ref), [0, 2, 3], { keepdims: true });
  const normalised = centred.div(np.sqrt(variance.ref.add(BATCH_NORM_EPS)));
  const out = maxPool(nn.relu(normalised.mul(perChannel(gamma)).add(perChannel(beta))));
  return [out, mean.reshape([-1]), variance.reshape([-1])];
}

/** The same block in evaluation: normalised with the running statistics. */
function evalBlock(x: np.Array, w: np.Array, gamma: np.Array, beta: np.Array, mean: np.Array, variance: np.Array): np.Array {
  const scale = gamma.div(np.sqrt(variance.add(BATCH_NORM_EPS)));
  const shift = beta.sub(mean.mul(scale.ref));
  return maxPool(nn.relu(lax.conv(x, w, [1, 1], 'SAME').mul(perChannel(scale)).add(perChannel(shift))));
}

function head(p: Pick<CnnParams, 'w3' | 'b3' | 'w4' | 'b4'>, features: np.Array): np.Array {
  const flat = features.reshape([features.shape[0]!, -1]);
  return np.dot(nn.relu(np.dot(flat, p.w3).add(p.b3)), p.w4).add(p.b4);
}

const meanCrossEntropy = (logits: np.Array, labels: np.Array) => {
  const rows = labels.shape[0]!;
  return nn.logSoftmax(logits).mul(nn.oneHot(labels, 10)).sum().mul(-1 / rows);
};

/** The batch's loss, and its batch norms' statistics as the auxiliary output. */
function trainLoss(p: CnnParams, x: np.Array, labels: np.Array): [np.Array, RunningStats] {
  const [h1, mean1, var1] = trainBlock(x, p.conv1, p.gamma1, p.beta1);
  const [h2, mean2, var2] = trainBlock(h1, p.conv2, p.gamma2, p.beta2);
  return [meanCrossEntropy(head(p, h2), labels), { mean1, var1, mean2, var2 }];
}

function evalLogits(p: CnnParams, s: RunningStats, x: np.Array): np.Array {
  const h1 = evalBlock(x, p.conv1, p.gamma1, p.beta1, s.mean1, s.var1);
  return head(p, evalBlock(h1, p.conv2, p.gamma2, p.beta2, s.mean2, s.var2));
}

// One jitted step: the batch gathered, the loss and its gradient, Adam's update (c1, c2 its bias
// corrections), and the running statistics moved (the variance made unbiased, as PyTorch's).
const cnnStep = jit((p: CnnParams, m: CnnParams, v: CnnParams, s: RunningStats, x: np.Array, y: np.Array, idx: np.Array, c1: np.Array, c2: np.Array) => {
  const rows = idx.shape[0]!;
  const [[loss, batch], g] = valueAndGrad(trainLoss, { hasAux: true })(tree.ref(p), np.take(x, idx.ref, 0), np.take(y, idx, 0)) as unknown as [[np.Array, RunningStats], CnnParams];
  const out = adamUpdate(p, m, v, g, c1, c2, FASHION_LR);
  const move = (running: np.Array, value: np.Array) => running.mul(1 - BATCH_NORM_MOMENTUM).add(value.mul(BATCH_NORM_MOMENTUM));
  // Values a channel: the batch's pixels, 28 × 28 in the first block, 14 × 14 in the second.
  const [n1, n2] = [rows * 28 * 28, rows * 14 * 14];
  const running: RunningStats = {
    mean1: move(s.mean1, batch.mean1),
    var1: move(s.var1, batch.var1.mul(n1 / (n1 - 1))),
    mean2: move(s.mean2, batch.mean2),
    var2: move(s.var2, batch.var2.mul(n2 / (n2 - 1))),
  };
  return [out.p, out.m, out.v, running, loss];
});

const cnnValid = jit((p: CnnParams, s: RunningStats, x: np.Array, y: np.Array) => {
  const logits = evalLogits(p, s, x);
  const wrong = np.notEqual(np.argmax(logits.ref, 1), y.ref).astype(np.float32).mean();
  return [meanCrossEntropy(logits, y), wrong];
});

/**
 * One fashion epoch: `steps` jitted steps on batches of 64 in a shuffled order (all of the
 * epoch's by default), then the validation loss and error on the 1,000 photos, read back with
 * the steps' losses once. For a part of an epoch, `stepsMs` is the steps' share of `ms`.
 */
export async function jaxFashion(data: PreparedImages, steps = fashionSteps(data.train.rows), seed = 1): Promise<Timing> {
  const start = performance.now();
  const { height, width } = data.imageShape;
  const train = { x: np.array(data.train.features).reshape([data.train.rows, 1, height, width]), y: np.array(Int32Array.from(data.train.labels), { dtype: np.int32 }) };
  const valid = { x: np.array(data.valid.features).reshape([data.valid.rows, 1, height, width]), y: np.array(Int32Array.from(data.valid.labels), { dtype: np.int32 }) };
  let params = initialParams(seed, 32 * (height / 4) * (width / 4));
  const zeros = () => tree.map((w: np.Array) => np.zerosLike(w), tree.ref(params));
  let moments = { m: zeros(), v: zeros() };
  let stats: RunningStats = { mean1: np.zeros([16]), var1: np.ones([16]), mean2: np.zeros([32]), var2: np.ones([32]) };
  const batch = Math.min(FASHION_BATCH, data.train.rows);
  const order = shuffled(data.train.rows, seed);
  const losses: np.Array[] = [];
  for (let t = 1; t <= steps; t++) {
    const idx = np.array(order.subarray((t - 1) * batch, t * batch), { dtype: np.int32 });
    const [p, m, v, s, loss] = cnnStep(params, moments.m, moments.v, stats, train.x.ref, train.y.ref, idx, 1 / (1 - b1 ** t), 1 / (1 - b2 ** t)) as [CnnParams, CnnParams, CnnParams, RunningStats, np.Array];
    params = p;
    moments = { m, v };
    stats = s;
    losses.push(loss);
  }
  const part: { stepsMs?: number } = {};
  if (steps < fashionSteps(data.train.rows)) {
    await blockUntilReady(losses);
    part.stepsMs = performance.now() - start;
  }
  const [validLoss, errorRate] = cnnValid(tree.ref(params), tree.ref(stats), valid.x.ref, valid.y.ref) as [np.Array, np.Array];
  // One readback, as ours does: the epoch's losses and the validation loss and error reach the host.
  const values = Float32Array.from(await np.stack([...losses, validLoss, errorRate]).data());
  const ms = performance.now() - start;
  const trainLoss = Array.from(values.subarray(0, steps)).reduce((a, b) => a + b, 0) / steps;
  tree.dispose([params, moments, stats, train, valid]);
  return { ms, result: { steps, ...part, trainLoss, validLoss: values[steps]!, errorRate: values[steps + 1]! } };
}

/** GFLOP/s of lax.conv's forward on CONV_SHAPE (NCHW, 'SAME'), `repeats` timed to the last one's values, after one untimed. */
export async function jaxConvForward(repeats: number): Promise<number> {
  const { batch, channelsIn, channelsOut, height, width } = CONV_SHAPE;
  const [kx, kw] = random.split(random.key(7), 2) as unknown as np.Array[];
  const x = random.uniform(kx!, [batch, channelsIn, height, width], { minval: -1, maxval: 1 });
  const w = random.uniform(kw!, [channelsOut, channelsIn, 3, 3], { minval: -1, maxval: 1 });
  await blockUntilReady([x, w]);
  await lax.conv(x.ref, w.ref, [1, 1], 'SAME').data();
  const start = performance.now();
  const outputs: np.Array[] = [];
  for (let r = 0; r < repeats; r++) outputs.push(lax.conv(x.ref, w.ref, [1, 1], 'SAME'));
  await blockUntilReady(outputs);
  await outputs.at(-1)!.ref.data();
  const seconds = (performance.now() - start) / 1000;
  tree.dispose([x, w, ...outputs]);
  return (CONV_FLOPS * repeats) / seconds / 1e9;
}
