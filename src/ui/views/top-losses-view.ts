/**
 * fastai's `plot_top_losses(9)`: the validation rows the model was most wrong about, each
 * captioned "predicted/actual / loss / probability of the actual class". Photos where the data
 * are photos; for a table, a small table of the same numbers with the row's index.
 *
 * @example
 * import { html } from 'lit';
 * // given: const result: RunResult, photos: number[][] | null, names: string[]
 * html`${topLossesView(result.topLosses!.slice(0, 9), photos, names, { title: 'Top losses', row: 'Row', caption: 'predicted/actual / loss / probability', relabel: 'Relabel', remove: 'Delete' }, 'en')}`;
 */
import { html, type TemplateResult } from 'lit';
import type { Language, TopLoss } from '../../engine/index';
import { digit } from './digits-view';
import { cleanerControls, type Cleaner } from './photo-cleaner';

/** How many top losses the view shows: fastai's `plot_top_losses(9)`. */
export const SHOWN_TOP_LOSSES = 9;

export interface TopLossesLabels {
  title: string;
  row: string;
  /** What the caption's four parts are, in words. */
  caption: string;
  /** The cleaner's two controls. */
  relabel: string;
  remove: string;
}

/**
 * fastai's caption, `Dress/Coat / 4.86 / 0.01`, with the page language's decimal sign. A name
 * with a slash of its own is set in parentheses, `Shirt/(T-shirt/top)`, or the reader could not
 * tell the predicted class from the actual one.
 */
export function lossCaption(top: TopLoss, names: string[], lang: Language): string {
  const number = (x: number) => x.toLocaleString(lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const name = (c: number) => {
    const text = names[c] ?? String(c);
    return text.includes('/') ? `(${text})` : text;
  };
  return `${name(top.predicted)}/${name(top.actual)} / ${number(top.loss)} / ${number(top.probability)}`;
}

/** With a cleaner (the learner's own photos), each photo has its relabel menu and delete button (photo-cleaner.ts). */
export function topLossesView(tops: TopLoss[], photos: number[][] | null, names: string[], labels: TopLossesLabels, lang: Language, cleaner?: Cleaner | null): TemplateResult {
  const heading = html`<figcaption>${labels.title} <small>(${labels.caption})</small></figcaption>`;
  if (!photos) {
    return html`<figure class="top-losses" part="top-losses">${heading}
      <table>
        <tbody>
          ${tops.map((top) => html`<tr><th scope="row">${labels.row} ${top.index}</th><td>${lossCaption(top, names, lang)}</td></tr>`)}
        </tbody>
      </table>
    </figure>`;
  }
  return html`<figure class="top-losses" part="top-losses">${heading}
    <div class="loss-photos">
      ${tops.map((top, i) => {
        const caption = lossCaption(top, names, lang);
        return html`<div class="loss-photo" role="img" aria-label=${caption}>${photos[i] ? digit(photos[i]) : ''}<span>${caption}</span>${cleanerControls(cleaner, top.index, caption, { relabel: labels.relabel, remove: labels.remove })}</div>`;
      })}
    </div>
  </figure>`;
}
