/** Our engine as a contender: training through createEngine, matmul on the raw backends. */
import type { Backend } from '../src/backend';
import { cpuBackend, gpuBackend } from '../src/engine/backends';
import { createEngine, type Engine, type RunConfig } from '../src/engine/index';
import { BoundaryPass } from '../src/train/model/boundary-pass';
import { mlpLayers } from '../src/train/model/layers';
import { Sequential } from '../src/train/model/sequential';
import { CONV_FLOPS, CONV_SHAPE, DIGITS_CONFIG, type ConvPass, fashionConfig, GRID_NET, LINE_CONFIG, median, SPIRAL_CONFIG, SURFACE_GRID, type Timing } from './workloads';

export async function ourEngine(kind: 'webgpu' | 'cpu'): Promise<Engine> {
  return createEngine({ backend: kind });
}

export async function ourLine(engine: Engine): Promise<Timing> {
  const start = performance.now();
  let lastEpoch = start;
  const result = await engine.train(LINE_CONFIG, { whatIf: false, onEpoch: () => (lastEpoch = performance.now()) });
  const [a, b] = result.params!;
  return { ms: lastEpoch - start, result: { a: a!, b: b!, loss: result.history.at(-1)!.trainLoss } };
}

export async function ourDigits(engine: Engine): Promise<Timing> {
  const start = performance.now();
  let lastEpoch = start;
  const result = await engine.train(DIGITS_CONFIG, { whatIf: false, onEpoch: () => (lastEpoch = performance.now()) });
  const last = result.history.at(-1)!;
  return { ms: lastEpoch - start, result: { validLoss: last.validLoss, errorRate: last.errorRate! } };
}

/**
 * One fashion epoch over the first `photos` training photos (fashionConfig), from the call to
 * its epoch's statistics on the host: the steps and the validation pass on the 1,000 photos.
 */
export async function ourFashion(engine: Engine, photos: number): Promise<Timing> {
  const start = performance.now();
  let lastEpoch = start;
  const result = await engine.train(fashionConfig(photos), { whatIf: false, onEpoch: () => (lastEpoch = performance.now()) });
  const last = result.history.at(-1)!;
  return { ms: lastEpoch - start, result: { steps: last.stepLosses?.length ?? 0, trainLoss: last.trainLoss, validLoss: last.validLoss, errorRate: last.errorRate! } };
}

/** line's loss surface on SURFACE_GRID (128 × 128) over the training data's 100 rows, to the values on the host. */
export async function ourSurface(engine: Engine): Promise<Timing> {
  const start = performance.now();
  const values = await engine.lossSurface(LINE_CONFIG, SURFACE_GRID);
  const ms = performance.now() - start;
  return { ms, result: { lowest: Math.min(...values), at: values.indexOf(Math.min(...values)) } };
}

/** The spiral's default run, its boundary read with every epoch (as the element shows it), to its last epoch. */
export async function ourSpiral(engine: Engine): Promise<Timing> {
  const start = performance.now();
  let lastBoundary = start;
  let boundaries = 0;
  const result = await engine.train(SPIRAL_CONFIG, { whatIf: false, onBoundary: () => ((lastBoundary = performance.now()), boundaries++) });
  const last = result.history.at(-1)!;
  return { ms: lastBoundary - start, result: { validLoss: last.validLoss, errorRate: last.errorRate!, boundaries } };
}

/** One evaluation of a 2-8-8-1 tanh net on the 100 × 100 grid, to the probabilities on the host (median over `repeats`). */
export async function ourGrid(backend: Backend, repeats: number): Promise<Timing> {
  const model = new Sequential(backend, mlpLayers(2, GRID_NET.hidden, 1, GRID_NET.activation));
  model.initialize(0);
  const pass = new BoundaryPass(backend, model, ['x1', 'x2']);
  pass.record();
  await backend.readRanges(pass.ranges);
  const times: number[] = [];
  let probabilities: Float32Array = new Float32Array();
  for (let r = 0; r < repeats; r++) {
    const start = performance.now();
    pass.record();
    probabilities = (await backend.readRanges(pass.ranges))[0]!;
    times.push(performance.now() - start);
  }
  pass.dispose();
  model.dispose();
  return { ms: median(times), result: { mean: probabilities.reduce((a, b) => a + b, 0) / probabilities.length } };
}

