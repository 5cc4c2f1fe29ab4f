/**
 * Every kernel against a float64 reference computed here, on fresh random inputs of awkward
 * sizes, with outputs poisoned with NaN before the run so an unwritten element shows. The
 * same table runs on the WebGPU backend (in real WebGPU) and on the CPU twin.
 *
 * @example
 * import { TestRandom } from './check-kit';
 * // given: const backend: Backend
 * for (const check of kernelChecks()) {
 *   const { relativeError, badElements } = await check.run(backend, new TestRandom(1));
 * }
 */
import { ACTIVATIONS, SLICE_ALIGNMENT, type LossKind, type StridedView, type Tensor } from '../backend';
import { uniformFloat } from '../cpu/rng';
import { packTensors } from '../packed-tensors';
import { batchedKernelChecks } from './batched-kernel-checks';
import { planarChecks } from './planar-checks';
import { copyRangeChecks, surfaceChecks } from './surface-checks';
import { finish, poisoned, upload, uploadOptimizer, type KernelCheck, type TestRandom } from './check-kit';
import { compare } from './compare';
import { imageChecks } from './image-checks';
import { augmentChecks } from './augment-checks';
import { REFERENCE_ACTIVATION, type MatmulCase } from './matmul-reference';

const SIZES = [1, 3, 7, 63, 64, 65, 127, 1000];

/** A view's elements poisoned, the rest random: the reference keeps the rest as it was. */
function stridedCase(random: TestRandom, count: number) {
  const stride = count % 2 === 0 ? 1 : 3;
  const offset = count % 3;
  const length = offset + Math.max(0, count - 1) * stride + 2;
  const initial = random.floats(length);
  const indices = Array.from({ length: count }, (_, i) => offset + i * stride);
  for (const i of indices) initial[i] = NaN;
  return { stride, offset, initial, indices };
}

function fillChecks(): KernelCheck[] {
  return SIZES.map((count) => ({
    kernel: 'fill',
    name: `fill ${count} strided`,
    async run(backend, random) {
      const { stride, offset, initial, indices } = stridedCase(random, count);
      const t = upload(backend, initial, 'x');
      const value = random.floats(1)[0]!;
      backend.fill({ tensor: t, offset, stride, count }, value);
      const ref = Float64Array.from(initial);
      for (const i of indices) ref[i] = value;
      // Untouched elements keep their values; the reference's NaNs are now the written ones.
      return finish(backend, [t], [ref], [t]);
    },
  }));
}

/** A copy into a slice of a poisoned tensor: the rest must stay poisoned. */
function copyChecks(): KernelCheck[] {
  return SIZES.map((count) => ({
    kernel: 'copy',
    name: `copy ${count} into a slice`,
    async run(backend, random) {
      const values = random.floats(count);
      const source = upload(backend, values, 'source');
      const target = poisoned(backend, SLICE_ALIGNMENT + count + 3, 'target');
      backend.copy(source, backend.slice(target, SLICE_ALIGNMENT, count, 'target slice'));
      const ref = new Float64Array(SLICE_ALIGNMENT + count + 3).fill(NaN);
      ref.set(values, SLICE_ALIGNMENT);
      return finish(backend, [target], [ref], [source, target]);
    },
  }));
}

function uniformChecks(): KernelCheck[] {
  return SIZES.map((count) => ({
    kernel: 'uniform_',
    name: `uniform_ ${count} strided`,
    async run(backend, random) {
      const { stride, offset, initial, indices } = stridedCase(random, count);
      const t = upload(backend, initial, 'x');
      const at = { seed: random.below(1 << 30), stream: random.below(8), counter: random.below(1 << 20) };
      const view: StridedView = { tensor: t, offset, stride, count };
      backend.uniform(view, -1, 1, at);
      const ref = Float64Array.from(initial);
      indices.forEach((index, i) => {
        // float64 arithmetic on the same 24 random bits.
        const u = uniformFloat(at.seed, at.stream, at.counter + i, 0, 1);
        ref[index] = -1 + 2 * u;
      });
      return finish(backend, [t], [ref], [t]);
    },
  }));
}

