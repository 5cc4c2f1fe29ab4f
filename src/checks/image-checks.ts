/**
 * Checks of the image kernels (conv.wgsl, pool.wgsl, batchnorm.wgsl) against float64 on NCHW
 * batches of awkward sizes: batch 1, 3 and 65; channels 1 to 32, either side of 8 and 16;
 * sides 1, 5, 7, 28 and 31, non-square, and smaller than the kernel. Every output starts
 * poisoned with one spare element past its end, which must stay so; each output is judged on
 * its own. Sized so that SwiftShader runs them all in seconds: batch 65 with few channels, 17
 * channels with small images.
 *
 * @example
 * import { TestRandom } from './check-kit';
 * // given: const backend: Backend
 * for (const check of imageChecks()) console.log(check.name, await check.run(backend, new TestRandom(1)));
 */
import { BATCH_NORM_EPS, BATCH_NORM_MOMENTUM, type Backend, type Conv2dShape, type ImageShape, type Tensor } from '../backend';
import { finishEach, poisoned, upload, type KernelCheck, type Reference, type TestRandom } from './check-kit';

/** [batch, channels in, channels out, height, width, kernel]. */
const CONV_CASES: [number, number, number, number, number, Conv2dShape['kernel']][] = [
  [1, 1, 1, 5, 5, 3],
  [3, 3, 17, 28, 28, 3],
  [65, 1, 3, 28, 28, 3],
  [3, 17, 17, 5, 5, 3],
  [1, 17, 3, 31, 31, 3],
  [65, 3, 1, 5, 31, 5],
  [3, 3, 17, 31, 28, 1],
  [3, 17, 3, 2, 3, 5],
  // conv.wgsl's 8 × 8 blocks: channels on both sides of 8 and 16, 7 × 7 images (a block of
  // pixels straddles two images), one pixel, and cnn-small's second conv on 3 images (more
  // image rows than a weight-gradient workgroup has threads, as on 64).
  [2, 16, 8, 7, 7, 3],
  [1, 1, 9, 7, 7, 5],
  [2, 3, 9, 1, 1, 3],
  [7, 9, 16, 7, 7, 1],
  [3, 16, 32, 14, 14, 3],
];

/** [batch, channels, height, width]. */
const IMAGE_CASES: [number, number, number, number][] = [
  [1, 1, 5, 5],
  [3, 3, 28, 28],
  [65, 3, 5, 5],
  [3, 17, 31, 31],
  [65, 1, 28, 28],
  [1, 17, 28, 31],
  [3, 17, 3, 2],
  [2, 3, 1, 1],
];

/** A poisoned output with a spare element past its end; its reference ends in NaN, "left alone". */
function output(backend: Backend, length: number, label: string): Tensor {
  return poisoned(backend, length + 1, label);
}

function spared(ref: ArrayLike<number>): Float64Array {
  return Float64Array.from([...Array.from(ref), NaN]);
}

/** Float64 sums into `length` slots beside the sums of their terms' magnitudes, the scale their errors are measured against. */
class Sums {
  readonly values: Float64Array;
  readonly scale: Float64Array;
  constructor(length: number) {
    [this.values, this.scale] = [new Float64Array(length), new Float64Array(length)];
  }
  add(i: number, term: number): void {
    this.values[i]! += term;
    this.scale[i]! += Math.abs(term);
  }
  /** The reference, with the spare element past the end. */
  spared(): Reference {
    return { values: spared(this.values), scale: spared(this.scale) };
  }
}

const shapeName = (s: ImageShape) => `${s.batch}×${s.channels}×${s.height}×${s.width}`;

/**
 * Calls `visit` for every product of a 'same' convolution, stride 1: output element `out`
 * (n, o, y, x) takes input element `input` (n, c, y + ky − pad, x + kx − pad) times weight
 * `weight` (o, c, ky, kx). Each of the three kernels is one way of summing these products.
 */
