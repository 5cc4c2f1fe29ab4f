/**
 * The learner's photo classes (`scenario="photos"`), as a Lit ReactiveController: classes
 * they name and fill with photos (files, a folder, the camera, or a course's manifest), each
 * photo made the model's 28 × 28 grey row as it arrives (photo-input.ts, photo-sources.ts); photos relabelled
 * or deleted one by one, as fastai's ImageCleaner does; kept in IndexedDB under the board's
 * key (photo-store.ts). After every change the host gets the set to train on, or null with
 * the reason it cannot train yet (`problem`: fewer than two classes, a class short of
 * photos), so nothing trains on a set that would only fail.
 *
 * @example
 * import type { LitElement } from 'lit';
 * // given: const host: LitElement, files: File[]
 * const board = new PhotoBoard(host, () => 'lesson-2', (data) => console.log(data?.rows), () => true);
 * await board.addImages('grizzly', files);
 * board.relabel('grizzly', 0, 'black');
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { MAX_PHOTO_CLASSES, photoSetProblem, photoSplit, PHOTO_SIZE, type Dataset, type ImageSize, type PhotoSetProblem, type RunConfig } from '../engine/index';
import type { Cleaner } from './views/photo-cleaner';
import { emit } from './events';
import { PhotoError, photoRow } from './photo-input';
import { fetchManifest } from './photo-sources';
import { loadPhotos, savePhotos, type StoredClass } from './photo-store';

/** A set of photos to train on: a table of rows with the photos' size. */
export type PhotoSet = Dataset & { imageShape: ImageSize };

/** The longest class name kept. */
const MAX_NAME = 40;

