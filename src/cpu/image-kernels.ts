/**
 * The TypeScript twins of conv.wgsl, pool.wgsl and batchnorm.wgsl, on plain arrays: NCHW
 * images, float64 sums, float32 results. CpuBackend's image operations call these.
 *
 * @example
 * // given: const images: Float32Array, weights: Float32Array, bias: Float32Array | null, out: Float32Array
 * conv2d(images, weights, bias, out, { batch: 2, channelsIn: 1, channelsOut: 4, height: 5, width: 5, kernel: 3 });
 */
import { BATCH_NORM_EPS, BATCH_NORM_MOMENTUM, type Conv2dShape, type ImageShape } from '../backend';

/** The arrays of a batch norm, named as in BatchNormTensors. */
export interface BatchNormArrays {
  input: Float32Array;
  output: Float32Array;
  gamma: Float32Array;
  beta: Float32Array;
  runningMean: Float32Array;
  runningVar: Float32Array;
  saved: Float32Array;
}

/**
 * Adds w · source shifted by the tap (dy, dx) to each pixel of `sum`, over the pixels whose
 * shifted position lies inside the image (the rest read the zero padding).
 */
function addShifted(sum: Float64Array, source: Float32Array, from: number, w: number, dy: number, dx: number, height: number, width: number): void {
  for (let y = Math.max(0, -dy); y < Math.min(height, height - dy); y++) {
    const row = from + (y + dy) * width + dx;
    for (let x = Math.max(0, -dx); x < Math.min(width, width - dx); x++) sum[y * width + x]! += w * source[row + x]!;
  }
}

/**
 * out = F.conv2d(input, weights, bias, padding=kernel // 2); with `transposed`, the backward
 * for the input: gradOut (channelsOut) in, gradIn (channelsIn) out, the weights transposed and
 * their taps flipped, as conv.wgsl's BACKWARD_INPUT.
 */
export function conv2d(source: Float32Array, weights: Float32Array, bias: Float32Array | null, out: Float32Array, s: Conv2dShape, transposed = false): void {
  const [summed, written] = transposed ? [s.channelsOut, s.channelsIn] : [s.channelsIn, s.channelsOut];
  const { height, width, kernel } = s;
  const [plane, taps, pad] = [height * width, kernel * kernel, kernel >> 1];
  const sum = new Float64Array(plane);
  for (let n = 0; n < s.batch; n++) {
    for (let o = 0; o < written; o++) {
      sum.fill(bias ? bias[o]! : 0);
      for (let c = 0; c < summed; c++) {
        for (let t = 0; t < taps; t++) {
          const w = transposed ? weights[(c * written + o) * taps + taps - 1 - t]! : weights[(o * summed + c) * taps + t]!;
          addShifted(sum, source, (n * summed + c) * plane, w, Math.floor(t / kernel) - pad, (t % kernel) - pad, height, width);
        }
      }
      out.set(sum, (n * written + o) * plane);
    }
  }
}

/** gradWeights = Σ over images and pixels of gradOut · the input under each tap; gradBias = Σ gradOut. */
export function conv2dWeightsGrad(input: Float32Array, gradOut: Float32Array, gradWeights: Float32Array, gradBias: Float32Array | null, s: Conv2dShape): void {
  const { height, width, kernel, channelsIn, channelsOut } = s;
  const [plane, taps, pad] = [height * width, kernel * kernel, kernel >> 1];
  const weights = new Float64Array(channelsOut * channelsIn * taps);
  const biases = new Float64Array(channelsOut);
  for (let n = 0; n < s.batch; n++) {
    for (let o = 0; o < channelsOut; o++) {
      const dy = gradOut.subarray((n * channelsOut + o) * plane, (n * channelsOut + o + 1) * plane);
      for (let i = 0; i < plane; i++) biases[o]! += dy[i]!;
      for (let c = 0; c < channelsIn; c++) {
        const from = (n * channelsIn + c) * plane;
        for (let t = 0; t < taps; t++) {
          const [ty, tx] = [Math.floor(t / kernel) - pad, (t % kernel) - pad];
          let acc = 0;
          for (let y = Math.max(0, -ty); y < Math.min(height, height - ty); y++) {
            const row = from + (y + ty) * width + tx;
            for (let x = Math.max(0, -tx); x < Math.min(width, width - tx); x++) acc += dy[y * width + x]! * input[row + x]!;
          }
          weights[(o * channelsIn + c) * taps + t]! += acc;
        }
      }
    }
  }
  gradWeights.set(weights);
  gradBias?.set(biases);
}