function eachProduct(s: Conv2dShape, visit: (out: number, input: number, weight: number) => void): void {
  const { batch, channelsIn, channelsOut, height, width, kernel } = s;
  const pad = (kernel - 1) / 2;
  for (let n = 0; n < batch; n++) {
    for (let o = 0; o < channelsOut; o++) {
      for (let y = 0; y < height; y++) {
        for (let x = 0; x < width; x++) {
          const out = ((n * channelsOut + o) * height + y) * width + x;
          for (let c = 0; c < channelsIn; c++) {
            for (let ky = 0; ky < kernel; ky++) {
              const iy = y + ky - pad;
              if (iy < 0 || iy >= height) continue;
              for (let kx = 0; kx < kernel; kx++) {
                const ix = x + kx - pad;
                if (ix < 0 || ix >= width) continue;
                visit(out, ((n * channelsIn + c) * height + iy) * width + ix, ((o * channelsIn + c) * kernel + ky) * kernel + kx);
              }
            }
          }
        }
      }
    }
  }
}

function convChecks(): KernelCheck[] {
  return CONV_CASES.flatMap(([batch, channelsIn, channelsOut, height, width, kernel], i): KernelCheck[] => {
    const s: Conv2dShape = { batch, channelsIn, channelsOut, height, width, kernel };
    const withBias = i % 4 !== 0;
    const label = `${kernel}×${kernel}, ${batch}×${channelsIn}×${height}×${width} → ${batch}×${channelsOut}×${height}×${width}${withBias ? ', bias' : ''}`;
    const inputs = (random: TestRandom) => ({
      x: random.floats(batch * channelsIn * height * width),
      w: random.floats(channelsOut * channelsIn * kernel * kernel),
      bias: random.floats(channelsOut),
      dy: random.floats(batch * channelsOut * height * width),
    });
    const [inSize, outSize] = [batch * channelsIn * height * width, batch * channelsOut * height * width];
    return [
      {
        kernel: 'conv2d',
        name: `conv2d ${label}`,
        async run(backend, random) {
          const { x, w, bias } = inputs(random);
          const [xt, wt, bt, out] = [upload(backend, x, 'x'), upload(backend, w, 'weights'), upload(backend, bias, 'bias'), output(backend, outSize, 'y')];
          backend.conv2d(xt, wt, out, s, withBias ? bt : undefined);
          const ref = new Float64Array(outSize);
          if (withBias) ref.forEach((_, k) => (ref[k] = bias[Math.floor(k / (height * width)) % channelsOut]!));
          eachProduct(s, (o, input, weight) => (ref[o]! += x[input]! * w[weight]!));
          return finishEach(backend, [out], [spared(ref)], [xt, wt, bt, out]);
        },
      },
      {
        kernel: 'conv2d_backward_input',
        name: `conv2d_backward_input ${label}`,
        async run(backend, random) {
          const { w, dy } = inputs(random);
          const [wt, dyt, dx] = [upload(backend, w, 'weights'), upload(backend, dy, 'grad out'), output(backend, inSize, 'grad in')];
          backend.conv2dBackwardInput(dyt, wt, dx, s);
          const ref = new Float64Array(inSize);
          eachProduct(s, (o, input, weight) => (ref[input]! += dy[o]! * w[weight]!));
          return finishEach(backend, [dx], [spared(ref)], [wt, dyt, dx]);
        },
      },
      {
        kernel: 'conv2d_weights_grad',
        name: `conv2d_weights_grad ${label}`,
        async run(backend, random) {
          const { x, w, dy } = inputs(random);
          const [xt, dyt] = [upload(backend, x, 'x'), upload(backend, dy, 'grad out')];
          const [dw, db] = [output(backend, w.length, 'grad weights'), output(backend, channelsOut, 'grad bias')];
          backend.conv2dBackwardWeights(xt, dyt, dw, s, withBias ? db : undefined);
          const [refW, refB] = [new Sums(w.length), new Sums(channelsOut)];
          eachProduct(s, (o, input, weight) => refW.add(weight, dy[o]! * x[input]!));
          dy.forEach((g, k) => refB.add(Math.floor(k / (height * width)) % channelsOut, g));
          const noBias = new Float64Array(channelsOut + 1).fill(NaN);
          return finishEach(backend, [dw, db], [refW.spared(), withBias ? refB.spared() : noBias], [xt, dyt, dw, db]);
        },
      },
    ];
  });
}

