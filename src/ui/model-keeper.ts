/**
 * The element's trained model, to save, load and put to work: the last run's
 * (`RunResult.model`) or one the learner loaded since, whichever came last; written as a
 * `.safetensors` file and read back (the engine's model-file.ts), and asked what a photo is
 * (photo-input.ts, Engine.predict), chosen, dropped or shot with the camera. A file that does not load fires `playground-error` with
 * `invalid-model` and leaves the model that was there.
 *
 * @example
 * import type { LitElement } from 'lit';
 * import { TrainingController } from './training-controller';
 * // given: const host: LitElement, training: TrainingController, photo: File
 * const keeper = new ModelKeeper(host, training);
 * const { className } = await keeper.predict(photo);
 */
import type { ReactiveControllerHost } from 'lit';
import type { Prediction, RunResult, TrainedModel } from '../engine/index';
import { loadEngine } from './engine-loader';
import { emit } from './events';
import { PhotoCamera } from './photo-camera';
import { photoRow, photoSizeOf } from './photo-input';

/** What the keeper needs of the training controller: the last result, and an engine to predict with. */
export interface ModelSource {
  readonly result: RunResult | null;
  predict(model: TrainedModel, row: ArrayLike<number>): Promise<Prediction>;
}

/** A prediction shown in the model panel, with the photo it was made for. */
export interface ShownPrediction extends Prediction {
  /** The photo as the model saw it: its input row (one channel, or three), in [0, 1]. */
  row: Float32Array;
  width: number;
  height: number;
}

export class ModelKeeper {
  /** A model the learner loaded, and the result that was the last run's then: a newer run's model replaces it. */
  private loaded: { model: TrainedModel; after: RunResult | null } | null = null;
  /** The last photo predicted, for the panel. */
  shown: ShownPrediction | null = null;
  /** Why the last load or photo failed, for the panel. */
  problem: string | null = null;
  /** A photo shot to ask the model about (its failures are `problem`, as a chosen photo's). */
  readonly camera: PhotoCamera;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly source: ModelSource,
  ) {
    this.camera = new PhotoCamera(host, async (_, shot) => void (await this.predict(shot).catch(() => undefined)));
  }

  /** The model there is now: the one loaded since the last run ended, else that run's; null before any. */
  get model(): TrainedModel | null {
    const result = this.source.result;
    if (this.loaded && this.loaded.after === result) return this.loaded.model;
    return result?.model ?? null;
  }

  async exportModel(): Promise<Blob> {
    const model = this.model;
    if (!model) throw new Error('There is no trained model yet: let a run finish (a stopped or diverged run leaves none), or load one.');
    const { encodeModel } = await loadEngine();
    return new Blob([encodeModel(model) as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' });
  }

  async importModel(blob: Blob): Promise<void> {
    const { decodeModel } = await loadEngine();
    try {
      const model = decodeModel(new Uint8Array(await blob.arrayBuffer()));
      this.loaded = { model, after: this.source.result };
      this.problem = null;
      this.shown = null;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.problem = message;
      emit(this.host, 'playground-error', { code: 'invalid-model', message });
      throw error instanceof Error ? error : new Error(message);
    } finally {
      this.host.requestUpdate();
    }
  }

  /** What the model says a photo is: a photo model's (fashion, digits) input made from it, then Engine.predict. */
  async predict(image: Blob | ImageBitmap): Promise<Prediction> {
    const model = this.model;
    if (!model) throw new Error('There is no trained model yet: let a run finish, or load one.');
    const size = photoSizeOf(model);
    if (!size) throw new Error(`This ${model.config.scenario} model reads table rows, not photos.`);
    try {
      const row = await photoRow(image, size);
      const said = await this.source.predict(model, row);
      this.shown = { ...said, row, width: size.width, height: size.height };
      this.problem = null;
      return said;
    } catch (error) {
      this.problem = error instanceof Error ? error.message : String(error);
      throw error;
    } finally {
      this.host.requestUpdate();
    }
  }
}