export async function ourBackend(kind: 'webgpu' | 'cpu'): Promise<Backend> {
  // The engine's own constructors: the backends the engine would train on.
  return kind === 'cpu' ? cpuBackend() : gpuBackend({});
}

/** GFLOP/s of n×n·n×n, timed from the first dispatch to the result on the host. */
export async function ourMatmul(backend: Backend, n: number, repeats: number): Promise<number> {
  const a = backend.tensor(n * n, 'a');
  const b = backend.tensor(n * n, 'b');
  const c = backend.tensor(n * n, 'c');
  backend.uniform({ tensor: a, offset: 0, stride: 1, count: n * n }, -1, 1, { seed: 1, stream: 0, counter: 0 });
  backend.uniform({ tensor: b, offset: 0, stride: 1, count: n * n }, -1, 1, { seed: 2, stream: 0, counter: 0 });
  backend.matmul(a, b, c, { m: n, n, k: n });
  await backend.readRanges([{ tensor: c, offset: 0, length: 1 }]);
  const start = performance.now();
  for (let r = 0; r < repeats; r++) backend.matmul(a, b, c, { m: n, n, k: n });
  await backend.readRanges([{ tensor: c, offset: 0, length: 1 }]);
  const seconds = (performance.now() - start) / 1000;
  for (const t of [a, b, c]) backend.release(t);
  return (2 * n ** 3 * repeats) / seconds / 1e9;
}

/** GFLOP/s of one conv pass on CONV_SHAPE (2·N·H·W·Cin·Cout·9 each), `repeats` of them timed to a value on the host. */
export async function ourConv(backend: Backend, pass: ConvPass, repeats: number): Promise<number> {
  const s = CONV_SHAPE;
  const images = backend.tensor(s.batch * s.channelsIn * s.height * s.width, 'conv input');
  const weights = backend.tensor(s.channelsOut * s.channelsIn * s.kernel ** 2, 'conv weights');
  const features = backend.tensor(s.batch * s.channelsOut * s.height * s.width, 'conv output');
  const fill = (t: typeof images, seed: number) => backend.uniform({ tensor: t, offset: 0, stride: 1, count: t.length }, -1, 1, { seed, stream: 0, counter: 0 });
  [images, weights, features].forEach((t, i) => fill(t, i + 1));
  // The output each pass writes: the features, the input's gradient, or the weights' gradient.
  const written = pass === 'forward' ? features : pass === 'input grad' ? images : weights;
  const run = () => {
    if (pass === 'forward') backend.conv2d(images, weights, features, s);
    else if (pass === 'input grad') backend.conv2dBackwardInput(features, weights, images, s);
    else backend.conv2dBackwardWeights(images, features, weights, s);
  };
  run();
  await backend.readRanges([{ tensor: written, offset: 0, length: 1 }]);
  const start = performance.now();
  for (let r = 0; r < repeats; r++) run();
  await backend.readRanges([{ tensor: written, offset: 0, length: 1 }]);
  const seconds = (performance.now() - start) / 1000;
  for (const t of [images, weights, features]) backend.release(t);
  return (CONV_FLOPS * repeats) / seconds / 1e9;
}

/** A run with its what-ifs, against the run alone and against the same what-ifs trained one after another. */
export interface WhatIfTiming {
  /** The run alone, what-ifs off. */
  aloneMs: number;
  /** The run and its what-ifs, to the final diagnosis. */
  withWhatIfsMs: number;
  /** From the main run's end to the final diagnosis. */
  endToFinalMs: number;
  /** The same what-ifs, each trained alone, one after another. */
  oneByOneMs: number;
  count: number;
}

export async function ourWhatIfs(engine: Engine, config: Partial<RunConfig>): Promise<WhatIfTiming> {
  const aloneStart = performance.now();
  await engine.train(config, { whatIf: false });
  const aloneMs = performance.now() - aloneStart;
  const start = performance.now();
  let ended = start;
  const result = await engine.train(config, { onTrainEnd: () => (ended = performance.now()) });
  const finished = performance.now();
  const oneByOneStart = performance.now();
  for (const w of result.diagnosis.evidence) await engine.train({ ...config, ...w.change }, { whatIf: false });
  const oneByOneMs = performance.now() - oneByOneStart;
  return { aloneMs, withWhatIfsMs: finished - start, endToFinalMs: finished - ended, oneByOneMs, count: result.diagnosis.evidence.length };
}
