/**
 * The Backend on the CPU: the fallback when a page has no WebGPU. The one the engine trains on
 * (cpuBackend in engine/backends.ts, the only place that builds one) runs its matrix products
 * in WebAssembly with SIMD (wasm-matmul.ts), the hot path of every model with a hidden layer;
 * built without that product it is the plain TypeScript twin, the reference the WebAssembly
 * and WGSL kernels are checked beside. Each TypeScript operation does what its WGSL kernel
 * does, accumulating in float64 and storing float32, so the backends agree to float32 rounding.
 *
 * @example
 * import { cpuBackend } from '../engine/backends';
 * const backend = await cpuBackend();
 * const t = backend.tensor(4, 'ones');
 * backend.fill({ tensor: t, offset: 0, stride: 1, count: 4 }, 1);
 */
import { yieldToPage } from './yield-to-page';
import { activate, activationSlope } from './activation';
import * as image from './image-kernels';
import { augmentImages } from './augment';
import { gridCell, planarFeatureRow } from '../planar-geometry';
import {
  assertAugmentSettings,
  assertBatchStatistics,
  copySpan,
  gridPoint,
  type Activation,
  assertSlice,
  type AdamSettings,
  type AugmentSettings,
  type BatchNormGradients,
  type BatchNormTensors,
  type Conv2dShape,
  type CopyRange,
  type Backend,
  type DType,
  type ImageShape,
  type LinearEpochShape,
  type LinearEpochTensors,
  type LossKind,
  type LossTensors,
  type MatmulShape,
  type PlanarPoints,
  type ModelBatch,
  type OptimizerBatch,
  type OptimizerTensors,
  type RandomPosition,
  type StridedView,
  type SurfaceGrid,
  type Tensor,
  type TensorRange,
} from '../backend';
import { randomWord, uniformFloat } from './rng';
import type { WasmMatmul } from './wasm-matmul';

class CpuTensor implements Tensor {
  readonly values: Float32Array;
  readonly words: Uint32Array;
  constructor(
    readonly label: string,
    readonly dtype: DType,
    buffer: ArrayBuffer,
    byteOffset: number,
    readonly length: number,
  ) {
    this.values = new Float32Array(buffer, byteOffset, length);
    this.words = new Uint32Array(buffer, byteOffset, length);
  }
}

function own(tensor: Tensor): CpuTensor {
  if (!(tensor instanceof CpuTensor)) throw new Error(`Tensor "${tensor.label}" does not belong to the CPU backend.`);
  return tensor;
}

/** Each tensor's values, under the same names. */
function arrays<K extends string>(tensors: Record<K, Tensor>): Record<K, Float32Array> {
  return Object.fromEntries(Object.entries<Tensor>(tensors).map(([name, tensor]) => [name, own(tensor).values])) as Record<K, Float32Array>;
}

function isNonFinite(x: number): boolean {
  return !Number.isFinite(Math.fround(x));
}

export class CpuBackend implements Backend {
  readonly kind = 'cpu' as const;
  readonly description: string;
  readonly flopsPerSecond: number;
  /** The CPU is never lost. */
  readonly lost = null;
  private readonly product: WasmMatmul | null;
  private step = 0;

  /** The TypeScript twin, or with `product` its matrix products in WebAssembly. */
  constructor(product: WasmMatmul | null = null) {
    this.product = product;
    this.description = this.product ? `CPU (WebAssembly ${this.product.fused ? 'relaxed ' : ''}SIMD)` : 'CPU (TypeScript)';
    // Rough sustained rates over a whole step on this 2-core machine (NOTES §17), not the peak of the product alone.
    this.flopsPerSecond = this.product ? 4e9 : 1e9;
  }

  tensor(length: number, label: string, dtype: DType = 'f32'): Tensor {
    return new CpuTensor(label, dtype, new ArrayBuffer(Math.max(1, length) * 4), 0, length);
  }

  slice(parent: Tensor, offset: number, length: number, label: string): Tensor {
    const p = own(parent);
    assertSlice(p, offset, length, label);
    return new CpuTensor(label, p.dtype, p.values.buffer as ArrayBuffer, p.values.byteOffset + offset * 4, length);
  }

  write(tensor: Tensor, data: Float32Array | Uint32Array, offset = 0): void {
    const t = own(tensor);
    if (data instanceof Uint32Array) t.words.set(data, offset);
    else t.values.set(data, offset);
  }

