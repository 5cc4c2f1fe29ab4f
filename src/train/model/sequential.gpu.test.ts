import { describe, expect, it } from 'vitest';
import type { Backend, Tensor } from '../../backend';
import { CpuBackend } from '../../cpu/cpu-backend';
import { RandomStream } from '../../cpu/rng';
import { createTestBackend } from '../../testing/node-webgpu';
import type { Layer } from './layers';
import { Sequential } from './sequential';

const ROWS = 5;
const CLASSES = 3;
/** conv-BN-ReLU-pool, twice over, then the mean of each channel and a linear head: the CNN's blocks, small and at odd sizes. */
const TINY_CNN: Layer[] = [
  { kind: 'conv2d', input: { channels: 1, height: 7, width: 7 }, channels: 3, kernel: 3, bias: false },
  { kind: 'batchnorm', input: { channels: 3, height: 7, width: 7 } },
  { kind: 'activation', fn: 'relu' },
  { kind: 'maxpool', input: { channels: 3, height: 7, width: 7 } },
  { kind: 'conv2d', input: { channels: 3, height: 3, width: 3 }, channels: 4, kernel: 3, bias: true },
  { kind: 'activation', fn: 'tanh' },
  { kind: 'global-avg-pool', input: { channels: 4, height: 3, width: 3 } },
  { kind: 'linear', inputs: 4, outputs: 5, bias: true },
  { kind: 'activation', fn: 'relu' },
  { kind: 'linear', inputs: 5, outputs: CLASSES, bias: true },
];

/** The same with smooth activations: a ReLU's kink within a finite difference's step would fool it. */
const SMOOTH_CNN: Layer[] = TINY_CNN.map((layer) => (layer.kind === 'activation' ? { ...layer, fn: 'sigmoid' } : layer));

interface Pass {
  loss: number;
  logits: Float32Array;
  grads: Float32Array;
}

/** One training-mode forward and backward of the tiny CNN on fixed photos and labels. */
async function pass(backend: Backend, photos: Float32Array, labels: Uint32Array, weights?: Float32Array, layers = TINY_CNN): Promise<Pass> {
  const model = new Sequential(backend, layers);
  model.initialize(7);
  if (weights) backend.write(model.weights, weights);
  const x = backend.tensor(photos.length, 'photos');
  backend.write(x, photos);
  const y = backend.tensor(ROWS, 'labels', 'u32');
  backend.write(y, labels);
  const activations = model.activations(ROWS, 'test');
  const buffers = model.backwardBuffers(ROWS);
  const logits = activations.at(-1)!;
  const grad = backend.tensor(ROWS * CLASSES, 'logit grad');
  const rowLoss = backend.tensor(ROWS, 'row loss');
  const nonFinite = backend.tensor(1, 'flag', 'u32');
  backend.write(nonFinite, new Uint32Array(1));
  model.forward(x, ROWS, activations, 0, 1, undefined, true);
  backend.loss('softmax-cross-entropy', { logits, targets: y, grad, rowLoss, nonFinite }, ROWS, CLASSES, 1 / ROWS);
  model.backward(x, ROWS, 0, activations, grad, buffers);
  const [losses, out, grads] = await backend.readRanges([{ tensor: rowLoss }, { tensor: logits }, { tensor: model.grads }]);
  const release = (t: Tensor) => backend.release(t);
  [x, y, grad, rowLoss, nonFinite, ...activations, ...buffers.outputs].forEach(release);
  model.dispose();
  return { loss: losses!.reduce((a, b) => a + b, 0) / ROWS, logits: out!, grads: grads! };
}

function inputs(): { photos: Float32Array; labels: Uint32Array } {
  const rng = new RandomStream({ seed: 11, stream: 0, counter: 0 });
  const photos = Float32Array.from({ length: ROWS * 49 }, () => 2 * rng.nextUnit() - 1);
  const labels = Uint32Array.from({ length: ROWS }, (_, i) => i % CLASSES);
  return { photos, labels };
}

describe('a model of image layers, walked by Sequential', () => {
  it('gives the same logits and gradients on WebGPU as on the CPU twin', async () => {
    const { photos, labels } = inputs();
    const gpu = await pass(await createTestBackend(), photos, labels);
    const cpu = await pass(new CpuBackend(), photos, labels);
    expect(Math.abs(gpu.loss - cpu.loss)).toBeLessThan(1e-5);
    gpu.logits.forEach((v, i) => expect(Math.abs(v - cpu.logits[i]!)).toBeLessThan(1e-5));
    const scale = Math.max(...cpu.grads.map(Math.abs));
    expect(scale).toBeGreaterThan(0);
    gpu.grads.forEach((v, i) => expect(Math.abs(v - cpu.grads[i]!), `gradient ${i}`).toBeLessThan(1e-4 * scale + 1e-6));
  });

  it('backpropagates the loss: each gradient matches the loss difference a small change in its parameter makes', async () => {
    const { photos, labels } = inputs();
    const cpu = new CpuBackend();
    const base = await pass(cpu, photos, labels, undefined, SMOOTH_CNN);
    const start = new Sequential(cpu, SMOOTH_CNN);
    start.initialize(7);
    const weights = await cpu.read(start.weights);
    start.dispose();
    // Central differences in float32 at every parameter, padding included (both 0 there): a
    // gradient left unwritten shows as 0 against a numeric one that is not.
    const h = 2e-3;
    let nonZero = 0;
    for (let i = 0; i < weights.length; i++) {
      const up = Float32Array.from(weights);
      up[i]! += h;
      const down = Float32Array.from(weights);
      down[i]! -= h;
      const numeric = ((await pass(cpu, photos, labels, up, SMOOTH_CNN)).loss - (await pass(cpu, photos, labels, down, SMOOTH_CNN)).loss) / (2 * h);
      expect(Math.abs(numeric - base.grads[i]!), `parameter ${i}: ${numeric} against ${base.grads[i]}`).toBeLessThan(0.05 * Math.abs(numeric) + 2e-4);
      if (Math.abs(numeric) > 1e-4) nonZero++;
    }
    expect(nonZero).toBeGreaterThan(60);
  });

  it('holds one copy of an image model, and says so when asked for more', () => {
    expect(() => new Sequential(new CpuBackend(), TINY_CNN, 2)).toThrow(/image layers trains one copy at a time, not 2/);
  });
});
