// The type declarations, one self-contained file per entry (dist/types/index.d.ts,
// engine.d.ts, and testing.d.ts for training-playground/testing): no relative imports, so they resolve the same under every moduleResolution
// (node16, nodenext, bundler), and only the public API is in them. They reference the WebGPU
// types, which the engine's options use (GPUDevice, GPU).
//
// Example: node scripts/bundle-types.mjs
import { execFileSync } from 'node:child_process';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { generateDtsBundle } from 'dts-bundle-generator';

const entries = [
  { filePath: 'src/index.ts', out: 'dist/types/index.d.ts' },
  { filePath: 'src/engine.ts', out: 'dist/types/engine.d.ts' },
];
const bundles = generateDtsBundle(
  entries.map(({ filePath }) => ({ filePath, output: { inlineDeclareGlobals: true, noBanner: true } })),
  { preferredConfigPath: 'tsconfig.build.json' },
);
rmSync('dist/types', { recursive: true, force: true });
mkdirSync('dist/types', { recursive: true });
bundles.forEach((text, i) => writeFileSync(entries[i].out, `/// <reference types="@webgpu/types" />\n${text}`));
// The testing helpers import only the package's own types (by its name) and Playwright's, so
// tsc's plain declaration of that one file stands alone (the bundler trips on Playwright's).
rmSync('dist/types-testing', { recursive: true, force: true });
execFileSync('npx', ['tsc', '-p', 'tsconfig.testing.json'], { stdio: 'inherit' });
renameSync('dist/types-testing/index.d.ts', 'dist/types/testing.d.ts');
rmSync('dist/types-testing', { recursive: true, force: true });
console.log(`types: ${[...entries.map((e) => e.out), 'dist/types/testing.d.ts'].join(', ')}`);