/** The index in `input` of window w's maximum in plane p: the first in row-major order on a tie, as PyTorch. */
function windowMax(input: Float32Array, p: number, w: number, s: ImageShape): number {
  const cols = s.width >> 1;
  const corner = (p * s.height + Math.floor(w / cols) * 2) * s.width + (w % cols) * 2;
  let best = corner;
  for (const at of [corner + 1, corner + s.width, corner + s.width + 1]) if (input[at]! > input[best]!) best = at;
  return best;
}

/** F.max_pool2d(input, 2), and with `gradOut` its backward into `out` (gradIn). */
export function maxPool2d(input: Float32Array, out: Float32Array, s: ImageShape, gradOut?: Float32Array): void {
  const windows = (s.height >> 1) * (s.width >> 1);
  if (gradOut) out.fill(0, 0, s.batch * s.channels * s.height * s.width);
  for (let p = 0; p < s.batch * s.channels; p++) {
    for (let w = 0; w < windows; w++) {
      const best = windowMax(input, p, w, s);
      if (gradOut) out[best] = gradOut[p * windows + w]!;
      else out[p * windows + w] = input[best]!;
    }
  }
}

/** Each plane's mean, and with `backward` each plane's gradient spread evenly over its pixels. */
export function globalAvgPool(source: Float32Array, out: Float32Array, s: ImageShape, backward = false): void {
  const size = s.height * s.width;
  for (let p = 0; p < s.batch * s.channels; p++) {
    if (backward) {
      out.fill(source[p]! / size, p * size, (p + 1) * size);
      continue;
    }
    let sum = 0;
    for (let i = p * size; i < (p + 1) * size; i++) sum += source[i]!;
    out[p] = sum / size;
  }
}

/** Calls `visit` with the index of each of channel c's values, over images then pixels. */
function eachInChannel(c: number, s: ImageShape, visit: (i: number) => void): void {
  const plane = s.height * s.width;
  for (let n = 0; n < s.batch; n++) for (let i = (n * s.channels + c) * plane, end = i + plane; i < end; i++) visit(i);
}

/** nn.BatchNorm2d's forward, as batchnorm.wgsl's batch_norm. */
export function batchNorm(a: BatchNormArrays, s: ImageShape, training: boolean): void {
  const count = s.batch * s.height * s.width;
  for (let c = 0; c < s.channels; c++) {
    let [mean, variance] = [a.runningMean[c]!, a.runningVar[c]!];
    if (training) {
      let sum = 0;
      eachInChannel(c, s, (i) => (sum += a.input[i]!));
      mean = sum / count;
      sum = 0;
      eachInChannel(c, s, (i) => (sum += (a.input[i]! - mean) ** 2));
      variance = sum / count;
      a.runningMean[c] = (1 - BATCH_NORM_MOMENTUM) * a.runningMean[c]! + BATCH_NORM_MOMENTUM * mean;
      a.runningVar[c] = (1 - BATCH_NORM_MOMENTUM) * a.runningVar[c]! + (BATCH_NORM_MOMENTUM * variance * count) / (count - 1);
    }
    const invStd = 1 / Math.sqrt(variance + BATCH_NORM_EPS);
    a.saved[c] = mean;
    a.saved[s.channels + c] = invStd;
    eachInChannel(c, s, (i) => (a.output[i] = (a.input[i]! - mean) * invStd * a.gamma[c]! + a.beta[c]!));
  }
}

/** batchnorm.wgsl's batch_norm_backward: gradGamma, gradBeta and gradIn from gradOut, with the statistics in `saved`. */
export function batchNormBackward(
  a: Pick<BatchNormArrays, 'input' | 'gamma' | 'saved'>,
  g: { gradOut: Float32Array; gradIn: Float32Array; gradGamma: Float32Array; gradBeta: Float32Array },
  s: ImageShape,
  training: boolean,
): void {
  const count = s.batch * s.height * s.width;
  for (let c = 0; c < s.channels; c++) {
    const [mean, invStd] = [a.saved[c]!, a.saved[s.channels + c]!];
    let [sumDy, sumDyXhat] = [0, 0];
    eachInChannel(c, s, (i) => {
      sumDy += g.gradOut[i]!;
      sumDyXhat += g.gradOut[i]! * (a.input[i]! - mean) * invStd;
    });
    g.gradBeta[c] = sumDy;
    g.gradGamma[c] = sumDyXhat;
    const [meanDy, meanDyXhat] = training ? [sumDy / count, sumDyXhat / count] : [0, 0];
    const scale = a.gamma[c]! * invStd;
    eachInChannel(c, s, (i) => (g.gradIn[i] = scale * (g.gradOut[i]! - meanDy - (a.input[i]! - mean) * invStd * meanDyXhat)));
  }
}
