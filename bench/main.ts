/**
 * Runs every contender on the same adapter in this one page, warm-up first, medians of
 * several runs, and leaves the numbers in window.__bench for bench/run.mjs.
 */
import '../src/index';
import { ourBackend, ourConv, ourDigits, ourEngine, ourFashion, ourGrid, ourLine, ourMatmul, ourSpiral, ourSurface, ourWhatIfs, type WhatIfTiming } from './ours';
import { scaling } from './scaling';
import { ourStops, STOP_CONFIGS } from './stops';
import { PAGE_RUNS, pageTasks } from './page-tasks';
import { tfDigits, tfGrid, tfLine, tfMatmul, tfMlp, tfSpiral, useTfBackend } from './tfjs';
import { jaxDigits, jaxLine, jaxMatmul, jaxMlp, useJaxDevice } from './jax';
import { tfConv, tfFashion } from './fashion-tfjs';
import { jaxConvForward, jaxFashion } from './fashion-jax';
import { CONV_PASSES, DIGITS_CONFIG, digitsData, FASHION_BATCH, FASHION_PHOTOS, type ConvPass, fashionData, fashionSteps, gridPoints, LINE_CONFIG, lineData, MATMUL_SIZES, median, spiralData, type Timing } from './workloads';

type Row = { workload: string; contender: string; value: number; unit: 'ms' | 'GFLOP/s'; result?: Record<string, number> };
const rows: Row[] = [];
/** Workloads a contender could not run, and why (its own error), for run.mjs to print instead of a number. */
const failures: { workload: string; contender: string; reason: string }[] = [];
const log = document.querySelector('#log')!;
const say = (text: string) => {
  log.textContent += `\n${text}`;
  console.log(text);
};

/** Median of `runs` after `warmUps` untimed runs (pipelines compiled, buffers made, the JIT warm). */
async function timed(workload: string, contender: string, runs: number, work: () => Promise<Timing>, warmUps = 1): Promise<void> {
  for (let i = 0; i < warmUps; i++) await work();
  const timings: Timing[] = [];
  for (let i = 0; i < runs; i++) timings.push(await work());
  const ms = median(timings.map((t) => t.ms));
  rows.push({ workload, contender, value: ms, unit: 'ms', result: timings.at(-1)!.result });
  say(`${workload} ${contender}: ${ms.toFixed(1)} ms ${JSON.stringify(timings.at(-1)!.result)}`);
}

async function matmuls(contender: string, run: (n: number, repeats: number) => Promise<number>): Promise<void> {
  for (const n of MATMUL_SIZES) {
    // Enough products that a timing spans milliseconds: performance.now() ticks in 0.1 ms on a
    // page without cross-origin isolation, and 20 products of 64³ took 0.7 ms (two contenders
    // once read the same 14.98 GFLOP/s to the digit).
    const repeats = n >= 1024 ? 1 : n >= 256 ? 10 : 200;
    const gflops = median([await run(n, repeats), await run(n, repeats), await run(n, repeats)]);
    rows.push({ workload: `matmul ${n}`, contender, value: gflops, unit: 'GFLOP/s' });
    say(`matmul ${n} ${contender}: ${gflops.toFixed(3)} GFLOP/s`);
  }
}

/** Runs `work`; where it throws, says so and keeps the error as the workload's failure instead of ending the page. */
async function orFailure(workload: string, contender: string, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    failures.push({ workload, contender, reason });
    say(`${workload} ${contender}: could not run: ${reason}`);
  }
}

/**
 * One fashion epoch over `photos` training photos (workloads.ts): `warmUp` first, untimed (a
 * one-step epoch: every kernel, pipeline and jitted shape made, the validation pass's too), then
 * `runs` timed epochs. `epoch(steps)` runs all of the epoch's steps unless `steps` is less:
 * with `timedSteps` below the epoch's, each timed epoch runs that many and their time is scaled
 * to the whole epoch (the validation pass counted as it ran), as the spiral's epochs are for
 * TF.js on SwiftShader; the row's result says how many steps were timed.
 */
async function fashion(contender: string, photos: number, runs: number, warmUp: () => Promise<unknown>, epoch: (steps?: number) => Promise<Timing>, timedSteps?: number): Promise<void> {
  const steps = fashionSteps(photos);
  const partial = timedSteps !== undefined && timedSteps < steps;
  await orFailure('fashion', contender, async () => {
    await warmUp();
    await timed('fashion', contender, runs, async () => {
      const timing = await epoch(partial ? timedSteps : undefined);
      const stepsMs = timing.result.stepsMs ?? 0;
      const ms = partial ? (stepsMs * steps) / timedSteps + (timing.ms - stepsMs) : timing.ms;
      return { ms, result: { photos, epochSteps: steps, ...timing.result } };
    }, 0);
  });
}

