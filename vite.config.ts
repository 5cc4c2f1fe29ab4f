import { resolve } from 'node:path';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';
import { compactWgsl } from './build/compact-wgsl.ts';
import { watToWasm } from './build/wat-to-wasm.ts';

/**
 * `npm run build` runs three builds:
 * - mode `element`: dist/training-playground.js, the element with Lit, uPlot and styles
 *   inside: one ES module for a CDN script tag, which imports dist/engine.js beside it when it
 *   first trains (ui/engine-loader-cdn.ts) and fetches the data sets from dist/data/;
 * - mode `engine`: dist/engine.js, the headless engine alone, and its own CPU worker's script
 *   (engine/worker/start-self.ts), with dist/matmul.wasm, the CPU's product, fetched beside it
 *   (cpu/matmul-binary-cdn.ts);
 * - mode `npm-engine`: dist/npm/engine.js, the engine for bundlers (training-playground/engine),
 *   its CPU worker inlined: a bundler that rewrites engine.js could not start it as a worker;
 * - mode `testing`: dist/testing.js, helpers for Playwright specs of pages that embed it;
 * - mode `npm`: dist/npm/index.js, the element for bundlers, with lit and uplot as imports;
 * - modes `npm-app`, `react-app`, `vue-app`, `svelte-app`: dist/<mode>, sites built as their
 *   authors would build them, taking the npm build by its package name: beside a Lit
 *   component of their own (one Lit on the page), in React 19, Vue 3 and Svelte 5 (e2e);
 * - no mode: the demo page, into dist/site;
 * - mode `bench` (npm run bench): the benchmark page, into dist/bench.
 * Without a mode (npm start) it serves the demo page.
 */
interface Library {
  entry: string;
  fileName: string;
  outDir?: string;
  external?: (string | RegExp)[];
  /** Modules swapped for the CDN files: by the name they are imported as. */
  swaps?: Record<string, string>;
  /** Minified: the CDN files, downloaded as they are. The npm files are left for bundlers to minify. */
  minify?: boolean;
}

const libraries: Record<string, Library> = {
  element: { entry: 'src/index.ts', fileName: 'training-playground', swaps: { './engine-loader': 'src/ui/engine-loader-cdn.ts' }, minify: true },
  engine: { entry: 'src/engine-cdn.ts', fileName: 'engine', swaps: { './start': 'src/engine/worker/start-self.ts', './matmul-binary': 'src/cpu/matmul-binary-cdn.ts' }, minify: true },
  'npm-engine': { entry: 'src/engine.ts', fileName: 'engine', outDir: 'dist/npm' },
  // The npm build: Lit and uPlot stay imports (dependencies), so a site with Lit of its own
  // ships one Lit. uPlot's stylesheet is a string inside, not an import of uplot.
  // training-playground/testing, for test authors' Playwright specs (Node; Playwright's types only).
  testing: { entry: 'src/playwright/index.ts', fileName: 'testing', external: [/^@playwright\//] },
  npm: { entry: 'src/index.ts', fileName: 'index', outDir: 'dist/npm', external: [/^lit(\/|$)/, /^@lit\//, /^lit-html(\/|$)/, /^lit-element(\/|$)/, /^uplot$/] },
};

/** The kernels' sources as every bundle carries them: WGSL compacted, WebAssembly assembled. */
const kernelPlugins = () => [compactWgsl(), watToWasm()];

/** Sites built as a user would build them, each taking the npm build by its package name (e2e). */
const APPS = ['npm-app', 'react-app', 'vue-app', 'svelte-app'];

export default defineConfig(({ mode }) => {
  const library = libraries[mode];
  return {
    // The data sets ship gzipped beside the bundles (dist/data/), fetched on first use.
    assetsInclude: ['**/*.gz'],
    base: './',
    plugins: [...kernelPlugins(), ...(mode === 'svelte-app' ? [svelte()] : [])],
    // The inlined CPU worker is bundled apart, and its products are WebAssembly too.
    worker: { plugins: kernelPlugins },
    resolve: APPS.includes(mode)
      ? // The app pages import the package by name, as a site would.
        { alias: { 'training-playground': resolve('dist/npm/index.js') } }
      : { alias: Object.entries(library?.swaps ?? {}).map(([name, file]) => ({ find: new RegExp(`^${name.replace('.', '\\.')}$`), replacement: resolve(file) })) },
    build: library
      ? {
          outDir: library.outDir ?? 'dist',
          emptyOutDir: false,
          // public/data/*.csv.gz into dist/data/, where the bundles fetch them from (src/train/data/builtin.ts).
          copyPublicDir: true,
          target: 'es2022',
          lib: { entry: resolve(library.entry), formats: ['es'], fileName: () => `${library.fileName}.js` },
          rollupOptions: {
            external: library.external ?? [],
            // The CDN files are final, never bundled again: their /* @__PURE__ */ marks only cost bytes.
            output: { codeSplitting: false, minify: library.minify ?? false, ...(library.minify ? { comments: { annotation: false } } : {}) },
          },
        }
      : mode === 'bench'
        ? { outDir: 'dist/bench', target: 'es2022', rollupOptions: { input: resolve('bench/index.html') } }
        : APPS.includes(mode)
          ? { outDir: `dist/${mode}`, target: 'es2022', rollupOptions: { input: resolve(`e2e/fixtures/${mode}/index.html`) } }
        : { outDir: 'dist/site', target: 'es2022' },
    test: {
      projects: [
        {
          extends: true,
          // Pure TypeScript: the CPU backend, the RNG, schedules, data parsing, the engine on the CPU.
          test: { name: 'unit', include: ['src/**/*.test.ts', 'build/**/*.test.ts', 'scripts/**/*.test.ts'], exclude: ['src/**/*.gpu.test.ts'] },
        },
        {
          extends: true,
          // Real WebGPU through Dawn (the `webgpu` package) on whatever Vulkan driver is present:
          // SwiftShader on machines without a GPU. One fork, because a native addon and a
          // Vulkan device per worker thread only slows SwiftShader down.
          test: {
            name: 'gpu',
            include: ['src/**/*.gpu.test.ts'],
            pool: 'forks',
            maxWorkers: 1,
            testTimeout: 180_000,
            hookTimeout: 60_000,
          },
        },
      ],
    },
  };
});
