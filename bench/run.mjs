#!/usr/bin/env node
// `npm run bench`: builds the bench page, opens it in the system Chromium with WebGPU (on
// whatever adapter the machine has: SwiftShader here), prints every contender's numbers side
// by side and ours against TF.js and jax-js as ratios against the targets, and writes the
// numbers to bench/results/ (latest.json, and one file per run to compare).
import { chromium } from '@playwright/test';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { findChromium } from '../scripts/find-chromium.mjs';
import { traceMainThread } from '../scripts/main-thread-trace.mjs';
import { fitCost, scalingSvg } from './scaling-plot.mjs';

// `npm run bench -- --contenders ours-webgpu,tfjs-cpu --workloads line,digits` runs a part
// of it for a quick look; only a whole run is written to bench/results/.
const option = (name) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : undefined;
};
// `--scaling`: the cost per epoch as the work grows (bench/scaling.ts), written to
// bench/results/scaling.json and drawn in bench/results/scaling.svg. TF.js's webgpu backend
// is left out by default: its thousands of dispatches an epoch take hours on SwiftShader.
const scalingRun = process.argv.includes('--scaling');
const ALL = ['ours-webgpu', 'ours-cpu', 'tfjs-webgpu', 'tfjs-cpu', 'tfjs-wasm', 'jax-webgpu', 'jax-wasm'];
const contenders = option('contenders')?.split(',') ?? (scalingRun ? ['ours-webgpu', 'ours-cpu', 'tfjs-cpu', 'tfjs-wasm', 'jax-wasm'] : ALL);
const workloads = option('workloads');
// The fashion epoch's size: `--fashion-photos 640` trains on 640 of the 5,000 photos (the seed's
// shuffle cut to 640, as train-size picks them; every contender gets the same ones),
// `--fashion-runs 1` times one epoch after the warm-up instead of the median of 3, and
// `--fashion-timed-steps 2` times 2 steps of TF.js webgpu's epoch and scales them to the epoch's
// (every other contender trains whole epochs). Unset, the page trains the issue's epoch (all
// 5,000, three runs) on a real adapter (TP_VULKAN=system); on SwiftShader, where a step takes
// seconds and TF.js webgpu's ten, the defaults are those three settings, so that each
// contender's page stays within its 15 minutes.
const swiftShader = process.env.TP_VULKAN !== 'system';
const FASHION_OPTIONS = { 'fashion-photos': '640', 'fashion-runs': '1', 'fashion-timed-steps': '2' };
const fashionOption = (name) => option(name) ?? (swiftShader ? FASHION_OPTIONS[name] : undefined);
const fashionQuery = Object.keys(FASHION_OPTIONS).flatMap((name) => (fashionOption(name) ? [`&${name}=${fashionOption(name)}`] : [])).join('');
const whole = contenders.length === ALL.length && !workloads;
const port = 4174;
if (spawnSync('npx', ['vite', 'build', '--mode', 'bench'], { stdio: 'inherit' }).status !== 0) process.exit(1);
const server = spawn('node', ['scripts/serve.mjs', '.'], { env: { ...process.env, PORT: String(port) }, stdio: 'ignore' });
await new Promise((done) => setTimeout(done, 500));