export class PhotoBoard implements ReactiveController {
  private list: StoredClass[] = [];
  /** Why the photos cannot train yet, or null (the panel words it). */
  problem: PhotoSetProblem | null = null;
  /** Why the last photos given were not all added, or null. */
  refused: string | null = null;
  /** The last set handed to the host: a run on it can be cleaned from its results. */
  private lastSet: PhotoSet | null = null;
  /** The manifest being fetched (its URL), while it is. */
  loading: string | null = null;
  private manifest: AbortController | null = null;
  /** The stored board, read once (when the host first shows photos, or photos are first added). */
  private restored: Promise<void> | null = null;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    /** Which stored board is this one's: the element's id, or the page's path. */
    private readonly key: () => string,
    /** The set to train on after each change, or null while it cannot train. */
    private readonly changed: (data: PhotoSet | null) => void,
    /** Whether the host trains on photos now (its scenario's). */
    private readonly enabled: () => boolean,
  ) {
    host.addController(this);
  }

  /** Reads the stored board once the host shows photos: a page that never does opens no database. */
  hostUpdated(): void {
    if (this.enabled()) void this.restore();
  }

  private restore(): Promise<void> {
    this.restored ??= loadPhotos(this.key()).then((stored) => {
      // Photos added before the store answered come after the stored ones.
      if (stored) this.list = [...stored, ...this.list];
      this.commit(false);
    });
    return this.restored;
  }

  /** The classes in the order they were made, with their photo counts. */
  get classes(): { name: string; count: number }[] {
    return this.list.map(({ name, rows }) => ({ name, count: rows.length }));
  }

  /** A class's photos as the model sees them, for the thumbnails. */
  rowsOf(className: string): readonly Float32Array[] {
    return this.list.find((c) => c.name === className)?.rows ?? [];
  }

  /**
   * Adds photos to a class (made if new): each decoded, centre-cropped and scaled to 28 × 28
   * grey. A photo that cannot be read is left out and said; the others are added.
   */
  async addImages(className: string, images: readonly (Blob | ImageBitmap)[]): Promise<void> {
    await this.addAll(new Map([[className, images]]));
  }

  /**
   * A course's photos (`src`: a JSON manifest, photo-sources.ts) into an empty board; a board
   * with the learner's photos in it keeps them. A newer `src` cancels this one.
   */
  async loadManifest(url: string): Promise<void> {
    this.manifest?.abort();
    const abort = new AbortController();
    this.manifest = abort;
    this.loading = url;
    this.host.requestUpdate();
    try {
      await this.restore();
      const byClass = await fetchManifest(url, abort.signal);
      if (!abort.signal.aborted && !this.list.some((c) => c.rows.length > 0)) await this.addAll(byClass);
    } catch (error) {
      if (abort.signal.aborted) return;
      this.refused = error instanceof Error ? error.message : String(error);
      emit(this.host, 'playground-error', { code: 'invalid-photo', message: this.refused });
    } finally {
      if (this.manifest === abort) this.loading = null;
      this.host.requestUpdate();
    }
  }

  /** Photos for several classes, added in one change (one run follows, not one per class). */
  async addAll(byClass: ReadonlyMap<string, readonly (Blob | ImageBitmap)[]>): Promise<void> {
    await this.restore();
    const refused: string[] = [];
    let given = 0;
    for (const [className, images] of byClass) {
      const target = this.classFor(className);
      given += images.length;
      for (const image of images) {
        try {
          target.rows.push(await photoRow(image, PHOTO_SIZE));
        } catch (error) {
          refused.push(error instanceof PhotoError ? error.message : String(error));
        }
      }
    }
    this.refused = refused.length ? `${refused.length} of ${given} photos were not added. ${refused.join(' ')}` : null;
    this.commit();
    if (this.refused) {
      emit(this.host, 'playground-error', { code: 'invalid-photo', message: this.refused });
      throw new PhotoError(this.refused);
    }
  }

  /** Deletes a class's `index`-th photo (in the order added). */
  removeImage(className: string, index: number): void {
    this.photo(className, index);
    this.classFor(className).rows.splice(index, 1);
    this.commit();
  }

  /** Moves a class's `index`-th photo to `toClass` (made if new), as its last. */
  relabel(fromClass: string, index: number, toClass: string): void {
    const row = this.photo(fromClass, index);
    const target = this.classFor(toClass);
    this.classFor(fromClass).rows.splice(index, 1);
    target.rows.push(row);
    this.commit();
  }

  /** Makes an empty class, to fill; false (and `refused` says why) when it cannot. */
  addClass(className: string): boolean {
    try {
      this.classFor(className);
      this.refused = null;
    } catch (error) {
      this.refused = error instanceof Error ? error.message : String(error);
    }
    this.commit();
    return this.refused === null;
  }

  /**
   * fastai's ImageCleaner on a run's results: a validation photo (by its row) relabelled or
   * deleted. Only for a run of the board as it is (`config.data` the set it was handed): after
   * a change, the rows of the last result no longer say which photo is which.
   */
  cleanerFor(config: RunConfig | null): Cleaner | null {
    if (!config || config.data !== this.lastSet || !this.lastSet) return null;
    const photo = (row: number) => this.validationPhoto(row, config.seed);
    return {
      classNames: this.list.map((c) => c.name),
      relabel: (row, toClass) => {
        const p = photo(row);
        if (p && p.className !== toClass) this.relabel(p.className, p.index, toClass);
      },
      remove: (row) => {
        const p = photo(row);
        if (p) this.removeImage(p.className, p.index);
      },
    };
  }

  /** Deletes a class and its photos. */
  removeClass(className: string): void {
    this.list = this.list.filter((c) => c.name !== className);
    this.commit();
  }

  /** Which photo is validation row `row` of a run with this seed (photoSplit), as a class and its index. */
  validationPhoto(row: number, seed: number): { className: string; index: number } | null {
    const labels = this.list.flatMap((c, k) => c.rows.map(() => k));
    const original = photoSplit(labels, this.list.length, seed).valid[row];
    if (original === undefined) return null;
    let at = original;
    for (const c of this.list) {
      if (at < c.rows.length) return { className: c.name, index: at };
      at -= c.rows.length;
    }
    return null;
  }

  private classFor(name: string): StoredClass {
    const trimmed = name.trim().slice(0, MAX_NAME);
    if (!trimmed) throw new RangeError('A class needs a name.');
    const found = this.list.find((c) => c.name === trimmed);
    if (found) return found;
    if (this.list.length >= MAX_PHOTO_CLASSES) throw new RangeError(`Up to ${MAX_PHOTO_CLASSES} classes: delete one before adding “${trimmed}”.`);
    const made = { name: trimmed, rows: [] };
    this.list.push(made);
    return made;
  }

  private photo(className: string, index: number): Float32Array {
    const rows = this.list.find((c) => c.name === className)?.rows;
    if (!rows) throw new RangeError(`There is no class “${className}”.`);
    if (!(Number.isInteger(index) && index >= 0 && index < rows.length)) throw new RangeError(`“${className}” has no photo ${index}: it has ${rows.length}.`);
    return rows[index]!;
  }

  /** The photos as one set: every class's rows, labelled by the class's place. */
  private set(): PhotoSet {
    const rows = this.list.flatMap((c) => c.rows);
    const width = PHOTO_SIZE.channels * PHOTO_SIZE.height * PHOTO_SIZE.width;
    const features = new Float32Array(rows.length * width);
    rows.forEach((row, i) => features.set(row, i * width));
    return {
      features,
      rows: rows.length,
      featureCount: width,
      labels: Float32Array.from(this.list.flatMap((c, k) => c.rows.map(() => k))),
      task: 'classification',
      classCount: this.list.length,
      classNames: this.list.map((c) => c.name),
      imageShape: PHOTO_SIZE,
    };
  }

  /** Says the change: the set or why not, stored (unless it came from the store), and drawn. */
  private commit(store = true): void {
    const set = this.set();
    this.problem = photoSetProblem(set);
    if (store) void savePhotos(this.key(), this.list);
    this.lastSet = this.problem ? null : set;
    this.changed(this.lastSet);
    this.host.requestUpdate();
  }
}