  copy(source: Tensor, target: Tensor, range?: CopyRange): void {
    const [s, t] = [own(source), own(target)];
    const { from, to, length } = copySpan(s, t, range);
    t.values.set(s.values.subarray(from, from + length), to);
  }

  // A read is where training waits for results: the page gets its turn there (yieldToPage).
  async read(tensor: Tensor): Promise<Float32Array> {
    const values = own(tensor).values.slice();
    await yieldToPage();
    return values;
  }

  async readRanges(ranges: TensorRange[]): Promise<Float32Array[]> {
    const values = ranges.map(({ tensor, offset = 0, length }) => {
      const all = own(tensor).values;
      return all.slice(offset, offset + (length ?? all.length - offset));
    });
    await yieldToPage();
    return values;
  }

  async readWords(tensor: Tensor): Promise<Uint32Array> {
    const words = own(tensor).words.slice();
    await yieldToPage();
    return words;
  }

  release(): void {}

  fill(view: StridedView, value: number): void {
    const out = own(view.tensor).values;
    for (let i = 0; i < view.count; i++) out[view.offset + i * view.stride] = value;
  }

  uniform(view: StridedView, lo: number, hi: number, at: RandomPosition): void {
    const out = own(view.tensor).values;
    for (let i = 0; i < view.count; i++) {
      out[view.offset + i * view.stride] = uniformFloat(at.seed, at.stream, at.counter + i, lo, hi);
    }
  }

  randomWords(view: StridedView, at: RandomPosition): void {
    const out = own(view.tensor).words;
    for (let i = 0; i < view.count; i++) out[view.offset + i * view.stride] = randomWord(at.seed, at.stream, at.counter + i);
  }

  matmul(a: Tensor, b: Tensor, out: Tensor, shape: MatmulShape): void {
    const { m, n, k, transA = false, transB = false, activation = 'linear', accumulate = false } = shape;
    const batch = shape.batch ?? { count: 1, a: 0, b: 0, out: 0 };
    const av = own(a).values;
    const bv = own(b).values;
    const bias = shape.bias ? own(shape.bias).values : null;
    const cv = own(out).values;
    if (this.product) {
      for (let z = 0; z < batch.count; z++) {
        this.product.run(av.subarray(z * batch.a), bv.subarray(z * batch.b), cv.subarray(z * batch.out), shape, bias?.subarray(z * (batch.bias ?? 0)));
      }
      return;
    }
    const row = new Float64Array(n);
    for (let z = 0; z < batch.count; z++) {
      const [a0, b0, c0, bias0] = [z * batch.a, z * batch.b, z * batch.out, z * (batch.bias ?? 0)];
      for (let i = 0; i < m; i++) {
        row.fill(0);
        for (let l = 0; l < k; l++) {
          const aik = transA ? av[a0 + l * m + i]! : av[a0 + i * k + l]!;
          if (aik === 0) continue;
          if (transB) for (let j = 0; j < n; j++) row[j]! += aik * bv[b0 + j * k + l]!;
          else for (let j = 0, base = b0 + l * n; j < n; j++) row[j]! += aik * bv[base + j]!;
        }
        for (let j = 0; j < n; j++) {
          const at = c0 + i * n + j;
          const value = row[j]! + (accumulate ? cv[at]! : 0) + (bias ? bias[bias0 + j]! : 0);
          cv[at] = activate(activation, value);
        }
      }
    }
  }

  activate(input: Tensor, out: Tensor, count: number, activation: Activation): void {
    const x = own(input).values;
    const y = own(out).values;
    for (let i = 0; i < count; i++) y[i] = activate(activation, x[i]!);
  }

  activationBackward(gradOut: Tensor, output: Tensor, gradIn: Tensor, count: number, activation: Activation): void {
    const g = own(gradOut).values;
    const y = own(output).values;
    const out = own(gradIn).values;
    for (let i = 0; i < count; i++) out[i] = g[i]! * activationSlope(activation, y[i]!);
  }

  sumRows(x: Tensor, rows: number, cols: number, out: Tensor, scale: number, batch: ModelBatch = { count: 1, out: 0 }): void {
    const xv = own(x).values;
    const ov = own(out).values;
    for (let z = 0; z < batch.count; z++) {
      const base = z * rows * cols;
      for (let j = 0; j < cols; j++) {
        let acc = 0;
        for (let i = 0; i < rows; i++) acc += xv[base + i * cols + j]!;
        ov[z * batch.out + j] = acc * scale;
      }
    }
  }

