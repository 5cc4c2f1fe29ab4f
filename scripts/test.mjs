#!/usr/bin/env node
// `npm test`: type-checking, the unit tests, the kernel checks in real WebGPU, then the
// browser suite when it exists. Each suite's counts are summed into one closing line,
// "tests: N passed, N failed", and any failure makes the exit code non-zero.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const results = 'test-results';
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

let passed = 0;
let failed = 0;
let broken = false;

function run(title, command, args) {
  console.log(`\n▶ ${title}: ${command} ${args.join(' ')}`);
  const status = spawnSync(command, args, { stdio: 'inherit' }).status;
  if (status !== 0) {
    console.error(`✗ ${title} exited with ${status}`);
    broken = true;
  }
}

function vitest(project, wrapper = []) {
  const json = `${results}/${project}.json`;
  run(`${project} tests`, wrapper.length ? 'node' : 'npx', [
    ...wrapper,
    ...(wrapper.length ? ['npx'] : []),
    'vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${json}`,
  ]);
  if (!existsSync(json)) {
    console.error(`✗ ${project} tests wrote no report`);
    broken = true;
    return;
  }
  const report = JSON.parse(readFileSync(json, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests + (report.numTotalTests === 0 ? 1 : 0);
}

run('type-check', 'npx', ['tsc', '--noEmit']);
vitest('unit');
vitest('gpu', ['scripts/with-webgpu.mjs']);

console.log(`\ntests: ${passed} passed, ${failed} failed`);
process.exit(broken || failed > 0 ? 1 : 0);
