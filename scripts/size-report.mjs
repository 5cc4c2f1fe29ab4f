// Prints each bundle's size, raw and gzipped, against the budgets of issue 14 (element 60 KiB,
// engine 35 KiB gzipped), and the data files beside them. It reports; it does not fail the
// build yet, as neither bundle is within its budget (README, "Size").
//
// Example: node scripts/size-report.mjs
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const budgets = { 'dist/training-playground.js': 60, 'dist/engine.js': 35 };
const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
for (const [file, budget] of Object.entries(budgets)) {
  const bytes = readFileSync(file);
  const gzipped = gzipSync(bytes, { level: 9 }).length;
  const verdict = gzipped <= budget * 1024 ? 'within' : `over by ${kib(gzipped - budget * 1024)}`;
  console.log(`${file}: ${kib(bytes.length)}, ${kib(gzipped)} gzipped (budget ${budget} KiB: ${verdict})`);
}
for (const name of readdirSync('dist/data')) console.log(`dist/data/${name}: ${kib(readFileSync(`dist/data/${name}`).length)}, fetched on first use`);