  sum(x: Tensor, count: number, out: Tensor, index: number, scale: number, atStep = false, batch: ModelBatch = { count: 1, out: 0 }): void {
    const xv = own(x).values;
    for (let z = 0; z < batch.count; z++) {
      let acc = 0;
      for (let i = 0; i < count; i++) acc += xv[z * count + i]!;
      own(out).values[index + z * batch.out + (atStep ? this.step : 0)] = acc * scale;
    }
  }

  gatherRows(source: Tensor, order: Tensor, out: Tensor, rows: number, cols: number, stepsPerEpoch: number): void {
    const src = own(source);
    const dst = own(out);
    const indices = own(order).words;
    const first = (this.step % stepsPerEpoch) * rows;
    const from = src.dtype === 'u32' ? src.words : src.values;
    const to = dst.dtype === 'u32' ? dst.words : dst.values;
    for (let r = 0; r < rows; r++) {
      const s = indices[first + r]! * cols;
      for (let c = 0; c < cols; c++) to[r * cols + c] = from[s + c]!;
    }
  }

  loss(kind: LossKind, t: LossTensors, rows: number, classes: number, scale: number, rowsPerModel = rows): void {
    const z = own(t.logits).values;
    const grad = own(t.grad).values;
    const rowLoss = own(t.rowLoss).values;
    const flags = own(t.nonFinite).words;
    let nonFinite = false;
    const put = (i: number, loss: number, g: number) => {
      grad[i] = g;
      nonFinite ||= isNonFinite(loss) || isNonFinite(g);
    };
    for (let i = 0; i < rows; i++) {
      nonFinite = false;
      if (kind === 'mse') {
        const diff = z[i]! - own(t.targets).values[i]!;
        rowLoss[i] = diff * diff;
        put(i, diff * diff, 2 * diff * scale);
      } else if (kind === 'binary-cross-entropy') {
        const zi = z[i]!;
        const y = own(t.targets).words[i]!;
        const loss = Math.max(zi, 0) - zi * y + Math.log1p(Math.exp(-Math.abs(zi)));
        rowLoss[i] = loss;
        put(i, loss, (1 / (1 + Math.exp(-zi)) - y) * scale);
      } else {
        const base = i * classes;
        const label = own(t.targets).words[i]!;
        let top = -Infinity;
        for (let j = 0; j < classes; j++) top = Math.max(top, z[base + j]!);
        let total = 0;
        for (let j = 0; j < classes; j++) total += Math.exp(z[base + j]! - top);
        const loss = Math.log(total) + top - z[base + label]!;
        rowLoss[i] = loss;
        nonFinite ||= isNonFinite(loss);
        for (let j = 0; j < classes; j++) {
          put(base + j, loss, (Math.exp(z[base + j]! - top) / total - (j === label ? 1 : 0)) * scale);
        }
      }
      // The row's model's flag.
      if (nonFinite) flags[Math.floor(i / Math.max(1, rowsPerModel))] = 1;
    }
  }

  countErrors(logits: Tensor, labels: Tensor, wrong: Tensor, rows: number, classes: number): void {
    const z = own(logits).values;
    const y = own(labels).words;
    const out = own(wrong).values;
    for (let i = 0; i < rows; i++) {
      let predicted = 0;
      if (classes === 1) predicted = z[i]! > 0 ? 1 : 0;
      else {
        for (let j = 1; j < classes; j++) if (z[i * classes + j]! > z[i * classes + predicted]!) predicted = j;
      }
      out[i] = predicted === y[i] ? 0 : 1;
    }
  }

  sgd(t: OptimizerTensors, count: number, weightDecay: number, batch?: OptimizerBatch): void {
    const w = own(t.weights).values;
    const g = own(t.grads).values;
    const v = own(t.moment1).values;
    this.eachModel(t, count, batch, (from, to, [lr, momentum]) => {
      let nonFinite = false;
      for (let i = from; i < to; i++) {
        v[i] = momentum * v[i]! + g[i]!;
        w[i] = w[i]! * (1 - lr * weightDecay) - lr * v[i]!;
        nonFinite ||= !Number.isFinite(w[i]!);
      }
      return nonFinite;
    });
  }

