/**
 * Validation error per class as bars: what imbalance does to the minority class, and what
 * oversampling gives back.
 *
 * @example
 * import { html } from 'lit';
 * html`${classErrorsView(['malignant', 'benign'], [0.21, 0.03], 'Validation error per class', 'en')}` // "21.0 %", "3.0 %"
 */
import { html, type TemplateResult } from 'lit';
import type { Language } from '../../train/types';
import { formatPercent } from './numbers';

export function classErrorsView(classNames: string[], rates: number[] | null, label: string, lang: Language): TemplateResult {
  return html`<figure class="class-errors">
    <figcaption>${label}</figcaption>
    ${classNames.map((name, c) => {
      const rate = rates?.[c];
      const percent = rate === undefined ? null : Math.round(rate * 1000) / 10;
      const written = rate === undefined ? '—' : formatPercent(rate, lang);
      return html`<div class="bar-row">
        <span class="bar-label">${name}</span>
        <span class="bar" role="meter" aria-label=${name} aria-valuemin="0" aria-valuemax="100" aria-valuenow=${percent ?? 0} aria-valuetext=${written}>
          <span class="bar-fill" style="width: ${percent ?? 0}%"></span>
        </span>
        <span class="bar-value">${written}</span>
      </div>`;
    })}
  </figure>`;
}