const MATMUL_SHAPES: [number, number, number][] = [
  [1, 1, 1],
  [3, 7, 5],
  [7, 3, 63],
  [63, 64, 65],
  [64, 65, 63],
  [65, 127, 64],
  [127, 63, 65],
  [1000, 7, 65],
  [7, 1000, 3],
  [100, 1, 2],
];

function matmulCases(): MatmulCase[] {
  const cases: MatmulCase[] = [];
  for (const [m, n, k] of MATMUL_SHAPES) {
    cases.push({ m, n, k }, { m, n, k, transA: true }, { m, n, k, transB: true });
  }
  cases.push(
    { m: 65, n: 127, k: 63, bias: true },
    { m: 65, n: 127, k: 63, bias: true, activation: 'relu' },
    { m: 65, n: 127, k: 63, bias: true, activation: 'tanh' },
    { m: 63, n: 65, k: 7, bias: true, activation: 'sigmoid' },
    { m: 1, n: 10, k: 128, bias: true },
    { m: 200, n: 128, k: 64, bias: true, activation: 'relu' },
    { m: 1000, n: 8, k: 2, bias: true, activation: 'tanh' },
    { m: 100, n: 1, k: 2, accumulate: true },
    { m: 65, n: 63, k: 7, transB: true, accumulate: true },
    // Every epilogue at once, past the WebAssembly product's 4 × 8 block on both edges.
    { m: 7, n: 9, k: 1000, transA: true, bias: true, activation: 'relu', accumulate: true },
    { m: 1, n: 1, k: 1, bias: true, activation: 'relu', accumulate: true },
    // Whole blocks of 4 rows and 8 columns, which the WebAssembly product multiplies in place.
    { m: 8, n: 16, k: 65, transB: true, bias: true, activation: 'relu', accumulate: true },
  );
  return cases;
}

function matmulChecks(): KernelCheck[] {
  return matmulCases().map((c) => {
    const op = `${c.accumulate ? 'C + ' : ''}${c.transA ? 'Aᵀ' : 'A'}·${c.transB ? 'Bᵀ' : 'B'}${c.bias ? ' + bias' : ''}${c.activation ? `, ${c.activation}` : ''}`;
    return {
      kernel: 'matmul',
      name: `matmul ${op} ${c.m}×${c.n}×${c.k}`,
      async run(backend, random) {
        const { m, n, k } = c;
        const a = random.floats(m * k);
        const b = random.floats(k * n);
        const bias = random.floats(n);
        const at = upload(backend, a, 'a');
        const bt = upload(backend, b, 'b');
        const biasT = upload(backend, bias, 'bias');
        // Accumulating reads C, so C starts random; otherwise it starts poisoned.
        const initial = random.floats(m * n);
        const out = c.accumulate ? upload(backend, initial, 'c') : poisoned(backend, m * n, 'c');
        backend.matmul(at, bt, out, {
          m, n, k, transA: c.transA, transB: c.transB, bias: c.bias ? biasT : undefined, activation: c.activation, accumulate: c.accumulate,
        });
        const ref = new Float64Array(m * n);
        for (let i = 0; i < m; i++) {
          for (let j = 0; j < n; j++) {
            let acc = (c.bias ? bias[j]! : 0) + (c.accumulate ? initial[i * n + j]! : 0);
            for (let l = 0; l < k; l++) {
              acc += (c.transA ? a[l * m + i]! : a[i * k + l]!) * (c.transB ? b[j * k + l]! : b[l * n + j]!);
            }
            ref[i * n + j] = REFERENCE_ACTIVATION[c.activation ?? 'linear'].f(acc);
          }
        }
        return finish(backend, [out], [ref], [at, bt, biasT, out]);
      },
    };
  });
}