/**
 * Inputs for pooling: on every other case ReLU'd values in steps of 1/4, so windows tie (on
 * zeros most often) and the first maximum must win on both backends.
 */
function poolInput(random: TestRandom, length: number, ties: boolean): Float32Array {
  const x = random.floats(length);
  return ties ? x.map((v) => Math.max(0, Math.round(v * 4) / 4)) : x;
}

/** Each 2×2 window's first maximum: its index in the input, window by window. */
function windowMaxima(x: Float32Array, s: ImageShape): number[] {
  const maxima: number[] = [];
  for (let p = 0; p < s.batch * s.channels; p++) {
    for (let wy = 0; wy < Math.floor(s.height / 2); wy++) {
      for (let wx = 0; wx < Math.floor(s.width / 2); wx++) {
        const at = [0, 1, s.width, s.width + 1].map((d) => (p * s.height + 2 * wy) * s.width + 2 * wx + d);
        const values = at.map((k) => x[k]!);
        maxima.push(at[values.indexOf(Math.max(...values))]!);
      }
    }
  }
  return maxima;
}

function poolChecks(): KernelCheck[] {
  return IMAGE_CASES.flatMap(([batch, channels, height, width], i): KernelCheck[] => {
    const s: ImageShape = { batch, channels, height, width };
    const ties = i % 2 === 1;
    const size = batch * channels * height * width;
    const planes = batch * channels;
    const windows = planes * Math.floor(height / 2) * Math.floor(width / 2);
    return [
      {
        kernel: 'max_pool',
        name: `max_pool ${shapeName(s)}${ties ? ' with ties' : ''}`,
        async run(backend, random) {
          const x = poolInput(random, size, ties);
          const [xt, out] = [upload(backend, x, 'x'), output(backend, windows, 'pooled')];
          backend.maxPool2d(xt, out, s);
          return finishEach(backend, [out], [spared(windowMaxima(x, s).map((k) => x[k]!))], [xt, out]);
        },
      },
      {
        kernel: 'max_pool_backward',
        name: `max_pool_backward ${shapeName(s)}${ties ? ' with ties' : ''}`,
        async run(backend, random) {
          const x = poolInput(random, size, ties);
          const dy = random.floats(windows);
          const [xt, dyt, dx] = [upload(backend, x, 'x'), upload(backend, dy, 'grad out'), output(backend, size, 'grad in')];
          backend.maxPool2dBackward(xt, dyt, dx, s);
          const ref = new Float64Array(size);
          windowMaxima(x, s).forEach((k, w) => (ref[k] = dy[w]!));
          return finishEach(backend, [dx], [spared(ref)], [xt, dyt, dx]);
        },
      },
      {
        kernel: 'avg_pool',
        name: `avg_pool ${shapeName(s)}`,
        async run(backend, random) {
          const x = random.floats(size);
          const [xt, out] = [upload(backend, x, 'x'), output(backend, planes, 'pooled')];
          backend.globalAvgPool(xt, out, s);
          const ref = new Sums(planes);
          x.forEach((v, k) => ref.add(Math.floor(k / (height * width)), v / (height * width)));
          return finishEach(backend, [out], [ref.spared()], [xt, out]);
        },
      },
      {
        kernel: 'avg_pool_backward',
        name: `avg_pool_backward ${shapeName(s)}`,
        async run(backend, random) {
          const dy = random.floats(planes);
          const [dyt, dx] = [upload(backend, dy, 'grad out'), output(backend, size, 'grad in')];
          backend.globalAvgPoolBackward(dyt, dx, s);
          const ref = Float64Array.from({ length: size }, (_, k) => dy[Math.floor(k / (height * width))]! / (height * width));
          return finishEach(backend, [dx], [spared(ref)], [dyt, dx]);
        },
      },
    ];
  });
}

