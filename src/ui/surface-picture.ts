/**
 * Keeps the parameter view's loss surface in step with the run: the box follows the path
 * (surfaceBounds), and each new box (or data) is computed once on the engine, at 128 × 128,
 * then painted (heatmap, contours). A surface for a box that has since changed is dropped.
 *
 * @example
 * import type { LitElement } from 'lit';
 * // given: const engine: Engine, host: LitElement, config: RunConfig, path: [number, number][], optimum: [number, number]
 * const surfaces = new SurfacePictures((config, grid) => engine.lossSurface(config, grid), () => host.requestUpdate());
 * surfaces.follow(config, path, optimum);   // then draw surfaces.current
 */
import type { RunConfig, SurfaceGrid } from '../engine/index';
import { heatmapImage } from './views/heatmap-image';
import type { SurfacePicture } from './views/parameter-view';
import { contourLevels, contourLines, surfaceBounds } from './views/surface-geometry';

/** Points a side: the floor of 128 × 128. */
export const SURFACE_SIZE = 128;
const CONTOURS = 9;

export class SurfacePictures {
  current: SurfacePicture | null = null;
  private wanted = '';

  constructor(
    private readonly compute: (config: RunConfig, grid: SurfaceGrid) => Promise<Float32Array>,
    private readonly changed: () => void,
  ) {}

  follow(config: RunConfig, path: readonly [number, number][], optimum: [number, number]): void {
    const box = surfaceBounds(path, optimum);
    const grid: SurfaceGrid = { ...box, cols: SURFACE_SIZE, rows: SURFACE_SIZE };
    const key = JSON.stringify([config.seed, config.trainSize, box]);
    if (key === this.wanted) return;
    this.wanted = key;
    void this.compute(config, grid).then(
      (values) => {
        if (key !== this.wanted) return;
        const contours = contourLines(values, grid.cols, grid.rows, contourLevels(values, CONTOURS));
        this.current = { box, cols: grid.cols, rows: grid.rows, image: heatmapImage(values, grid.cols, grid.rows), contours };
        this.changed();
      },
      () => {
        // No surface (the device went away): the view says it is computing, and the next box tries again.
        if (key === this.wanted) this.wanted = '';
      },
    );
  }
}

