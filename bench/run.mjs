#!/usr/bin/env node
// `npm run bench`: builds the bench page, opens it in the system Chromium with WebGPU (on
// whatever adapter the machine has: SwiftShader here), prints ours against TF.js as ratios,
// and writes the numbers to bench/results/ (latest.json, and one file per run to compare).
import { chromium } from '@playwright/test';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { findChromium } from '../scripts/find-chromium.mjs';
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
const ALL = ['ours-webgpu', 'ours-cpu', 'tfjs-webgpu', 'tfjs-cpu', 'tfjs-wasm'];
const contenders = option('contenders')?.split(',') ?? (scalingRun ? ['ours-webgpu', 'ours-cpu', 'tfjs-cpu', 'tfjs-wasm'] : ALL);
const workloads = option('workloads');
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
    await page.goto(`http://localhost:${port}/bench/bench/index.html?contender=${contender}${workloads ? `&workloads=${workloads}` : ''}${scalingRun ? '&scaling' : ''}`);
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
const bench = { adapter: parts.find((p) => p.adapter)?.adapter ?? 'unknown', userAgent: parts.find((p) => p.userAgent)?.userAgent, rows: parts.flatMap((p) => p.rows) };

const value = (workload, contender) => bench.rows.find((r) => r.workload === workload && r.contender === contender)?.value ?? NaN;
const table = [];
// Issue 12: ahead of both TF.js backends on the spiral run (and its grid pass, reported).
const targets = { line: { 'tfjs-webgpu': 100, 'tfjs-cpu': 2 }, digits: { 'tfjs-webgpu': 10, 'tfjs-cpu': 1.5 }, spiral: { 'tfjs-webgpu': 1, 'tfjs-cpu': 1 }, 'grid 100×100': {} };
for (const workload of ['line', 'digits', 'spiral', 'grid 100×100']) {
  for (const kind of ['webgpu', 'cpu']) {
    const ours = value(workload, `ours-${kind}`);
    for (const other of ['tfjs-webgpu', 'tfjs-cpu', 'tfjs-wasm']) {
      const theirs = value(workload, other);
      // Issue 15: ours-CPU ahead of TF.js wasm on line and digits.
      const target = kind === 'webgpu' ? targets[workload][other] : other === 'tfjs-wasm' && (workload === 'line' || workload === 'digits') ? 1 : null;
      table.push({ workload, ours: `ours-${kind}`, 'ours ms': ours.toFixed(1), them: other, 'their ms': theirs.toFixed(1), 'speed-up': `${(theirs / ours).toFixed(2)}×`, target: target ? `${target}×` : '' });
    }
  }
}
for (const n of [64, 256, 1024]) {
  for (const [kind, other] of [['webgpu', 'tfjs-webgpu'], ['cpu', 'tfjs-cpu'], ['cpu', 'tfjs-wasm']]) {
    const ours = value(`matmul ${n}`, `ours-${kind}`);
    const theirs = value(`matmul ${n}`, other);
    // Issue 15: ours-CPU within 1.5× of TF.js wasm's matmul.
    const target = kind === 'webgpu' ? '1×' : other === 'tfjs-wasm' ? '≥ 0.67×' : '';
    table.push({ workload: `matmul ${n} (GFLOP/s)`, ours: `ours-${kind}`, 'ours ms': ours.toFixed(3), them: other, 'their ms': theirs.toFixed(3), 'speed-up': `${(ours / theirs).toFixed(2)}×`, target });
  }
}
// The parameter view's surface: the same grid on the GPU and on the CPU twin (no peer draws one).
const surfaceGpu = value('surface 128×128', 'ours-webgpu');
const surfaceCpu = value('surface 128×128', 'ours-cpu');
if (Number.isFinite(surfaceGpu) || Number.isFinite(surfaceCpu)) {
  table.push({ workload: 'surface 128×128', ours: 'ours-webgpu', 'ours ms': surfaceGpu.toFixed(1), them: 'ours-cpu', 'their ms': surfaceCpu.toFixed(1), 'speed-up': `${(surfaceCpu / surfaceGpu).toFixed(2)}×`, target: '' });
}
const sliderTargets = { 'slider → first point': '', 'slider → finished line': '≤ 100 ms', 'slider → final diagnosis': '≤ 150 ms' };
for (const [workload, target] of Object.entries(sliderTargets)) {
  table.push({ workload, ours: 'ours-webgpu', 'ours ms': value(workload, 'ours-webgpu').toFixed(1), them: '', 'their ms': '', 'speed-up': '', target });
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
console.log(`\nadapter: ${bench.adapter}`);
// A partial run has rows for only what it measured.
console.table(whole ? table : table.filter((row) => row['ours ms'] !== 'NaN' && row['their ms'] !== 'NaN'));
if (whatIfTable.length) console.table(whatIfTable);
for (const workload of ['line', 'digits', 'surface 128×128', 'spiral', 'grid 100×100']) {
  const results = bench.rows.filter((r) => r.workload === workload).map((r) => `${r.contender} ${JSON.stringify(r.result)}`);
  console.log(`${workload} results (should agree): ${results.join(' | ')}`);
}
if (!whole) process.exit(0);
mkdirSync('bench/results', { recursive: true });
const record = { date: new Date().toISOString(), ...bench };
writeFileSync('bench/results/latest.json', JSON.stringify(record, null, 2));
writeFileSync(`bench/results/${record.date.replace(/[:.]/g, '-')}.json`, JSON.stringify(record, null, 2));
