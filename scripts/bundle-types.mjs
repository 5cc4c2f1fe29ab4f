// The type declarations, one self-contained file per entry (dist/types/index.d.ts and
// engine.d.ts): no relative imports, so they resolve the same under every moduleResolution
// (node16, nodenext, bundler), and only the public API is in them. They reference the WebGPU
// types, which the engine's options use (GPUDevice, GPU).
//
// Example: node scripts/bundle-types.mjs
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
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
console.log(`types: ${entries.map((e) => e.out).join(', ')}`);