/** GFLOP/s of each conv pass on CONV_SHAPE, the median of three timings of `repeats` passes. */
async function convs(contender: string, passes: readonly ConvPass[], run: (pass: ConvPass, repeats: number) => Promise<number>): Promise<void> {
  for (const pass of passes) {
    await orFailure(`conv ${pass}`, contender, async () => {
      // 115.6 MFLOP a pass: tens to hundreds of ms on SwiftShader, so a few repeats span the clock's ticks.
      const gflops = median([await run(pass, 4), await run(pass, 4), await run(pass, 4)]);
      rows.push({ workload: `conv ${pass}`, contender, value: gflops, unit: 'GFLOP/s' });
      say(`conv ${pass} ${contender}: ${gflops.toFixed(3)} GFLOP/s`);
    });
  }
}

/**
 * A run with its what-ifs against the run alone and against the same what-ifs one after
 * another (medians of `runs`, after one warm-up): what batching the what-ifs saves.
 */
async function whatIfs(workload: string, contender: string, runs: number, work: () => Promise<WhatIfTiming>): Promise<void> {
  await work();
  const timings: WhatIfTiming[] = [];
  for (let i = 0; i < runs; i++) timings.push(await work());
  const mid = (pick: (t: WhatIfTiming) => number) => median(timings.map(pick));
  const result = { aloneMs: mid((t) => t.aloneMs), endToFinalMs: mid((t) => t.endToFinalMs), oneByOneMs: mid((t) => t.oneByOneMs), count: timings.at(-1)!.count };
  rows.push({ workload, contender, value: mid((t) => t.withWhatIfsMs), unit: 'ms', result });
  say(`${workload} ${contender}: ${mid((t) => t.withWhatIfsMs).toFixed(1)} ms with ${result.count} what-ifs ${JSON.stringify(result)}`);
}

/** From a max-lr change on the element to its first new chart point, and to the finished line run drawn. */
async function interactivity(): Promise<void> {
  // Made here, not in the page: its own first run would otherwise overlap the other workloads.
  const element = document.createElement('training-playground');
  element.setAttribute('scenario', 'line');
  element.style.width = '900px';
  const nextFrame = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  const event = (type: string) => new Promise<number>((done) => element.addEventListener(type, () => done(performance.now()), { once: true }));
  const firstRun = event('train-end');
  document.body.append(element);
  await firstRun;
  await event('diagnosis');
  const firstPoint: number[] = [];
  const finished: number[] = [];
  const diagnosed: number[] = [];
  for (let i = 0; i < 11; i++) {
    const epoch = event('epoch-end');
    const end = event('train-end');
    const final = event('diagnosis');
    const start = performance.now();
    element.setAttribute('max-lr', i % 2 ? '0.1' : '0.2');
    firstPoint.push((await epoch) - start);
    await end;
    await nextFrame();
    finished.push(performance.now() - start);
    // The final diagnosis and the what-ifs' ghost curves, drawn.
    await final;
    await nextFrame();
    diagnosed.push(performance.now() - start);
  }
  // The first change also pays for compiling nothing new, but keep the warm ten.
  rows.push({ workload: 'slider → first point', contender: 'ours-webgpu', value: median(firstPoint.slice(1)), unit: 'ms' });
  rows.push({ workload: 'slider → finished line', contender: 'ours-webgpu', value: median(finished.slice(1)), unit: 'ms' });
  rows.push({ workload: 'slider → final diagnosis', contender: 'ours-webgpu', value: median(diagnosed.slice(1)), unit: 'ms' });
  say(`interactivity: final diagnosis ${median(diagnosed.slice(1)).toFixed(1)} ms`);
  say(`interactivity: first point ${median(firstPoint.slice(1)).toFixed(1)} ms, finished ${median(finished.slice(1)).toFixed(1)} ms`);
}

/**
 * The fashion workload's settings from the page's URL: `fashion-photos` (the training photos an
 * epoch takes), `fashion-runs` (epochs timed), `fashion-timed-steps` (TF.js webgpu only, as for
 * the spiral: that many of each epoch's steps timed, then scaled to the epoch).
 */
interface FashionOptions {
  photos: number;
  runs: number;
  timedSteps?: number;
}

