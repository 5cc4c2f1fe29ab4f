/**
 * "Your model": save the trained model as a `.safetensors` file, load one, and, for a photo
 * model, choose, drop or shoot a photo to see what the model says it is (the photo as the model saw
 * it, the predicted class and the three likeliest with their probabilities). Shown while
 * `controls` lists `model-file`.
 *
 * @example
 * import { html } from 'lit';
 * import type { Strings } from '../i18n';
 * import type { ModelKeeper } from '../model-keeper';
 * // given: const keeper: ModelKeeper, t: Strings
 * html`${modelPanel(keeper, true, t)}`;
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import type { ModelKeeper } from '../model-keeper';
import { photoSizeOf } from '../photo-input';
import type { Strings } from '../i18n';
import { cameraProblemView, cameraView } from '../views/camera-view';
import { digit } from '../views/digits-view';
import { formatNumber } from '../views/numbers';

/** Saves a blob as a download named `name`. */
function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  link.click();
  // After the click has handed the URL to the download.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** The first file of a file input's choice, the input cleared so the same file can be chosen again. */
function chosen(event: Event): File | null {
  const input = event.target as HTMLInputElement;
  const file = input.files?.[0] ?? null;
  input.value = '';
  return file;
}

export function modelPanel(keeper: ModelKeeper, shown: boolean, t: Strings): TemplateResult | typeof nothing {
  if (!shown) return nothing;
  const model = keeper.model;
  const photos = model ? photoSizeOf(model) : null;
  // Failures are on the panel (keeper.problem) and in playground-error; nothing to do here.
  const quietly = (work: Promise<unknown>) => void work.catch(() => undefined);
  const save = () => quietly(keeper.exportModel().then((blob) => download(blob, `${model!.config.scenario}-model.safetensors`)));
  const drop = (event: DragEvent) => {
    event.preventDefault();
    const file = event.dataTransfer?.files[0];
    if (file && photos) quietly(keeper.predict(file));
  };
  const said = keeper.shown;
  const camera = keeper.camera;
  const top = said ? said.probabilities.map((p, c) => ({ p, c })).sort((a, b) => b.p - a.p).slice(0, 3) : [];
  const name = (c: number) => model?.classNames[c] ?? String(c);
  return html`<section class="model-file" part="model" aria-label=${t.modelTitle} @dragover=${(e: DragEvent) => photos && e.preventDefault()} @drop=${drop}>
    <h3>${t.modelTitle}</h3>
    <p class="status">${model ? t.modelReady(t.scenarioNames[model.config.scenario], model.classNames.length) : t.modelNone}</p>
    <div class="model-actions">
      <button class="secondary" ?disabled=${!model} @click=${save}>${t.modelSave}</button>
      <label class="file-button secondary">${t.modelLoad}<input type="file" accept=".safetensors" @change=${(e: Event) => { const f = chosen(e); if (f) quietly(keeper.importModel(f)); }} /></label>
      ${photos ? html`<label class="file-button">${t.modelPredict}<input type="file" accept="image/*" @change=${(e: Event) => { const f = chosen(e); if (f) quietly(keeper.predict(f)); }} /></label>` : nothing}
      ${photos && !camera.className ? html`<button class="secondary" @click=${() => quietly(camera.open('predict'))}>${t.photosCamera}</button>` : nothing}
    </div>
    ${camera.className ? cameraView(camera, t) : nothing}
    ${cameraProblemView(camera, t)}
    ${keeper.problem ? html`<p class="problem" role="alert">${keeper.problem}</p>` : nothing}
    ${said
      ? html`<figure class="prediction" aria-live="polite">
          ${said.height * said.width === said.row.length ? digit(said.row) : nothing}
          <figcaption>
            <strong>${t.modelSays(said.className, formatNumber(100 * said.probabilities[said.classIndex]!, t.lang, 1))}</strong>
            <ul>${top.map(({ p, c }) => html`<li><span class="bar" style="width: ${(100 * p).toFixed(1)}%"></span>${name(c)} ${formatNumber(100 * p, t.lang, 1)} %</li>`)}</ul>
          </figcaption>
        </figure>`
      : nothing}
  </section>`;
}

/** The panel's own styles: file inputs as buttons, the photo as the model saw it, probability bars. */
export const modelPanelStyles = css`
  .model-file h3 {
    margin: 0 0 4px;
    font-size: 1em;
  }
  .model-actions {
    display: flex;
    gap: 8px;
    flex-wrap: wrap;
    align-items: center;
  }
  /* A label that looks like a button (styles.ts gives it a button's colours). */
  .file-button {
    display: inline-block;
  }
  .file-button:focus-within {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  /* Hidden but focusable: the label is what shows, the input what the keyboard reaches. */
  .file-button input {
    position: absolute;
    width: 1px;
    height: 1px;
    opacity: 0;
  }
  .model-file .problem {
    color: var(--_accent);
  }
  .prediction {
    display: flex;
    gap: 12px;
    align-items: center;
    margin: 8px 0 0;
  }
  .prediction svg {
    width: 84px;
    height: 84px;
    border: 1px solid var(--_border);
  }
  .prediction ul {
    list-style: none;
    margin: 4px 0 0;
    padding: 0;
    min-width: 200px;
  }
  .prediction li {
    position: relative;
    /* Its own stacking context: the bar sits behind the text, not behind the panel. */
    z-index: 0;
    margin: 2px 0;
    padding: 1px 4px;
    font-variant-numeric: tabular-nums;
  }
  .prediction .bar {
    position: absolute;
    inset: 0 auto 0 0;
    background: color-mix(in srgb, var(--_accent) 25%, transparent);
    border-radius: 2px;
    z-index: -1;
  }
`;
