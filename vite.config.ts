import { resolve } from 'node:path';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';

/**
 * `npm run build` runs three builds:
 * - mode `element`: dist/training-playground.js, the element with Lit, uPlot, shaders and
 *   styles inside: one ES module for a CDN script tag, with the data sets in dist/data/;
 * - mode `engine`: dist/engine.js, the headless engine alone, just as self-contained;
 * - mode `testing`: dist/testing.js, helpers for Playwright specs of pages that embed it;
 * - mode `npm`: dist/npm/index.js, the element for bundlers, with lit and uplot as imports;
 * - modes `npm-app`, `react-app`, `vue-app`, `svelte-app`: dist/<mode>, sites built as their
 *   authors would build them, taking the npm build by its package name: beside a Lit
 *   component of their own (one Lit on the page), in React 19, Vue 3 and Svelte 5 (e2e);
 * - no mode: the demo page, into dist/site;
 * - mode `bench` (npm run bench): the benchmark page, into dist/bench.
 * Without a mode (npm start) it serves the demo page.
 */
const libraries: Record<string, { entry: string; fileName: string; outDir?: string; external?: (string | RegExp)[] }> = {
  element: { entry: 'src/index.ts', fileName: 'training-playground' },
  engine: { entry: 'src/engine.ts', fileName: 'engine' },
  // The npm build: Lit and uPlot stay imports (dependencies), so a site with Lit of its own
  // ships one Lit. uPlot's stylesheet is a string inside, not an import of uplot.
  // training-playground/testing, for test authors' Playwright specs (Node; Playwright's types only).
  testing: { entry: 'src/playwright/index.ts', fileName: 'testing', external: [/^@playwright\//] },
  npm: { entry: 'src/index.ts', fileName: 'index', outDir: 'dist/npm', external: [/^lit(\/|$)/, /^@lit\//, /^lit-html(\/|$)/, /^lit-element(\/|$)/, /^uplot$/] },
};

/** Sites built as a user would build them, each taking the npm build by its package name (e2e). */
const APPS = ['npm-app', 'react-app', 'vue-app', 'svelte-app'];

export default defineConfig(({ mode }) => {
  const library = libraries[mode];
  return {
    // The data sets ship gzipped beside the bundles (dist/data/), fetched on first use.
    assetsInclude: ['**/*.gz'],
    base: './',
    plugins: mode === 'svelte-app' ? [svelte()] : [],
    // The npm-app page imports the package by name, as a site would.
    resolve: APPS.includes(mode) ? { alias: { 'training-playground': resolve('dist/npm/index.js') } } : {},
    build: library
      ? {
          outDir: library.outDir ?? 'dist',
          emptyOutDir: false,
          // public/data/*.csv.gz into dist/data/, where the bundles fetch them from (src/train/data/builtin.ts).
          copyPublicDir: true,
          target: 'es2022',
          lib: { entry: resolve(library.entry), formats: ['es'], fileName: () => `${library.fileName}.js` },
          rollupOptions: { external: library.external ?? [], output: { inlineDynamicImports: true } },
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
          test: { name: 'unit', include: ['src/**/*.test.ts'], exclude: ['src/**/*.gpu.test.ts'] },
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
