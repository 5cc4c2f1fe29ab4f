/**
 * The decision boundary of a planar model: its class-1 probability at every cell of a
 * BOUNDARY_SIZE² grid over [-6, 6]², by one batched forward pass on the device. The grid's
 * features are made there once (planar_features on the grid); each `record` runs the model's
 * current weights over them, with a sigmoid on the logit, in the same command stream as the
 * epochs it follows, so the readback that brings an epoch's losses brings its boundary too.
 *
 * @example
 * import type { Sequential } from './sequential';
 * // given: const backend: Backend, model: Sequential
 * const pass = new BoundaryPass(backend, model, ['x1', 'x2']);
 * pass.record();
 * const boundary = pass.boundary(await backend.readRanges(pass.ranges));
 */
import type { Backend, Tensor, TensorRange } from '../../backend';
import { drawsUnitByUnit, featureMask, PLANAR_EXTENT } from '../../planar-geometry';
import type { Sequential } from './sequential';
import { OwnedTensors } from './owned-tensors';
import type { Boundary, PlanarFeature } from '../types';

/** Cells a side: 100 × 100, as the issue asks at least, and what the view draws. */
export const BOUNDARY_SIZE = 100;


export class BoundaryPass {
  private readonly owned: OwnedTensors;
  private readonly features: Tensor;
  /** The hidden layers' outputs over the grid too: each unit's picture in the network diagram. */
  readonly activations: Tensor[];
  private readonly rows = BOUNDARY_SIZE * BOUNDARY_SIZE;
  /** What a readback takes, made once: the probabilities (row-major from the top-left cell), then the hidden units' pictures if drawn, then the weights. */
  readonly ranges: TensorRange[];

  constructor(
    backend: Backend,
    private readonly model: Sequential,
    features: readonly PlanarFeature[],
  ) {
    this.owned = new OwnedTensors(backend);
    this.features = this.owned.add(backend.tensor(this.rows * features.length, 'boundary grid features'));
    backend.planarFeatures({ grid: BOUNDARY_SIZE, extent: PLANAR_EXTENT }, this.features, featureMask(features));
    // Model 0's alone: the run itself (what-ifs and other seeds draw no boundary).
    this.activations = model.activations(this.rows, 'boundary', 1).map((t) => this.owned.add(t));
    const hidden = this.activations.slice(0, -1);
    const drawn = drawsUnitByUnit(model.stages.slice(0, -1).map((stage) => stage.outputs));
    this.ranges = [{ tensor: this.activations.at(-1)!, offset: 0, length: this.rows }, ...(drawn ? hidden.map((tensor) => ({ tensor })) : []), ...model.weightRanges()];
  }

  /** Model 0's weights as they are at this point of the command stream, over the grid. */
  record(): void {
    this.model.forward(this.features, this.rows, this.activations, 0, 1, 'sigmoid');
  }


  /** The boundary from what `ranges` read. */
  boundary(values: Float32Array[]): Boundary {
    const [probabilities, ...rest] = values as [Float32Array, ...Float32Array[]];
    const layers = this.model.stages.length;
    const weights = rest.slice(-layers);
    const hidden = rest.slice(0, -layers);
    return { size: BOUNDARY_SIZE, probabilities, weights, ...(hidden.length > 0 ? { hidden } : {}) };
  }

  dispose(): void {
    this.owned.releaseAll();
  }
}