/** Each channel's values, with its own offset and spread so that normalising has work to do. */
function normInputs(random: TestRandom, s: ImageShape) {
  const plane = s.height * s.width;
  const [offset, spread] = [random.floats(s.channels, -1, 1), random.floats(s.channels, 0.5, 2)];
  const x = random.floats(s.batch * s.channels * plane).map((v, k) => offset[Math.floor(k / plane) % s.channels]! + spread[Math.floor(k / plane) % s.channels]! * v);
  const channel = (c: number) => Array.from({ length: s.batch * plane }, (_, j) => (Math.floor(j / plane) * s.channels + c) * plane + (j % plane));
  return {
    x,
    gamma: random.floats(s.channels, 0.5, 1.5),
    beta: random.floats(s.channels),
    runningMean: random.floats(s.channels),
    runningVar: random.floats(s.channels, 0.5, 2),
    /** The indices of channel c's values. */
    channel,
    /** Channel c's mean and biased variance over the batch in float64, and the mean's scale: the mean of |x|. */
    stats(c: number): [number, number, number] {
      const values = channel(c).map((k) => x[k]!);
      const mean = values.reduce((a, v) => a + v, 0) / values.length;
      const variance = values.reduce((a, v) => a + (v - mean) ** 2, 0) / values.length;
      return [mean, variance, values.reduce((a, v) => a + Math.abs(v), 0) / values.length];
    },
  };
}

const modeName = (training: boolean) => (training ? 'training' : 'evaluation');

function batchNormCheck(s: ImageShape, training: boolean): KernelCheck {
  const { channels } = s;
  const count = s.batch * s.height * s.width;
  const size = channels * count;
  return {
    kernel: 'batch_norm',
    name: `batch_norm ${modeName(training)} ${shapeName(s)}`,
    async run(backend, random) {
      const input = normInputs(random, s);
      const t = {
        input: upload(backend, input.x, 'x'),
        output: output(backend, size, 'y'),
        gamma: upload(backend, input.gamma, 'gamma'),
        beta: upload(backend, input.beta, 'beta'),
        runningMean: upload(backend, input.runningMean, 'running mean'),
        runningVar: upload(backend, input.runningVar, 'running var'),
        saved: output(backend, 2 * channels, 'saved'),
      };
      backend.batchNorm(t, s, training);
      const [y, saved, savedScale] = [new Float64Array(size), new Float64Array(2 * channels), new Float64Array(2 * channels)];
      const [runningMean, runningVar] = [Float64Array.from(input.runningMean), Float64Array.from(input.runningVar)];
      const runningMeanScale = runningMean.map(Math.abs);
      for (let c = 0; c < channels; c++) {
        const [mean, variance, magnitude] = training ? input.stats(c) : [runningMean[c]!, runningVar[c]!, runningMeanScale[c]!];
        if (training) {
          runningMean[c] = (1 - BATCH_NORM_MOMENTUM) * runningMean[c]! + BATCH_NORM_MOMENTUM * mean;
          runningMeanScale[c] = (1 - BATCH_NORM_MOMENTUM) * runningMeanScale[c]! + BATCH_NORM_MOMENTUM * magnitude;
          runningVar[c] = (1 - BATCH_NORM_MOMENTUM) * runningVar[c]! + BATCH_NORM_MOMENTUM * variance * (count / (count - 1));
        }
        const std = Math.sqrt(variance + BATCH_NORM_EPS);
        [saved[c], saved[channels + c]] = [mean, 1 / std];
        [savedScale[c], savedScale[channels + c]] = [magnitude, 1 / std];
        for (const k of input.channel(c)) y[k] = ((input.x[k]! - mean) / std) * input.gamma[c]! + input.beta[c]!;
      }
      const outputs = [t.output, t.saved, t.runningMean, t.runningVar];
      const refs = [spared(y), { values: spared(saved), scale: spared(savedScale) }, { values: runningMean, scale: runningMeanScale }, runningVar];
      return finishEach(backend, outputs, refs, Object.values(t));
    },
  };
}

