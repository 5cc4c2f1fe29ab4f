#!/usr/bin/env node
// `npm test`: type-checking, the doc comments' examples, the unit tests, the kernel and
// engine checks in real WebGPU (Node + Dawn), the build, the browser suite in Chromium with
// WebGPU, then the package (attw and publint on what npm would publish). Each suite's
// counts are summed into one closing line, "tests: N passed, N failed", and any failure
// makes the exit code non-zero.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { findChromium } from './find-chromium.mjs';

// The browser and the Vulkan driver every suite below needs, found (or installed) first.
try {
  const { chromium, swiftshaderDir } = findChromium();
  process.env.CHROMIUM_PATH = chromium;
  if (swiftshaderDir) process.env.CHROMIUM_LIB_DIR = swiftshaderDir;
  console.log(`browser: ${chromium}${swiftshaderDir ? `, SwiftShader in ${swiftshaderDir}` : ''}`);
} catch (error) {
  console.error(error.message);
  process.exit(1);
}

const results = 'test-results';
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

let passed = 0;
let failed = 0;
let broken = false;
/** The failed tests' names, repeated at the end: CI shows only the log's tail. */
const failures = [];

function run(title, command, args) {
  console.log(`\n▶ ${title}: ${command} ${args.join(' ')}`);
  const status = spawnSync(command, args, { stdio: 'inherit' }).status;
  if (status !== 0) {
    console.error(`✗ ${title} exited with ${status}`);
    failures.push(`${title} exited with ${status}`);
    broken = true;
  }
  return status === 0;
}

/** A script that counts as one test: passed when it exits 0. */
function check(title, command, args) {
  if (run(title, command, args)) passed += 1;
  else failed += 1;
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
  for (const file of report.testResults) {
    for (const test of file.assertionResults) {
      if (test.status === 'failed') failures.push(`${project}: ${file.name.replace(process.cwd() + '/', '')} › ${test.fullName}`);
    }
  }
}

function playwright() {
  const json = `${results}/e2e.json`;
  run('build', 'npm', ['run', 'build']);
  run('browser tests', 'npx', ['playwright', 'test']);
  if (!existsSync(json)) {
    console.error('✗ browser tests wrote no report');
    broken = true;
    return;
  }
  const { stats } = JSON.parse(readFileSync(json, 'utf8'));
  passed += stats.expected + stats.flaky;
  failed += stats.unexpected + (stats.expected + stats.unexpected + stats.flaky === 0 ? 1 : 0);
  for (const name of playwrightFailures(JSON.parse(readFileSync(json, 'utf8')).suites)) failures.push(`browser: ${name}`);
}

/** The titles of the tests whose outcome was unexpected, from Playwright's JSON report. */
function playwrightFailures(suites, path = []) {
  return suites.flatMap((suite) => [
    ...(suite.specs ?? [])
      .filter((spec) => spec.tests.some((test) => test.status === 'unexpected'))
      .map((spec) => [...path, suite.title, spec.title].filter(Boolean).join(' › ')),
    ...playwrightFailures(suite.suites ?? [], [...path, suite.title]),
  ]);
}

const started = Date.now();
run('type-check', 'npx', ['tsc', '--noEmit']);
check('examples', 'node', ['scripts/check-examples.mjs']);
vitest('unit');
vitest('gpu', ['scripts/with-webgpu.mjs']);
playwright();
run('package', 'node', ['scripts/check-package.mjs']);
console.log(`\nall suites took ${Math.round((Date.now() - started) / 1000)} s`);

if (failures.length) console.log(`\nfailed:\n${failures.map((name) => `- ${name}`).join('\n')}`);
console.log(`\ntests: ${passed} passed, ${failed} failed`);
process.exit(broken || failed > 0 ? 1 : 0);