/** Each activation on its own (after a batch norm or a convolution), over inputs wide enough to saturate tanh and the sigmoid. */
function activationChecks(): KernelCheck[] {
  return ACTIVATIONS.flatMap((activation) =>
    [1, 7, 65, 1000].map((count) => ({
      kernel: 'activation_forward',
      name: `activation_forward ${activation} ${count}`,
      async run(backend, random) {
        const x = random.floats(count).map((v) => 20 * v);
        const [xt, out] = [upload(backend, x, 'pre-activation'), poisoned(backend, count, 'activated')];
        backend.activate(xt, out, count, activation);
        const ref = Float64Array.from(x, (v) => REFERENCE_ACTIVATION[activation].f(v));
        return finish(backend, [out], [ref], [xt, out]);
      },
    })),
  );
}

/** Each activation's backward, from outputs the activation can give (ReLU's include exact zeros). */
function activationBackwardChecks(): KernelCheck[] {
  return ACTIVATIONS.flatMap((activation) =>
    [1, 7, 65, 1000].map((count) => ({
      kernel: 'activation_backward',
      name: `activation_backward ${activation} ${count}`,
      async run(backend, random) {
        const g = random.floats(count);
        const y = random.floats(count).map((x) => REFERENCE_ACTIVATION[activation].f(3 * x));
        const [gt, yt, out] = [upload(backend, g, 'grad out'), upload(backend, y, 'output'), poisoned(backend, count, 'grad in')];
        backend.activationBackward(gt, yt, out, count, activation);
        const ref = Float64Array.from(g, (x, i) => x * REFERENCE_ACTIVATION[activation].slope(y[i]!));
        return finish(backend, [out], [ref], [gt, yt, out]);
      },
    })),
  );
}

function sumRowsChecks(): KernelCheck[] {
  const shapes: [number, number][] = [[1, 1], [7, 3], [63, 127], [64, 10], [1000, 65], [3, 1000]];
  return shapes.map(([rows, cols]) => ({
    kernel: 'sum_rows',
    name: `sum_rows ${rows}×${cols}`,
    async run(backend, random) {
      // Positive, as for sum: a signed column of 1,000 can sum to nearly 0, where a relative
      // error measures the cancellation, not the kernel (one seed read 1.4e-3 so).
      const x = random.floats(rows * cols, 0, 1);
      const scale = 1 / rows;
      const [xt, out] = [upload(backend, x, 'x'), poisoned(backend, cols, 'sums')];
      backend.sumRows(xt, rows, cols, out, scale);
      const ref = new Float64Array(cols);
      for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) ref[j]! += x[i * cols + j]!;
      return finish(backend, [out], [ref.map((v) => v * scale)], [xt, out]);
    },
  }));
}

function sumChecks(): KernelCheck[] {
  const counts = [1, 7, 65, 256, 1000, 100_000];
  return counts.map((count, c) => ({
    kernel: 'sum',
    name: `sum ${count}${c % 2 ? ' at step slot' : ''}`,
    async run(backend, random) {
      const x = random.floats(count, 0, 1);
      const atStep = c % 2 === 1;
      const step = atStep ? 3 : 0;
      const [xt, out] = [upload(backend, x, 'x'), poisoned(backend, 8, 'sums')];
      backend.setStep(step);
      backend.sum(xt, count, out, 2, 0.5, atStep);
      const ref = new Float64Array(8).fill(NaN);
      ref[2 + step] = 0.5 * x.reduce((a, v) => a + v, 0);
      return finish(backend, [out], [ref], [xt, out]);
    },
  }));
}

