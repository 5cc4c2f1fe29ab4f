/**
 * fastai's `ImageCleaner` beside a validation photo of the learner's own: a menu to give it
 * another class and a button to delete it from the set. The next run trains on the cleaned
 * set (photo-board.ts).
 *
 * @example
 * import { html } from 'lit';
 * // given: const cleaner: Cleaner
 * html`${cleanerControls(cleaner, 7, 'teddy/grizzly / 2.31 / 0.10', { relabel: 'Relabel', remove: 'Delete' })}`;
 */
import { html, nothing, type TemplateResult } from 'lit';

/** What cleaning a run's validation photos can do, by their row in the validation set. */
export interface Cleaner {
  classNames: string[];
  relabel(row: number, toClass: string): void;
  remove(row: number): void;
}

export function cleanerControls(cleaner: Cleaner | null | undefined, row: number, photo: string, labels: { relabel: string; remove: string }): TemplateResult | typeof nothing {
  if (!cleaner) return nothing;
  const relabel = (event: Event) => {
    const to = (event.target as HTMLSelectElement).value;
    if (to) cleaner.relabel(row, to);
  };
  return html`<span class="cleaner">
    <select aria-label=${`${labels.relabel}: ${photo}`} @change=${relabel}>
      <option value="">${labels.relabel}…</option>
      ${cleaner.classNames.map((name) => html`<option value=${name}>${name}</option>`)}
    </select>
    <button class="secondary" aria-label=${`${labels.remove}: ${photo}`} @click=${() => cleaner.remove(row)}>×</button>
  </span>`;
}