const executablePath = findChromium().chromium;
const args = ['--enable-unsafe-webgpu', '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
if (process.env.TP_VULKAN !== 'system') args.push('--use-webgpu-adapter=swiftshader');
/** One contender in its own browser: a GPU-process crash in one cannot take the others' numbers. */
async function measure(contender) {
  const browser = await chromium.launch({ executablePath, args });
  try {
    const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
    page.on('console', (message) => message.type() === 'log' && console.log(`  ${message.text()}`));
    page.on('pageerror', (error) => console.error(`  page error: ${error.message}`));
    page.on('response', (response) => response.status() >= 400 && console.error(`  ${response.status()} ${response.url()}`));
    // The long-tasks workload's trace (bench/page-tasks.ts): the thread's own time in each task beside its wall time.
    const cdp = await page.context().newCDPSession(page);
    let trace;
    await page.exposeFunction('__mainThreadTrace', async (action) => (action === 'start' ? ((trace = await traceMainThread(cdp)), []) : trace.stop('tp-tasks-from', 'tp-tasks-to')));
    await page.goto(`http://localhost:${port}/bench/bench/index.html?contender=${contender}${workloads ? `&workloads=${workloads}` : ''}${fashionQuery}${scalingRun ? '&scaling' : ''}`);
    await page.waitForFunction(() => window.__bench, null, { timeout: Number(process.env.BENCH_TIMEOUT_MS ?? 15 * 60_000), polling: 1000 });
    const result = await page.evaluate(() => window.__bench);
    if (result.error) console.error(`  ${contender} failed part-way, kept ${result.rows.length} numbers: ${result.error}`);
    return result;
  } catch (error) {
    console.error(`  ${contender} did not finish: ${String(error).split('\n')[0]}`);
    return { rows: [] };
  } finally {
    await browser.close();
  }
}

const parts = [];
try {
  for (const contender of contenders) parts.push(await measure(contender));
} finally {
  server.kill();
}
if (scalingRun) {
  const rows = parts.flatMap((p) => p.scaling ?? []);
  const adapter = parts.find((p) => p.adapter)?.adapter ?? 'unknown';
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/scaling.json', JSON.stringify({ date: new Date().toISOString(), adapter, rows }, null, 2));
  writeFileSync('bench/results/scaling.svg', scalingSvg(rows));
  console.log(`\nadapter: ${adapter}; bench/results/scaling.json and scaling.svg written`);
  console.table(rows.map((r) => ({ series: r.series, size: r.size, batch: r.batch, contender: r.contender, 'MFLOP/epoch': (r.flops / 1e6).toFixed(2), 'ms/epoch': r.msPerEpoch.toFixed(2) })));
  for (const contender of contenders) {
    for (const series of ['line', 'mlp']) {
      const fit = fitCost(rows.filter((r) => r.contender === contender && r.series === series));
      console.log(`cost model ${contender} ${series}: ${fit.overheadMsPerStep.toFixed(3)} ms a step + FLOP at ${fit.gflopsPerSecond.toFixed(2)} GFLOP/s`);
    }
  }
  process.exit(0);
}
const bench = { adapter: parts.find((p) => p.adapter)?.adapter ?? 'unknown', userAgent: parts.find((p) => p.userAgent)?.userAgent, rows: parts.flatMap((p) => p.rows), failures: parts.flatMap((p) => p.failures ?? []) };

const value = (workload, contender) => bench.rows.find((r) => r.workload === workload && r.contender === contender)?.value ?? NaN;
const MATMULS = [64, 256, 1024].map((n) => `matmul ${n}`);
const CONVS = ['conv forward', 'conv input grad', 'conv weight grad'];
const isRate = (workload) => workload.startsWith('matmul') || workload.startsWith('conv');
// The fashion rows' photo count (every contender is given the same): the wide table names it.
const fashionRows = bench.rows.filter((r) => r.workload === 'fashion');
const fashionPhotos = fashionRows[0]?.result.photos ?? Number(fashionOption('fashion-photos') ?? 5000);
const failureOf = (workload, contender) => bench.failures.find((f) => f.workload === workload && f.contender === contender);
// Every contender's number for every workload, side by side (ms; matmul and conv in GFLOP/s);
// "failed" where a contender could not run it (the reasons are printed below the tables).
const label = (workload) => (isRate(workload) ? `${workload} (GFLOP/s)` : workload === 'fashion' ? `fashion, 1 epoch of ${fashionPhotos ?? '?'} photos (ms)` : `${workload} (ms)`);
const wide = ['line', 'digits', 'spiral', 'grid 100×100', 'fashion', ...MATMULS, ...CONVS].map((workload) => ({
  workload: label(workload),
  ...Object.fromEntries(contenders.map((c) => [c, failureOf(workload, c) ? 'failed' : value(workload, c).toFixed(isRate(workload) ? 2 : 1)])),
}));
// The targets: ours against a peer, or against the faster of several; the ratio is ours ÷
// theirs in speed (their ms ÷ ours, or our GFLOP/s ÷ theirs).
const TARGETS = [
  // Issues 4 and 12: ours-WebGPU against TF.js.
  ['line', 'ours-webgpu', ['tfjs-webgpu'], 100], ['line', 'ours-webgpu', ['tfjs-cpu'], 2],
  ['digits', 'ours-webgpu', ['tfjs-webgpu'], 10], ['digits', 'ours-webgpu', ['tfjs-cpu'], 1.5],
  ['spiral', 'ours-webgpu', ['tfjs-webgpu'], 1], ['spiral', 'ours-webgpu', ['tfjs-cpu'], 1],
  ...MATMULS.map((w) => [w, 'ours-webgpu', ['tfjs-webgpu'], 1]),
  // Issue 15: ours-WebGPU ahead of jax-js's webgpu; ours-CPU ahead of both WebAssembly peers
  // on line and digits, and within 1.5× of the faster of them on matmul.
  ...['line', 'digits', ...MATMULS].map((w) => [w, 'ours-webgpu', ['jax-webgpu'], 1]),
  ...['line', 'digits'].flatMap((w) => [[w, 'ours-cpu', ['tfjs-wasm'], 1], [w, 'ours-cpu', ['jax-wasm'], 1]]),
  ...MATMULS.map((w) => [w, 'ours-cpu', ['tfjs-wasm', 'jax-wasm'], 1 / 1.5]),
  // The fashion epoch: ours-WebGPU ahead of both WebGPU peers, ours-CPU ahead of both WebAssembly ones.
  ['fashion', 'ours-webgpu', ['tfjs-webgpu'], 1], ['fashion', 'ours-webgpu', ['jax-webgpu'], 1],
  ['fashion', 'ours-cpu', ['tfjs-wasm'], 1], ['fashion', 'ours-cpu', ['jax-wasm'], 1],
];
const table = [];
for (const [workload, ours, peers, target] of TARGETS) {
  const mine = value(workload, ours);
  const theirs = peers.map((peer) => value(workload, peer)).filter(Number.isFinite);
  const best = theirs.length ? (isRate(workload) ? Math.max(...theirs) : Math.min(...theirs)) : NaN;
  const speedUp = isRate(workload) ? mine / best : best / mine;
  const digits = isRate(workload) ? 3 : 1;
  table.push({
    workload: isRate(workload) ? `${workload} (GFLOP/s)` : workload === 'fashion' ? `fashion (${fashionPhotos} photos)` : workload,
    ours,
    'ours value': mine.toFixed(digits),
    them: peers.length > 1 ? `faster of ${peers.join(', ')}` : peers[0],
    // A peer that could not run the workload (its reason is printed below) has no number to beat.
    'their value': !theirs.length && peers.every((peer) => failureOf(workload, peer)) ? 'failed' : best.toFixed(digits),
    'speed-up': `${speedUp.toFixed(2)}×`,
    target: target < 1 ? `≥ ${target.toFixed(2)}×` : `${target}×`,
    met: Number.isFinite(speedUp) ? (speedUp >= target ? 'yes' : 'NO') : '',
  });
}
// The parameter view's surface: the same grid on the GPU and on the CPU twin (no peer draws one).
const surfaceGpu = value('surface 128×128', 'ours-webgpu');
const surfaceCpu = value('surface 128×128', 'ours-cpu');
if (Number.isFinite(surfaceGpu) || Number.isFinite(surfaceCpu)) {
  table.push({ workload: 'surface 128×128', ours: 'ours-webgpu', 'ours value': surfaceGpu.toFixed(1), them: 'ours-cpu', 'their value': surfaceCpu.toFixed(1), 'speed-up': `${(surfaceCpu / surfaceGpu).toFixed(2)}×`, target: '', met: '' });
}
// Milliseconds at most; null: reported, no target.
const sliderTargets = { 'slider → first point': null, 'slider → finished line': 100, 'slider → final diagnosis': 150 };
for (const [workload, limit] of Object.entries(sliderTargets)) {
  const ms = value(workload, 'ours-webgpu');
  const met = limit !== null && Number.isFinite(ms) ? (ms <= limit ? 'yes' : 'NO') : '';
  table.push({ workload, ours: 'ours-webgpu', 'ours value': ms.toFixed(1), them: '', 'their value': '', 'speed-up': '', target: limit === null ? '' : `≤ ${limit} ms`, met });
}
// The what-ifs: run + what-ifs against the run alone (line's target ≤ 2×), and the what-ifs
// batched against the same ones trained one after another.
const whatIfTable = [];
for (const workload of ['what-ifs line', 'what-ifs digits']) {
  for (const kind of ['webgpu', 'cpu']) {
    const row = bench.rows.find((r) => r.workload === workload && r.contender === `ours-${kind}`);
    if (!row) continue;
    const { aloneMs, endToFinalMs, oneByOneMs, count } = row.result;
    whatIfTable.push({
      workload,
      ours: `ours-${kind}`,
      'what-ifs': count,
      'alone ms': aloneMs.toFixed(1),
      'with what-ifs ms': row.value.toFixed(1),
      'with ÷ alone': `${(row.value / aloneMs).toFixed(2)}×`,
      'run end → final ms': endToFinalMs.toFixed(1),
      'one by one ms': oneByOneMs.toFixed(1),
      'batched speed-up': `${(oneByOneMs / endToFinalMs).toFixed(2)}×`,
      target: workload === 'what-ifs line' ? '≤ 2× alone' : '',
    });
  }
}
// Stop (issue 23): from the abort to the run's end, median and worst of 20 stops at seeded moments; target ≤ 100 ms.
const stopTable = bench.rows
  .filter((r) => r.workload.startsWith('stop '))
  .map((r) => ({ scenario: r.workload.slice(5), ours: r.contender, 'median ms': r.result.medianMs.toFixed(1), 'worst ms': r.result.worstMs.toFixed(1), stops: r.result.timed || 'the runs ended first', target: '≤ 100 ms', met: r.result.timed ? (r.result.worstMs <= 100 ? 'yes' : 'NO') : '' }));
// The page while the element trains on WebGPU (issue 23): long tasks from train-start to the final diagnosis, what-ifs and 3 seeds on; goal: none over 50 ms,
// read on the wall and in the page's thread's own time (on SwiftShader the rest of a task's wall time is the "GPU" on the page's core).
const taskTable = bench.rows
  .filter((r) => r.workload.startsWith('long tasks '))
  .map((r) => ({
    scenario: r.workload.slice(11),
    'long tasks': r.result.count,
    'longest ms': r.result.longestMs.toFixed(0),
    'most thread ms': r.result.longestThreadMs.toFixed(0),
    'run ms': r.result.runMs.toFixed(0),
    goal: 'none over 50 ms',
    'met (wall)': r.result.count === 0 ? 'yes' : 'NO',
    'met (thread)': r.result.longestThreadMs <= 50 ? 'yes' : 'NO',
  }));
console.log(`\nadapter: ${bench.adapter}`);
// A partial run has rows for only what it measured.
console.table(whole ? wide : wide.filter((row) => contenders.some((c) => row[c] !== 'NaN')));
console.table(whole ? table : table.filter((row) => row['ours value'] !== 'NaN' && row['their value'] !== 'NaN'));
if (whatIfTable.length) console.table(whatIfTable);
if (stopTable.length) console.table(stopTable);
if (taskTable.length) console.table(taskTable);
for (const workload of ['line', 'digits', 'surface 128×128', 'spiral', 'grid 100×100', 'fashion']) {
  const results = bench.rows.filter((r) => r.workload === workload).map((r) => `${r.contender} ${JSON.stringify(r.result)}`);
  if (!whole && !results.length) continue;
  console.log(`${workload} results (should agree): ${results.join(' | ')}`);
}
if (fashionRows.length) {
  // Photos an epoch ÷ its seconds, and where a peer's steps were timed in part and scaled, which.
  console.log(`fashion, 1 epoch over ${fashionPhotos} training photos (the seed's shuffle cut to them: every contender the same), batch 64, Adam 1e-3, and the validation loss on 1,000:`);
  console.table(fashionRows.map((r) => ({ contender: r.contender, 'ms/epoch': r.value.toFixed(0), 'photos/s': ((r.result.photos / r.value) * 1000).toFixed(1), steps: r.result.epochSteps, 'steps timed': r.result.steps === r.result.epochSteps ? 'all' : `${r.result.steps}, scaled` })));
}
// The conv kernels against the matmul on the same adapter, for each contender that timed both.
for (const contender of contenders) {
  const matmul = value('matmul 1024', contender);
  const conv = value('conv forward', contender);
  if (Number.isFinite(matmul) && Number.isFinite(conv)) {
    // jax-js times the forward alone (its gradients have no kernel of their own to call).
    const passes = CONVS.filter((w) => Number.isFinite(value(w, contender))).map((w) => `${w.slice(5)} ${value(w, contender).toFixed(2)}`).join(', ');
    console.log(`${contender}: conv forward at ${((conv / matmul) * 100).toFixed(0)} % of the matmul 1024 rate (conv GFLOP/s: ${passes}; matmul 256 / 1024: ${value('matmul 256', contender).toFixed(2)} / ${matmul.toFixed(2)})`);
  }
}
for (const { workload, contender, reason } of bench.failures) console.log(`${workload} ${contender} could not run: ${reason}`);
if (!whole) process.exit(0);
mkdirSync('bench/results', { recursive: true });
const record = { date: new Date().toISOString(), ...bench };
writeFileSync('bench/results/latest.json', JSON.stringify(record, null, 2));
writeFileSync(`bench/results/${record.date.replace(/[:.]/g, '-')}.json`, JSON.stringify(record, null, 2));