function gatherChecks(): KernelCheck[] {
  return ([['f32', 7, 65], ['u32', 9, 1], ['f32', 64, 3]] as const).map(([dtype, rows, cols]) => ({
    kernel: 'gather_rows',
    name: `gather_rows ${dtype} ${rows}×${cols}`,
    async run(backend, random) {
      const sourceRows = rows * 3 + 1;
      const stepsPerEpoch = 3;
      const order = random.labels(rows * stepsPerEpoch, sourceRows);
      const source = dtype === 'u32' ? random.labels(sourceRows * cols, 1000) : random.floats(sourceRows * cols);
      const [st, ot] = [upload(backend, source, 'source'), upload(backend, order, 'order')];
      const out = backend.tensor(rows * cols, 'batch', dtype);
      backend.write(out, dtype === 'u32' ? new Uint32Array(rows * cols).fill(0xffffffff) : new Float32Array(rows * cols).fill(NaN));
      backend.setStep(stepsPerEpoch + 1); // the second batch of the second epoch
      backend.gatherRows(st, ot, out, rows, cols, stepsPerEpoch);
      const ref = new Float64Array(rows * cols);
      for (let r = 0; r < rows; r++) {
        for (let c = 0; c < cols; c++) ref[r * cols + c] = source[order[rows + r]! * cols + c]!;
      }
      const got = dtype === 'u32' ? await backend.readWords(out) : await backend.read(out);
      for (const t of [st, ot, out]) backend.release(t);
      return compare(Float64Array.from(got), ref);
    },
  }));
}

/** Row losses and logit gradients in float64, as the kernels define them. */
function lossReference(kind: LossKind, logits: Float32Array, targets: Float32Array | Uint32Array, rows: number, classes: number, scale: number) {
  const rowLoss = new Float64Array(rows);
  const grad = new Float64Array(rows * classes);
  for (let i = 0; i < rows; i++) {
    if (kind === 'mse') {
      const d = logits[i]! - targets[i]!;
      rowLoss[i] = d * d;
      grad[i] = 2 * d * scale;
    } else if (kind === 'binary-cross-entropy') {
      const z = logits[i]!;
      const y = targets[i]!;
      const p = 1 / (1 + Math.exp(-z));
      rowLoss[i] = -(y * Math.log(p) + (1 - y) * Math.log(1 - p));
      grad[i] = (p - y) * scale;
    } else {
      const row = Array.from(logits.subarray(i * classes, (i + 1) * classes));
      const exps = row.map((z) => Math.exp(z));
      const total = exps.reduce((a, e) => a + e, 0);
      const label = targets[i]!;
      rowLoss[i] = -Math.log(exps[label]! / total);
      exps.forEach((e, j) => (grad[i * classes + j] = (e / total - (j === label ? 1 : 0)) * scale));
    }
  }
  return { rowLoss, grad };
}

function lossChecks(): KernelCheck[] {
  const cases: [LossKind, number, number][] = [];
  for (const rows of [1, 7, 65, 1000]) {
    cases.push(['mse', rows, 1], ['softmax-cross-entropy', rows, rows === 7 ? 3 : 10], ['binary-cross-entropy', rows, 1]);
  }
  return cases.map(([kind, rows, classes]) => ({
    kernel: kind,
    name: `${kind} ${rows}×${classes}`,
    async run(backend, random) {
      const logits = random.floats(rows * classes, -4, 4);
      const targets = kind === 'mse' ? random.floats(rows, -2, 2) : random.labels(rows, kind === 'binary-cross-entropy' ? 2 : classes);
      const scale = 1 / rows;
      const t = {
        logits: upload(backend, logits, 'logits'),
        targets: upload(backend, targets, 'targets'),
        grad: poisoned(backend, rows * classes, 'grad'),
        rowLoss: poisoned(backend, rows, 'row loss'),
        nonFinite: upload(backend, new Uint32Array(1), 'non-finite'),
      };
      backend.loss(kind, t, rows, classes, scale);
      const ref = lossReference(kind, logits, targets, rows, classes, scale);
      return finish(backend, [t.rowLoss, t.grad], [ref.rowLoss, ref.grad], Object.values(t), t.nonFinite);
    },
  }));
}