/** jax-js (jax-webgpu, jax-wasm): line, digits and the matmuls, the workloads issue 15 names; fashion and the conv forward. */
async function jax(contender: string, kind: 'webgpu' | 'wasm', runs: (workload: string) => boolean, options: FashionOptions): Promise<void> {
  say(`jax-js device: ${await useJaxDevice(kind)}`);
  if (runs('line')) await timed('line', contender, 9, () => jaxLine(lineData()), 3);
  if (runs('matmul')) await matmuls(contender, jaxMatmul);
  if (runs('digits')) {
    const digits = await digitsData();
    await timed('digits', contender, 2, () => jaxDigits(digits));
  }
  if (runs('fashion')) {
    const data = await fashionData(options.photos);
    await fashion(contender, options.photos, options.runs, () => jaxFashion(data, 1), (steps) => jaxFashion(data, steps));
  }
  if (runs('conv')) {
    if (!runs('matmul')) await matmuls(contender, jaxMatmul);
    // jax-js's gradients of lax.conv are convolutions it builds inside its autodiff, not kernels one can call: the forward alone.
    await convs(contender, ['forward'], (_, repeats) => jaxConvForward(repeats));
  }
}

/**
 * One contender a page (`?contender=ours-webgpu`), so that one crashing its GPU process spares
 * the rest; `&workloads=line,digits` runs only those (of line, digits, surface, whatif, spiral, stop, matmul, grid, fashion, conv,
 * interactivity, tasks); `&fashion-photos=640` trains the fashion epoch on 640 photos (train-size 640; all 5,000 unset).
 */
