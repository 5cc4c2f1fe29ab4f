/**
 * The kernels that train K models of one architecture at once (what-if runs, seeds), at
 * K = 1, 2 and 7 against float64: each model's operands sit a stride apart (0 where they
 * share one), its results land a stride apart, its flag is its own, and a model whose run
 * has ended does not move. Outputs start poisoned, so a model's unwritten element shows.
 */
import type { Backend, LossKind } from '../backend';
import { compare } from './compare';
import { finish, poisoned, upload, uploadOptimizer, type KernelCheck, type TestRandom } from './check-kit';
import { REFERENCE_ACTIVATION, type MatmulCase } from './matmul-reference';

const MODELS = [1, 2, 7];

interface BatchedMatmulCase extends Omit<MatmulCase, 'accumulate'> {
  /** Every model multiplies the same A (validation rows, shared by all models). */
  sharedA?: boolean;
}

const MATMUL_CASES: BatchedMatmulCase[] = [
  { m: 7, n: 65, k: 63, bias: true, activation: 'relu' },
  { m: 7, n: 8, k: 9, bias: true, activation: 'tanh' },
  { m: 65, n: 10, k: 127, bias: true, sharedA: true },
  { m: 63, n: 7, k: 65, transA: true },
  { m: 64, n: 63, k: 10, transB: true },
  { m: 1, n: 3, k: 1000, bias: true },
];

/** Strides with a gap of 3 elements between models, so a kernel that ignores them reads the wrong numbers. */
function matmulChecks(): KernelCheck[] {
  return MODELS.flatMap((models) =>
    MATMUL_CASES.map((c) => ({
      kernel: 'matmul (batched)',
      name: `matmul ×${models} models ${c.transA ? 'Aᵀ' : 'A'}·${c.transB ? 'Bᵀ' : 'B'}${c.bias ? ' + bias' : ''}${c.activation ? `, ${c.activation}` : ''}${c.sharedA ? ', shared A' : ''} ${c.m}×${c.n}×${c.k}`,
      async run(backend: Backend, random: TestRandom) {
        const { m, n, k } = c;
        const strides = { a: c.sharedA ? 0 : m * k + 3, b: k * n + 3, out: m * n + 3, bias: n + 3 };
        const a = random.floats(c.sharedA ? m * k : models * strides.a);
        const b = random.floats(models * strides.b);
        const bias = random.floats(models * strides.bias);
        const [at, bt, biasT] = [upload(backend, a, 'a'), upload(backend, b, 'b'), upload(backend, bias, 'bias')];
        const out = poisoned(backend, models * strides.out, 'c');
        backend.matmul(at, bt, out, {
          m, n, k, transA: c.transA, transB: c.transB, bias: c.bias ? biasT : undefined, activation: c.activation,
          batch: { count: models, ...strides },
        });
        const ref = new Float64Array(models * strides.out).fill(NaN);
        for (let z = 0; z < models; z++) {
          for (let i = 0; i < m; i++) {
            for (let j = 0; j < n; j++) {
              let acc = c.bias ? bias[z * strides.bias + j]! : 0;
              for (let l = 0; l < k; l++) {
                const av = a[z * strides.a + (c.transA ? l * m + i : i * k + l)]!;
                const bv = b[z * strides.b + (c.transB ? j * k + l : l * n + j)]!;
                acc += av * bv;
              }
              ref[z * strides.out + i * n + j] = REFERENCE_ACTIVATION[c.activation ?? 'linear'].f(acc);
            }
          }
        }
        return finish(backend, [out], [ref], [at, bt, biasT, out]);
      },
    })),
  );
}

function sumRowsChecks(): KernelCheck[] {
  return MODELS.flatMap((models) =>
    ([[7, 3], [65, 10], [1000, 1]] as const).map(([rows, cols]) => ({
      kernel: 'sum_rows (batched)',
      name: `sum_rows ×${models} models ${rows}×${cols}`,
      async run(backend: Backend, random: TestRandom) {
        const x = random.floats(models * rows * cols, 0, 1); // positive: see sum_rows in kernel-checks.ts
        const outStride = cols + 5;
        const [xt, out] = [upload(backend, x, 'x'), poisoned(backend, models * outStride, 'sums')];
        backend.sumRows(xt, rows, cols, out, 0.5, { count: models, out: outStride });
        const ref = new Float64Array(models * outStride).fill(NaN);
        for (let z = 0; z < models; z++) {
          for (let j = 0; j < cols; j++) {
            let acc = 0;
            for (let i = 0; i < rows; i++) acc += x[(z * rows + i) * cols + j]!;
            ref[z * outStride + j] = 0.5 * acc;
          }
        }
        return finish(backend, [out], [ref], [xt, out]);
      },
    })),
  );
}