function nonFiniteChecks(): KernelCheck[] {
  return (['mse', 'softmax-cross-entropy', 'binary-cross-entropy'] as LossKind[]).map((kind) => ({
    kernel: 'non-finite flag',
    name: `${kind} raises the non-finite flag on a NaN logit`,
    async run(backend, random) {
      const rows = 65;
      const classes = kind === 'softmax-cross-entropy' ? 10 : 1;
      const logits = random.floats(rows * classes);
      logits[rows * classes - 1] = NaN;
      const t = {
        logits: upload(backend, logits, 'logits'),
        targets: upload(backend, kind === 'mse' ? random.floats(rows) : random.labels(rows, Math.max(2, classes)), 'targets'),
        grad: poisoned(backend, rows * classes, 'grad'),
        rowLoss: poisoned(backend, rows, 'row loss'),
        nonFinite: upload(backend, new Uint32Array(1), 'non-finite'),
      };
      backend.loss(kind, t, rows, classes, 1 / rows);
      const flag = await backend.readWords(t.nonFinite);
      for (const tensor of Object.values(t)) backend.release(tensor);
      return compare([flag[0]!], [1]);
    },
  }));
}

function countErrorsChecks(): KernelCheck[] {
  return ([[7, 1], [65, 10], [1000, 10], [1000, 1]] as const).map(([rows, classes]) => ({
    kernel: 'count_errors',
    name: `count_errors ${rows}×${classes}`,
    async run(backend, random) {
      const logits = random.floats(rows * classes);
      const labels = random.labels(rows, classes === 1 ? 2 : classes);
      const [zt, yt, out] = [upload(backend, logits, 'logits'), upload(backend, labels, 'labels'), poisoned(backend, rows, 'wrong')];
      backend.countErrors(zt, yt, out, rows, classes);
      const ref = new Float64Array(rows);
      for (let i = 0; i < rows; i++) {
        const row = Array.from(logits.subarray(i * classes, (i + 1) * classes));
        const predicted = classes === 1 ? (row[0]! > 0 ? 1 : 0) : row.indexOf(Math.max(...row));
        ref[i] = predicted === labels[i] ? 0 : 1;
      }
      return finish(backend, [out], [ref], [zt, yt, out]);
    },
  }));
}

function optimizerChecks(): KernelCheck[] {
  const cases: ['sgd' | 'adamw', number][] = [];
  for (const count of [1, 7, 65, 1000]) cases.push(['sgd', count], ['adamw', count]);
  return cases.map(([kind, count]) => ({
    kernel: kind,
    name: `${kind} ${count}`,
    async run(backend, random) {
      const steps = 6;
      const step = 4;
      const schedule = random.floats(steps * 2, 0.01, 0.9);
      const w = random.floats(count);
      const g = random.floats(count);
      const m = random.floats(count);
      const v = random.floats(count, 0, 1);
      const wd = 0.01;
      const t = uploadOptimizer(backend, { w, g, m, v, schedule }, 1);
      backend.setStep(step);
      const lr = schedule[2 * step]!;
      const mu = schedule[2 * step + 1]!;
      const refW = new Float64Array(count);
      const refM = new Float64Array(count);
      const refV = Float64Array.from(v);
      if (kind === 'sgd') {
        backend.sgd(t, count, wd);
        for (let i = 0; i < count; i++) {
          refM[i] = mu * m[i]! + g[i]!;
          refW[i] = w[i]! * (1 - lr * wd) - lr * refM[i]!;
        }
      } else {
        const beta2 = 0.99;
        const eps = 1e-8;
        backend.adamw(t, count, { beta2, eps, weightDecay: wd });
        const c1 = 1 - mu ** (step + 1);
        const c2 = 1 - beta2 ** (step + 1);
        for (let i = 0; i < count; i++) {
          refM[i] = mu * m[i]! + (1 - mu) * g[i]!;
          refV[i] = beta2 * v[i]! + (1 - beta2) * g[i]! ** 2;
          refW[i] = w[i]! * (1 - lr * wd) - (lr / c1) * (refM[i]! / (Math.sqrt(refV[i]!) / Math.sqrt(c2) + eps));
        }
      }
      return finish(backend, [t.weights, t.moment1, t.moment2], [refW, refM, refV], Object.values(t), t.nonFinite);
    },
  }));
}