  adamw(t: OptimizerTensors, count: number, s: AdamSettings, batch?: OptimizerBatch): void {
    if (!t.moment2) throw new Error('AdamW needs a second-moment buffer.');
    const w = own(t.weights).values;
    const g = own(t.grads).values;
    const m = own(t.moment1).values;
    const v = own(t.moment2).values;
    const correction2 = 1 - Math.pow(s.beta2, this.step + 1);
    this.eachModel(t, count, batch, (from, to, [lr, beta1]) => {
      const correction1 = 1 - Math.pow(beta1, this.step + 1);
      let nonFinite = false;
      for (let i = from; i < to; i++) {
        m[i] = beta1 * m[i]! + (1 - beta1) * g[i]!;
        v[i] = s.beta2 * v[i]! + (1 - s.beta2) * g[i]! * g[i]!;
        const denom = Math.sqrt(v[i]!) / Math.sqrt(correction2) + s.eps;
        w[i] = w[i]! * (1 - lr * s.weightDecay) - (lr / correction1) * (m[i]! / denom);
        nonFinite ||= !Number.isFinite(w[i]!);
      }
      return nonFinite;
    });
  }

  /** Runs `update` on each model's parameters that is still training, with its (lr, momentum), and raises its flag when it says so. */
  private eachModel(
    t: OptimizerTensors,
    count: number,
    batch: OptimizerBatch | undefined,
    update: (from: number, to: number, hyper: [number, number]) => boolean,
  ): void {
    const { perModel, scheduleStride, steps } = batch ?? { perModel: count, scheduleStride: 0, steps: [Infinity] };
    const schedule = own(t.schedule).values;
    const models = Math.ceil(count / Math.max(1, perModel));
    for (let z = 0; z < models; z++) {
      if (this.step >= (steps[z] ?? 0)) continue;
      const at = 2 * (z * scheduleStride + this.step);
      const from = z * perModel;
      if (update(from, Math.min(count, from + perModel), [schedule[at]!, schedule[at + 1]!])) own(t.nonFinite).words[z] = 1;
    }
  }

  linearSgdEpochs(t: LinearEpochTensors, shape: LinearEpochShape): void {
    const { features, scheduleStride, validSlots } = shape;
    const schedule = own(t.schedule).values;
    const first = this.step;
    t.models.forEach((model, m) => {
      const w = own(t.weights).values.subarray(m * features, (m + 1) * features);
      const v = own(t.velocity).values.subarray(m * features, (m + 1) * features);
      // Σ (x·w − y)² over a table, and when `grad` is given Σ (x·w − y)·x into it.
      const sums = (x: Float32Array, y: Float32Array, count: number, grad?: Float64Array) => {
        let loss = 0;
        for (let i = 0; i < count; i++) {
          let prediction = 0;
          for (let f = 0; f < features; f++) prediction += x[i * features + f]! * w[f]!;
          const diff = prediction - y[i]!;
          loss += diff * diff;
          if (grad) for (let f = 0; f < features; f++) grad[f]! += diff * x[i * features + f]!;
        }
        return loss;
      };
      let nonFinite = false;
      // A model whose run has ended stops updating.
      const last = Math.min(first + shape.epochs, model.steps);
      for (let step = first; step < last; step++) {
        const lr = schedule[2 * (m * scheduleStride + step)]!;
        const momentum = schedule[2 * (m * scheduleStride + step) + 1]!;
        const grad = new Float64Array(features);
        const loss = sums(own(model.trainX).values, own(model.trainY).values, model.rows, grad) / model.rows;
        own(t.losses).values[m * scheduleStride + step] = loss;
        nonFinite ||= isNonFinite(loss);
        for (let f = 0; f < features; f++) {
          v[f] = momentum * v[f]! + (2 * grad[f]!) / model.rows;
          w[f] = w[f]! - lr * v[f]!;
          nonFinite ||= !Number.isFinite(w[f]!);
        }
        own(t.trajectory).values.set(w, (m * scheduleStride + step) * features);
        if (shape.validate) {
          const valid = sums(own(model.validX).values, own(model.validY).values, model.validRows) / model.validRows;
          own(t.validLoss).values[m * validSlots + (step % validSlots)] = valid;
          nonFinite ||= isNonFinite(valid);
        }
      }
      if (nonFinite) own(t.nonFinite).words[m] = 1;
    });
    this.step = first + shape.epochs;
  }