/** The backward from the statistics the forward would have saved: the batch's, or the running ones. */
function batchNormBackwardCheck(s: ImageShape, training: boolean): KernelCheck {
  const { channels } = s;
  const count = s.batch * s.height * s.width;
  const size = channels * count;
  return {
    kernel: 'batch_norm_backward',
    name: `batch_norm_backward ${modeName(training)} ${shapeName(s)}`,
    async run(backend, random) {
      const input = normInputs(random, s);
      const dy = random.floats(size);
      const saved = new Float32Array(2 * channels);
      for (let c = 0; c < channels; c++) {
        const [mean, variance] = training ? input.stats(c) : [input.runningMean[c]!, input.runningVar[c]!];
        [saved[c], saved[channels + c]] = [mean, 1 / Math.sqrt(variance + BATCH_NORM_EPS)];
      }
      const t = {
        input: upload(backend, input.x, 'x'),
        output: poisoned(backend, 1, 'y (unused)'),
        gamma: upload(backend, input.gamma, 'gamma'),
        beta: upload(backend, input.beta, 'beta'),
        runningMean: upload(backend, input.runningMean, 'running mean'),
        runningVar: upload(backend, input.runningVar, 'running var'),
        saved: upload(backend, saved, 'saved'),
      };
      const g = {
        gradOut: upload(backend, dy, 'grad out'),
        gradIn: output(backend, size, 'grad in'),
        gradGamma: output(backend, channels, 'grad gamma'),
        gradBeta: output(backend, channels, 'grad beta'),
      };
      backend.batchNormBackward(t, g, s, training);
      // PyTorch's batch_norm_backward: dx = γ·σ⁻¹·(dy − mean(dy) − x̂·mean(dy·x̂)) in training, γ·σ⁻¹·dy in evaluation.
      const [dx, dGamma, dBeta] = [new Float64Array(size), new Sums(channels), new Sums(channels)];
      for (let c = 0; c < channels; c++) {
        const [mean, invStd] = [saved[c]!, saved[channels + c]!];
        const indices = input.channel(c);
        const xHat = indices.map((k) => (input.x[k]! - mean) * invStd);
        indices.forEach((k, j) => {
          dBeta.add(c, dy[k]!);
          dGamma.add(c, dy[k]! * xHat[j]!);
        });
        const [meanDy, meanDyXHat] = [dBeta.values[c]! / count, dGamma.values[c]! / count];
        indices.forEach((k, j) => {
          const centred = training ? dy[k]! - meanDy - xHat[j]! * meanDyXHat : dy[k]!;
          dx[k] = input.gamma[c]! * invStd * centred;
        });
      }
      const made = [...Object.values(t), ...Object.values(g)];
      return finishEach(backend, [g.gradIn, g.gradGamma, g.gradBeta], [spared(dx), dGamma.spared(), dBeta.spared()], made);
    },
  };
}

function batchNormChecks(): KernelCheck[] {
  return IMAGE_CASES.flatMap(([batch, channels, height, width]) => {
    const s: ImageShape = { batch, channels, height, width };
    // Two values a channel normalise to ±1 whatever they are, so in training the input's
    // gradient is ε-small and all cancellation: a relative error would measure only that.
    const degenerate = batch * height * width < 3;
    return [
      batchNormCheck(s, true),
      batchNormCheck(s, false),
      ...(degenerate ? [] : [batchNormBackwardCheck(s, true)]),
      batchNormBackwardCheck(s, false),
    ];
  });
}

export function imageChecks(): KernelCheck[] {
  return [...convChecks(), ...poolChecks(), ...batchNormChecks()];
}