/** Features first, then a column of ones, as line's x = ones(n, 2); x[:,0].uniform_(-1, 1). */
function linearInputs(random: TestRandom, rows: number, features: number) {
  const x = random.floats(rows * features);
  for (let i = 0; i < rows; i++) x[i * features + features - 1] = 1;
  return { x, y: random.floats(rows, -2, 6), w: random.floats(features) };
}

/** Σ (x·w − y)² and Σ (x·w − y)·x over the rows, in float64. */
function linearReference(x: Float32Array, y: Float32Array, w: ArrayLike<number>, rows: number, features: number) {
  let loss = 0;
  const grad = new Float64Array(features);
  for (let i = 0; i < rows; i++) {
    let p = 0;
    for (let f = 0; f < features; f++) p += x[i * features + f]! * w[f]!;
    loss += (p - y[i]!) ** 2;
    for (let f = 0; f < features; f++) grad[f]! += (p - y[i]!) * x[i * features + f]!;
  }
  return { loss, grad };
}

/**
 * Several fused epochs from step 2 for K models at once (K = 1, 2, 7), each with its own
 * rows, validation rows, schedule and run length: one model's run ends inside the dispatch
 * and, with K > 2, one's has ended before it, so it must not move. Checked: per-step losses,
 * validation losses in their slots (later epochs overwrite earlier ones when epochs > slots),
 * weights, velocities, flags and the step counter. The reference keeps w and v in float32
 * between steps, as the kernel does.
 */
