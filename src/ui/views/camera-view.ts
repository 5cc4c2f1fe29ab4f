/**
 * The camera as the page shows it, wherever its photos go (a class on the photo board, or the
 * model panel's question): the live picture with its Take photo and Done buttons, and why it
 * gave no photo, in the page's language.
 *
 * @example
 * import { html, nothing } from 'lit';
 * import { strings } from '../i18n';
 * import type { PhotoCamera } from '../photo-camera';
 * // given: const camera: PhotoCamera
 * const t = strings('pt-BR');
 * html`${camera.className ? cameraView(camera, t) : nothing}${cameraProblemView(camera, t)}`;
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Strings } from '../i18n';
import type { PhotoCamera } from '../photo-camera';

/** The open camera's picture and its two buttons (its failures are `camera.problem`, cameraProblemView). */
export function cameraView(camera: PhotoCamera, t: Strings): TemplateResult {
  const snap = (event: Event) => void camera.snap((event.target as HTMLElement).parentElement!.querySelector('video')!).catch(() => undefined);
  return html`<div class="camera"><video autoplay playsinline muted .srcObject=${camera.stream}></video>
    <button @click=${snap}>${t.photosSnap}</button>
    <button class="secondary" @click=${() => camera.close()}>${t.photosDone}</button></div>`;
}

/** Why the camera did not open or gave no photo, as an alert; nothing while it has no problem. */
export function cameraProblemView(camera: PhotoCamera, t: Strings): TemplateResult | typeof nothing {
  return camera.problem ? html`<p class="problem" role="alert">${t.cameraProblem(camera.problem)}</p>` : nothing;
}
