/**
 * Keeps the parameter view's loss surface in step with the run: the box follows the path
 * (surfaceBounds), and each new box (or data) is computed once on the engine, at 128 × 128,
 * then painted (heatmap, contours). A surface for a box that has since changed is dropped.
 *
 * @example
 * const surfaces = new SurfacePictures((config, grid) => training.lossSurface(config, grid), () => host.requestUpdate());
 * surfaces.follow(config, path, optimum);   // then draw surfaces.current
 */
import type { RunConfig, SurfaceGrid } from '../train/engine';
import type { SurfacePicture } from './views/parameter-view';
/** Points a side: the floor of 128 × 128. */
export declare const SURFACE_SIZE = 128;
export declare class SurfacePictures {
    private readonly compute;
    private readonly changed;
    current: SurfacePicture | null;
    private wanted;
    constructor(compute: (config: RunConfig, grid: SurfaceGrid) => Promise<Float32Array>, changed: () => void);
    follow(config: RunConfig, path: readonly [number, number][], optimum: [number, number]): void;
}