function sumChecks(): KernelCheck[] {
  return MODELS.flatMap((models) =>
    [1, 65, 1000].map((count) => ({
      kernel: 'sum (batched)',
      name: `sum ×${models} models of ${count} at the step's slot`,
      async run(backend: Backend, random: TestRandom) {
        const x = random.floats(models * count, 0, 1);
        const [step, index, outStride] = [3, 1, 9];
        const [xt, out] = [upload(backend, x, 'x'), poisoned(backend, models * outStride, 'sums')];
        backend.setStep(step);
        backend.sum(xt, count, out, index, 0.25, true, { count: models, out: outStride });
        const ref = new Float64Array(models * outStride).fill(NaN);
        for (let z = 0; z < models; z++) ref[index + z * outStride + step] = 0.25 * x.subarray(z * count, (z + 1) * count).reduce((a, v) => a + v, 0);
        return finish(backend, [out], [ref], [xt, out]);
      },
    })),
  );
}

/** A NaN logit in one model's rows raises that model's flag and no other. */
function lossFlagChecks(): KernelCheck[] {
  const kinds: LossKind[] = ['mse', 'softmax-cross-entropy', 'binary-cross-entropy'];
  return MODELS.flatMap((models) =>
    kinds.map((kind) => ({
      kernel: 'non-finite flag (batched)',
      name: `${kind} ×${models} models raises only the model's flag whose row is NaN`,
      async run(backend: Backend, random: TestRandom) {
        const rowsPerModel = 13;
        const rows = models * rowsPerModel;
        const classes = kind === 'softmax-cross-entropy' ? 10 : 1;
        const culprit = models - 1;
        const logits = random.floats(rows * classes);
        logits[(culprit * rowsPerModel + 5) * classes] = NaN;
        const t = {
          logits: upload(backend, logits, 'logits'),
          targets: upload(backend, kind === 'mse' ? random.floats(rows) : random.labels(rows, Math.max(2, classes)), 'targets'),
          grad: poisoned(backend, rows * classes, 'grad'),
          rowLoss: poisoned(backend, rows, 'row loss'),
          nonFinite: upload(backend, new Uint32Array(models), 'non-finite'),
        };
        backend.loss(kind, t, rows, classes, 1 / rowsPerModel, rowsPerModel);
        const flags = await backend.readWords(t.nonFinite);
        for (const tensor of Object.values(t)) backend.release(tensor);
        return compare(Array.from(flags), Array.from({ length: models }, (_, z) => (z === culprit ? 1 : 0)));
      },
    })),
  );
}

/**
 * SGD and AdamW over K models of `perModel` parameters, each with its own schedule; with
 * K > 1 the last model's run ended before this step, so none of its buffers move.
 */
function optimizerChecks(): KernelCheck[] {
  return MODELS.flatMap((models) =>
    (['sgd', 'adamw'] as const).map((kind) => ({
      kernel: `${kind} (batched)`,
      name: `${kind} ×${models} models of 65 parameters, ${models > 1 ? 'the last one ended' : 'one model'}`,
      async run(backend: Backend, random: TestRandom) {
        const [perModel, stride, step] = [65, 6, 4];
        const count = models * perModel;
        const steps = Array.from({ length: models }, (_, z) => (models > 1 && z === models - 1 ? step : stride));
        const schedule = random.floats(models * stride * 2, 0.01, 0.9);
        const [w, g, m, v] = [random.floats(count), random.floats(count), random.floats(count), random.floats(count, 0, 1)];
        const t = uploadOptimizer(backend, { w, g, m, v, schedule }, models);
        const [wd, beta2, eps] = [0.01, 0.99, 1e-8];
        const batch = { perModel, scheduleStride: stride, steps };
        backend.setStep(step);
        if (kind === 'sgd') backend.sgd(t, count, wd, batch);
        else backend.adamw(t, count, { beta2, eps, weightDecay: wd }, batch);
        const [refW, refM, refV] = [Float64Array.from(w), Float64Array.from(m), Float64Array.from(v)];
        for (let z = 0; z < models; z++) {
          if (step >= steps[z]!) continue;
          const lr = schedule[2 * (z * stride + step)]!;
          const mu = schedule[2 * (z * stride + step) + 1]!;
          for (let i = z * perModel; i < (z + 1) * perModel; i++) {
            if (kind === 'sgd') {
              refM[i] = mu * m[i]! + g[i]!;
              refW[i] = w[i]! * (1 - lr * wd) - lr * refM[i]!;
            } else {
              refM[i] = mu * m[i]! + (1 - mu) * g[i]!;
              refV[i] = beta2 * v[i]! + (1 - beta2) * g[i]! ** 2;
              const c1 = 1 - mu ** (step + 1);
              const c2 = 1 - beta2 ** (step + 1);
              refW[i] = w[i]! * (1 - lr * wd) - (lr / c1) * (refM[i]! / (Math.sqrt(refV[i]!) / Math.sqrt(c2) + eps));
            }
          }
        }
        return finish(backend, [t.weights, t.moment1, t.moment2], [refW, refM, refV], Object.values(t), t.nonFinite);
      },
    })),
  );
}

export function batchedKernelChecks(): KernelCheck[] {
  return [...matmulChecks(), ...sumRowsChecks(), ...sumChecks(), ...lossFlagChecks(), ...optimizerChecks()];
}
