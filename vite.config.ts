import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The digits set ships gzipped and is inlined as a data: URL (`?inline`), so the one-file
  // CDN build needs nothing beside it.
  assetsInclude: ['**/*.gz'],
  test: {
    projects: [
      {
        // Pure TypeScript: the CPU backend, the RNG, schedules, data parsing.
        extends: true,
        test: { name: 'unit', include: ['src/**/*.test.ts'], exclude: ['src/**/*.gpu.test.ts'] },
      },
      {
        // Real WebGPU through Dawn (the `webgpu` package) on whatever Vulkan driver is present:
        // SwiftShader on machines without a GPU. One fork, because a native addon and a
        // Vulkan device per worker thread only slows SwiftShader down.
        extends: true,
        test: {
          name: 'gpu',
          include: ['src/**/*.gpu.test.ts'],
          pool: 'forks',
          maxWorkers: 1,
          testTimeout: 120_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
