// Prints each CDN bundle's size, raw and gzipped, against its budget (issue 14: element
// 60 KiB, engine 35 KiB gzipped; the engine's raised to 44 KiB on 2026-12-04, when the
// diagnosis learnt to explain itself in two languages, +4.5 KiB, and the image kernels
// arrived, +3.6 KiB; the element's to 61 KiB the same day, for the chart's evidence layer:
// clipped ghosts with their values, the bold cited one, the hover tip, +2.2 KiB, and the
// scenario table); the engine's to 50 KiB later that day, for lesson 2's photo classifier:
// the image layers walked as blocks, the two CNNs, the augmentation kernel and its twin, the
// IDX and Fashion-MNIST loaders (the photos themselves come on first use), and the settings
// table, +5.5 KiB); the element's to 64 KiB on 2026-12-05, for fastai's confusion matrix and
// top losses after a classification run (two views, their panel and strings, +2.0 KiB), and
// the settings stage and max-lr's slice (+0.4 KiB); the engine's to 52 KiB the same day, for
// fastai's layer groups, freezing and discriminative rates, the validation readout and the
// diagnosis' jumped-then-stuck reason in two languages (+1.4 KiB); the element's to 66 KiB
// later that day, for the live filters and activation maps, lesson 2's calls in the code box
// and one LR curve per layer group (+0.8 KiB), and the engine's to 54 KiB, for the pretrained
// bodies' loader, fastai's two stages on one learner, the filter readout and the from-scratch
// comparison in two languages (+1.3 KiB); the engine's to 55 KiB on 2026-12-06, for the
// convolutions as implicit GEMM on 8×8 register blocks (three entry points' tiling, +0.7
// KiB); on 2026-12-06 too, the engine's to 58.5 KiB for the models a learner keeps: every
// run's trained model, its prediction pass, and the .safetensors writer and reader with
// their checks and messages (+3.2 KiB), and the element's to 68 KiB for the "Your model"
// panel (save, load, a photo cropped and scaled to the model's input, what it says; +2.4
// KiB); then the engine's to 59 KiB for the learner's own photos (the photos scenario, its
// checks, per-class split and loader, +0.6 KiB) and the element's to 73 KiB for their class
// board: files, folders, the camera and a course's manifest in, IndexedDB to keep them,
// fastai's ImageCleaner on the results, and their strings in two languages (+5.1 KiB); and
// the element's to 75 KiB for kept runs: the last 8 runs, compare() with its dotted curves
// and its picker, their differences named in two languages, and share's settings in the URL
// hash (+1.9 KiB); then to 76 KiB for the board's reasons in the page's language, the camera
// for a photo to predict, and kept runs as JSON out and in (+0.6 KiB); and the engine's to
// 59.5 KiB for fashion's photos made floats, shuffled and uploaded a few MB a task (in-pieces.ts,
// issue 23: each a 50-80 ms task of fresh memory on a slow machine, +0.2 KiB); and fails the
// build past a budget. The element downloads
// the engine on its first run (src/ui/engine-loader-cdn.ts), so a page that shows it pays
// for the element first and the engine once it trains; the data files, and the CPU's
// WebAssembly product (dist/matmul-fused.wasm, or dist/matmul.wasm without relaxed SIMD),
// come on first use.
//
// Example: node scripts/size-report.mjs
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const budgets = { 'dist/training-playground.js': 76, 'dist/engine.js': 59.5 };
const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
const over = [];
for (const [file, budget] of Object.entries(budgets)) {
  const bytes = readFileSync(file);
  const gzipped = gzipSync(bytes, { level: 9 }).length;
  const within = gzipped <= budget * 1024;
  if (!within) over.push(file);
  const verdict = within ? `within, ${kib(budget * 1024 - gzipped)} to spare` : `OVER by ${kib(gzipped - budget * 1024)}`;
  console.log(`${file}: ${kib(bytes.length)}, ${kib(gzipped)} gzipped (budget ${budget} KiB: ${verdict})`);
}
const fetched = ['dist/matmul-fused.wasm', 'dist/matmul.wasm', ...readdirSync('dist/data').map((name) => `dist/data/${name}`)];
for (const file of fetched) console.log(`${file}: ${kib(readFileSync(file).length)}, fetched on first use`);
if (over.length > 0) {
  console.error(`size-report: ${over.join(' and ')} past the budget; see what grew with \`npx vite build --mode element\` (or engine).`);
  process.exit(1);
}