  planarFeatures(points: PlanarPoints, out: Tensor, mask: number): void {
    const o = own(out).values;
    const rows = 'grid' in points ? points.grid * points.grid : points.rows;
    const source = 'grid' in points ? null : own(points.tensor).values;
    const width = planarFeatureRow(0, 0, mask).length;
    for (let r = 0; r < rows; r++) {
      const [x1, x2] = 'grid' in points ? gridCell(r, points.grid, points.extent) : [source![2 * r]!, source![2 * r + 1]!];
      o.set(planarFeatureRow(Math.fround(x1), Math.fround(x2), mask), r * width);
    }
  }

  penalize(weights: Tensor, penalized: Tensor, grads: Tensor, count: number, kind: 'l1' | 'l2', rate: number): void {
    const [w, mask, g] = [own(weights).values, own(penalized).values, own(grads).values];
    for (let i = 0; i < count; i++) g[i]! += rate * mask[i]! * (kind === 'l1' ? Math.sign(w[i]!) : w[i]!);
  }

  lossSurface(x: Tensor, y: Tensor, rows: number, out: Tensor, grid: SurfaceGrid): void {
    const [xs, ys, values] = [own(x).values, own(y).values, own(out).values];
    for (let r = 0; r < grid.rows; r++) {
      for (let c = 0; c < grid.cols; c++) {
        const [a, b] = gridPoint(grid, c, r).map(Math.fround) as [number, number];
        let total = 0;
        for (let i = 0; i < rows; i++) {
          const diff = a * xs[2 * i]! + b * xs[2 * i + 1]! - ys[i]!;
          total += diff * diff;
        }
        values[r * grid.cols + c] = total / rows;
      }
    }
  }

  conv2d(input: Tensor, weights: Tensor, out: Tensor, shape: Conv2dShape, bias?: Tensor): void {
    image.conv2d(own(input).values, own(weights).values, bias ? own(bias).values : null, own(out).values, shape);
  }

  conv2dBackwardInput(gradOut: Tensor, weights: Tensor, gradIn: Tensor, shape: Conv2dShape): void {
    image.conv2d(own(gradOut).values, own(weights).values, null, own(gradIn).values, shape, true);
  }

  conv2dBackwardWeights(input: Tensor, gradOut: Tensor, gradWeights: Tensor, shape: Conv2dShape, gradBias?: Tensor): void {
    image.conv2dWeightsGrad(own(input).values, own(gradOut).values, own(gradWeights).values, gradBias ? own(gradBias).values : null, shape);
  }

  maxPool2d(input: Tensor, out: Tensor, shape: ImageShape): void {
    image.maxPool2d(own(input).values, own(out).values, shape);
  }

  maxPool2dBackward(input: Tensor, gradOut: Tensor, gradIn: Tensor, shape: ImageShape): void {
    image.maxPool2d(own(input).values, own(gradIn).values, shape, own(gradOut).values);
  }

  globalAvgPool(input: Tensor, out: Tensor, shape: ImageShape): void {
    image.globalAvgPool(own(input).values, own(out).values, shape);
  }

  globalAvgPoolBackward(gradOut: Tensor, gradIn: Tensor, shape: ImageShape): void {
    image.globalAvgPool(own(gradOut).values, own(gradIn).values, shape, true);
  }

  batchNorm(t: BatchNormTensors, shape: ImageShape, training: boolean): void {
    assertBatchStatistics(shape, training);
    image.batchNorm(arrays(t), shape, training);
  }

  batchNormBackward(t: BatchNormTensors, g: BatchNormGradients, shape: ImageShape, training: boolean): void {
    image.batchNormBackward(arrays(t), arrays(g), shape, training);
  }

  setStep(step: number): void {
    this.step = step;
  }

  advanceStep(): void {
    this.step++;
  }

  flush(): void {}
  dispose(): void {}

  augmentImages(source: Tensor, order: Tensor, out: Tensor, shape: ImageShape, stepsPerEpoch: number, settings: AugmentSettings, at: RandomPosition): void {
    assertAugmentSettings(settings);
    augmentImages(own(source).values, own(order).words, own(out).values, shape, this.step, stepsPerEpoch, settings, at);
  }
}