function fusedLinearChecks(): KernelCheck[] {
  // models, features, epochs, slots, validate; each model's rows and validation rows follow
  const cases: [number, number, number, number, boolean][] = [
    [1, 1, 1, 1, true],
    [1, 2, 3, 2, false],
    [1, 3, 2, 3, true],
    [1, 2, 17, 17, true],
    [1, 4, 5, 4, true],
    [2, 2, 6, 6, true],
    [7, 2, 9, 4, true],
    [7, 3, 4, 4, false],
  ];
  const ROWS = [1, 7, 65, 100, 1000, 63, 3];
  return cases.map(([models, features, epochs, validSlots, validate]): KernelCheck => ({
    kernel: 'linear_sgd_epochs',
    name: `linear_sgd_epochs ×${models} models, ${features} features, ${epochs} epochs${validate ? '' : ', no validation'}`,
    async run(backend, random) {
      const first = 2;
      const stride = first + epochs + 1;
      const specs = Array.from({ length: models }, (_, m) => {
        const rows = ROWS[(m + features) % ROWS.length]!;
        const validRows = ROWS[(m + 3) % ROWS.length]!;
        // Model 1 ends half-way through the dispatch; model 2 ended before it.
        const steps = m === 1 ? first + Math.ceil(epochs / 2) : m === 2 ? first - 1 : stride;
        return { rows, validRows, steps, train: linearInputs(random, rows, features), valid: linearInputs(random, validRows, features) };
      });
      const w = random.floats(models * features);
      const velocity = random.floats(models * features);
      const [lrs, momenta] = [random.floats(models * stride, 0.01, 0.2), random.floats(models * stride, 0, 0.9)];
      const schedule = Float32Array.from({ length: 2 * models * stride }, (_, i) => (i % 2 ? momenta : lrs)[i >> 1]!);
      const contents = specs.flatMap((spec) => [spec.train.x, spec.train.y, spec.valid.x, spec.valid.y]);
      const { whole, parts } = packTensors(backend, contents.map((c) => c.length), 'linear data');
      contents.forEach((values, i) => backend.write(parts[i]!, values));
      const slots = specs.map((spec, m) => {
        const [trainX, trainY, validX, validY] = parts.slice(4 * m, 4 * m + 4) as [Tensor, Tensor, Tensor, Tensor];
        return { trainX, trainY, validX, validY, rows: spec.rows, validRows: spec.validRows, steps: spec.steps };
      });
      const t = {
        models: slots,
        schedule: upload(backend, schedule, 'schedule'),
        weights: upload(backend, w, 'weights'),
        velocity: upload(backend, velocity, 'velocity'),
        losses: poisoned(backend, models * stride, 'losses'),
        validLoss: poisoned(backend, models * validSlots, 'valid losses'),
        trajectory: poisoned(backend, models * stride * features, 'trajectory'),
        nonFinite: upload(backend, new Uint32Array(models), 'non-finite'),
      };
      const probe = poisoned(backend, stride + 1, 'step probe');
      backend.setStep(first);
      backend.linearSgdEpochs(t, { features, epochs, validate, validSlots, scheduleStride: stride });
      // The step counter advanced by `epochs`: y[0] summed into the current step's slot lands there.
      backend.sum(slots[0]!.trainY, 1, probe, 0, 1, true);

      const refW = Array.from(w);
      const refV = Array.from(velocity);
      const refLosses = new Array<number>(models * stride).fill(NaN);
      const refValid = new Array<number>(models * validSlots).fill(NaN);
      const refTrajectory = new Array<number>(models * stride * features).fill(NaN);
      specs.forEach((spec, m) => {
        const wm = refW.slice(m * features, (m + 1) * features);
        const vm = refV.slice(m * features, (m + 1) * features);
        for (let step = first; step < Math.min(first + epochs, spec.steps); step++) {
          const { loss, grad } = linearReference(spec.train.x, spec.train.y, wm, spec.rows, features);
          refLosses[m * stride + step] = loss / spec.rows;
          const [lr, mu] = [schedule[2 * (m * stride + step)]!, schedule[2 * (m * stride + step) + 1]!];
          for (let f = 0; f < features; f++) {
            vm[f] = Math.fround(mu * vm[f]! + (2 * grad[f]!) / spec.rows);
            wm[f] = Math.fround(wm[f]! - lr * vm[f]!);
          }
          refTrajectory.splice((m * stride + step) * features, features, ...wm);
          if (validate) refValid[m * validSlots + (step % validSlots)] = linearReference(spec.valid.x, spec.valid.y, wm, spec.validRows, features).loss / spec.validRows;
        }
        refW.splice(m * features, features, ...wm);
        refV.splice(m * features, features, ...vm);
      });
      const refProbe = Array.from({ length: stride + 1 }, (_, i) => (i === first + epochs ? specs[0]!.train.y[0]! : NaN));
      const outputs = [t.weights, t.velocity, t.losses, t.validLoss, t.trajectory, probe];
      const refs = [refW, refV, refLosses, refValid, refTrajectory, refProbe];
      const made = [whole, t.schedule, t.weights, t.velocity, t.losses, t.validLoss, t.trajectory, t.nonFinite, probe];
      return finish(backend, outputs, refs, made, t.nonFinite);
    },
  }));
}

export function kernelChecks(): KernelCheck[] {
  return [
    ...batchedKernelChecks(),
    ...fillChecks(),
    ...copyChecks(),
    ...uniformChecks(),
    ...matmulChecks(),
    ...activationChecks(),
    ...activationBackwardChecks(),
    ...sumRowsChecks(),
    ...sumChecks(),
    ...gatherChecks(),
    ...lossChecks(),
    ...nonFiniteChecks(),
    ...countErrorsChecks(),
    ...optimizerChecks(),
    ...fusedLinearChecks(),
    ...surfaceChecks(),
    ...copyRangeChecks(),
    ...planarChecks(),
    ...imageChecks(),
    ...augmentChecks(),
  ];
}