async function main(): Promise<void> {
  const query = new URLSearchParams(location.search);
  const contender = query.get('contender') ?? 'ours-webgpu';
  const chosen = query.get('workloads')?.split(',');
  const runs = (workload: string) => !chosen || chosen.includes(workload);
  const fashionOptions: FashionOptions = {
    photos: Number(query.get('fashion-photos') ?? FASHION_PHOTOS),
    runs: Number(query.get('fashion-runs') ?? 3),
    ...(query.has('fashion-timed-steps') ? { timedSteps: Number(query.get('fashion-timed-steps')) } : {}),
  };
  const [who, kind] = contender.split('-') as ['ours' | 'tfjs' | 'jax', 'webgpu' | 'cpu' | 'wasm'];
  if (who === 'ours' && kind === 'wasm') throw new Error('ours runs on webgpu or cpu');
  const ourKind = kind as 'webgpu' | 'cpu';
  const adapter = await navigator.gpu?.requestAdapter();
  if (query.has('scaling')) {
    const engine = who === 'ours' ? await ourEngine(ourKind) : null;
    if (who === 'tfjs') say(`tfjs backend: ${await useTfBackend(kind)}`);
    if (who === 'jax') say(`jax-js device: ${await useJaxDevice(kind as 'webgpu' | 'wasm')}`);
    const peer = who === 'tfjs' ? { line: tfLine, mlp: tfMlp } : who === 'jax' ? { line: jaxLine, mlp: jaxMlp } : null;
    const scalingRows = await scaling(contender, engine, peer, say);
    engine?.dispose();
    (window as unknown as { __bench: unknown }).__bench = { adapter: adapter ? `${adapter.info.vendor} ${adapter.info.description || adapter.info.architecture}` : 'none', scaling: scalingRows, rows: [] };
    return;
  }
  const adapterName = adapter ? `${adapter.info.vendor} ${adapter.info.description || adapter.info.architecture}` : 'none';
  say(`${contender} on ${adapterName}`);
  if (who === 'ours') {
    const engine = await ourEngine(ourKind);
    // line is short and its single runs vary most: many of them (41 runs of ~5 ms on SwiftShader).
    if (runs('line')) await timed('line', contender, 41, () => ourLine(engine), 5);
    if (runs('digits')) await timed('digits', contender, 3, () => ourDigits(engine));
    if (runs('surface')) await timed('surface 128×128', contender, 9, () => ourSurface(engine), 2);
    if (runs('whatif')) {
      await whatIfs('what-ifs line', contender, 5, () => ourWhatIfs(engine, LINE_CONFIG));
      await whatIfs('what-ifs digits', contender, 1, () => ourWhatIfs(engine, DIGITS_CONFIG));
    }
    if (runs('spiral')) await timed('spiral', contender, 3, () => ourSpiral(engine));
    if (runs('fashion')) {
      // Ours always trains whole epochs: its warm-up is a one-step epoch of its own (64 photos).
      await fashion(contender, fashionOptions.photos, fashionOptions.runs, () => ourFashion(engine, FASHION_BATCH), () => ourFashion(engine, fashionOptions.photos));
    }
    if (runs('stop')) {
      for (const [name, config] of Object.entries(STOP_CONFIGS)) {
        const stop = await ourStops(engine, config, name === 'line' ? 3 : 600);
        rows.push({ workload: `stop ${name}`, contender, value: stop.medianMs, unit: 'ms', result: { ...stop } });
        say(`stop ${name} ${contender}: median ${stop.medianMs.toFixed(1)} ms, worst ${stop.worstMs.toFixed(1)} ms (${stop.timed} stops timed)`);
      }
    }
    if (runs('matmul') || runs('grid') || runs('conv')) {
      const backend = await ourBackend(ourKind);
      // The conv rates are read against the matmul's on the same adapter: measured with them.
      if (runs('matmul') || runs('conv')) await matmuls(contender, (n, r) => ourMatmul(backend, n, r));
      if (runs('conv')) await convs(contender, CONV_PASSES, (pass, r) => ourConv(backend, pass, r));
      // Each timing is itself a median of 21 evaluations.
      if (runs('grid')) await timed('grid 100×100', contender, 3, () => ourGrid(backend, 21));
      backend.dispose();
    }
    engine.dispose();
    // Last, and the element made only then: its runs slowed the workloads timed after them (digits 0.6 → 0.8–1.3 s).
    if (kind === 'webgpu' && runs('interactivity')) await interactivity();
    if (kind === 'webgpu' && runs('tasks')) {
      for (const [name, attributes] of Object.entries(PAGE_RUNS)) {
        const tasks = await pageTasks(attributes);
        rows.push({ workload: `long tasks ${name}`, contender, value: tasks.longestMs, unit: 'ms', result: { ...tasks } });
        say(`long tasks ${name} ${contender}: ${tasks.count}, the longest ${tasks.longestMs.toFixed(0)} ms (the thread's own time at most ${tasks.longestThreadMs.toFixed(0)} ms), over a ${tasks.runMs.toFixed(0)} ms run`);
      }
    }
  } else if (who === 'jax') {
    await jax(contender, kind as 'webgpu' | 'wasm', runs, fashionOptions);
  } else {
    say(`tfjs backend: ${await useTfBackend(kind)}`);
    const onCpu = kind !== 'webgpu';
    if (runs('line')) await timed('line', contender, onCpu ? 9 : 3, () => tfLine(lineData()), onCpu ? 3 : 1);
    if (runs('matmul')) await matmuls(contender, tfMatmul);
    if (runs('digits')) {
      const digits = await digitsData();
      await timed('digits', contender, 2, () => tfDigits(digits));
    }
    if (runs('spiral')) {
      await tfSpiral(spiralData(), gridPoints(), 2);
      // On WebGPU (SwiftShader) TF.js's thousands of small dispatches an epoch make one run
      // longer than the bench's 15-minute limit: 5 epochs are timed and scaled to the 100.
      const epochs = onCpu ? 100 : 5;
      await timed('spiral', contender, onCpu ? 2 : 1, async () => {
        const timing = await tfSpiral(spiralData(), gridPoints(), epochs);
        return { ms: (timing.ms * 100) / epochs, result: { ...timing.result, epochsTimed: epochs } };
      }, 0);
    }
    if (runs('grid')) await timed('grid 100×100', contender, 3, () => tfGrid(gridPoints(), 21));
    if (runs('fashion')) {
      const data = await fashionData(fashionOptions.photos);
      // On SwiftShader TF.js's webgpu backend takes tens of seconds a step: a part of the epoch can be timed and scaled.
      await fashion(contender, fashionOptions.photos, fashionOptions.runs, () => tfFashion(data, 1), (steps) => tfFashion(data, steps), kind === 'webgpu' ? fashionOptions.timedSteps : undefined);
    }
    if (runs('conv')) {
      if (!runs('matmul')) await matmuls(contender, tfMatmul);
      await convs(contender, CONV_PASSES, tfConv);
    }
  }
  (window as unknown as { __bench: unknown }).__bench = { adapter: adapterName, userAgent: navigator.userAgent, rows, failures };
}

main().catch((error: Error) => {
  // Keep what was measured before the failure.
  (window as unknown as { __bench: unknown }).__bench = { rows, failures, error: error.message };
});
