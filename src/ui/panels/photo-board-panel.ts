/**
 * The class board of `scenario="photos"` (part `photos`): a column per class with its name,
 * its count and its photos as the model sees them (each deletable), a button to add photos
 * from files and one to take them with the camera; a drop of files on a class adds them to
 * it, a drop of class folders on the board makes a class of each; a field to name a new
 * class. Says what the set still needs before it can train.
 *
 * @example
 * import { html } from 'lit';
 * import type { Strings } from '../i18n';
 * import type { PhotoBoard } from '../photo-board';
 * import type { PhotoCamera } from '../photo-camera';
 * // given: const board: PhotoBoard, camera: PhotoCamera, t: Strings
 * html`${photoBoardPanel(board, camera, t)}`;
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { MIN_PHOTOS_PER_CLASS } from '../../engine/index';
import type { Strings } from '../i18n';
import type { PhotoBoard } from '../photo-board';
import type { PhotoCamera } from '../photo-camera';
import { droppedPhotos } from '../photo-sources';
import { cameraProblemView, cameraView } from '../views/camera-view';
import { digit } from '../views/digits-view';

/** Thumbnails a class shows; the count says how many more. */
const SHOWN_PHOTOS = 40;

export function photoBoardPanel(board: PhotoBoard, camera: PhotoCamera, t: Strings): TemplateResult {
  // Failures are on the board (board.refused) and in playground-error.
  const quietly = (work: Promise<unknown>) => void work.catch(() => undefined);
  const drop = (into: string | null) => (event: DragEvent) => {
    event.preventDefault();
    event.stopPropagation();
    quietly(droppedPhotos(event, into).then((byClass) => (byClass.size > 0 ? board.addAll(byClass) : undefined)));
  };
  const allow = (event: DragEvent) => event.preventDefault();
  const chosen = (name: string) => (event: Event) => {
    const input = event.target as HTMLInputElement;
    const files = [...(input.files ?? [])];
    input.value = '';
    if (files.length) quietly(board.addImages(name, files));
  };
  const newClass = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const field = form.elements.namedItem('class-name') as HTMLInputElement;
    if (board.addClass(field.value)) field.value = '';
  };
  const total = board.classes.reduce((n, c) => n + c.count, 0);
  return html`<section class="photo-board" part="photos" aria-label=${t.photosTitle} @dragover=${allow} @drop=${drop(null)}>
    <h3>${t.photosTitle}</h3>
    <p class="status">${board.loading ? t.photosLoading(board.loading) : board.problem ? t.photosProblem(board.problem) : t.photosCount(total, board.classes.length)}</p>
    ${board.refused ? html`<p class="problem" role="alert">${board.refused}</p>` : nothing}
    ${cameraProblemView(camera, t)}
    <div class="photo-classes">
      ${board.classes.map(({ name, count }) => {
        const rows = board.rowsOf(name);
        return html`<div class="photo-class ${count < MIN_PHOTOS_PER_CLASS ? 'short' : ''}" role="group" aria-label=${t.photosClass(name, count)} @dragover=${allow} @drop=${drop(name)}>
          <h4><span>${name}</span> <small>${count}</small>
            <button class="secondary" aria-label=${t.photosDeleteClass(name)} @click=${() => board.removeClass(name)}>×</button></h4>
          <div class="thumbs">
            ${rows.slice(0, SHOWN_PHOTOS).map((row, i) => html`<span class="thumb">${digit(row)}
              <button aria-label=${t.photosDeletePhoto(name, i + 1)} @click=${() => board.removeImage(name, i)}>×</button></span>`)}
            ${count > SHOWN_PHOTOS ? html`<small>+${count - SHOWN_PHOTOS}</small>` : nothing}
          </div>
          ${camera.className === name ? cameraView(camera, t) : nothing}
          <div class="model-actions">
            <label class="file-button secondary">${t.photosAdd}<input type="file" accept="image/*" multiple @change=${chosen(name)} /></label>
            ${camera.className === name ? nothing : html`<button class="secondary" @click=${() => quietly(camera.open(name))}>${t.photosCamera}</button>`}
          </div>
        </div>`;
      })}
    </div>
    <form class="new-class" @submit=${newClass}>
      <label>${t.photosNewClass} <input name="class-name" maxlength="40" required /></label>
      <button class="secondary">${t.photosAddClass}</button>
    </form>
    <p class="status">${t.photosHint}</p>
  </section>`;
}

/** The board's own styles: class columns, thumbnails with their delete buttons, the camera. */
export const photoBoardStyles = css`
  .photo-board h3 {
    margin: 0 0 4px;
    font-size: 1em;
  }
  .photo-classes {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
  }
  .photo-class {
    border: 1px solid var(--_border);
    border-radius: 4px;
    padding: 6px;
    min-width: 160px;
    max-width: 300px;
  }
  .photo-class.short {
    border-style: dashed;
  }
  .photo-class h4 {
    display: flex;
    gap: 6px;
    align-items: center;
    margin: 0 0 4px;
    font-size: 1em;
  }
  .photo-class h4 span {
    flex: 1;
  }
  .thumbs {
    display: flex;
    flex-wrap: wrap;
    gap: 2px;
    margin-bottom: 4px;
  }
  .thumb {
    position: relative;
    width: 28px;
    height: 28px;
  }
  .thumb svg {
    width: 28px;
    height: 28px;
  }
  .thumb button {
    position: absolute;
    top: -4px;
    right: -4px;
    padding: 0 3px;
    font-size: 10px;
    line-height: 1.2;
    opacity: 0;
  }
  .thumb:hover button,
  .thumb button:focus-visible {
    opacity: 1;
  }
  .camera video {
    width: 100%;
    max-width: 280px;
    display: block;
    margin-bottom: 4px;
  }
  .new-class {
    display: flex;
    gap: 8px;
    align-items: center;
    margin-top: 6px;
  }
  .cleaner {
    display: flex;
    gap: 2px;
    margin-top: 2px;
    width: 100%;
  }
  /* Sized by its cell, not by its longest class name: the photos' grid keeps its columns. */
  .cleaner select {
    flex: 1 1 0;
    width: 0;
    min-width: 0;
    font-size: 11px;
  }
  .cleaner button {
    padding: 0 6px;
  }
  .photo-class h4 button {
    padding: 0 6px;
  }
`;
