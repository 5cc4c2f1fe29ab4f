/**
 * Validation error per class as bars: what imbalance does to the minority class, and what
 * oversampling gives back.
 *
 * @example
 * html`${classErrorsView(['malignant', 'benign'], [0.21, 0.03], 'Validation error per class')}`
 */
import { html, type TemplateResult } from 'lit';

export function classErrorsView(classNames: string[], rates: number[] | null, label: string): TemplateResult {
  return html`<figure class="class-errors">
    <figcaption>${label}</figcaption>
    ${classNames.map((name, c) => {
      const rate = rates?.[c];
      const percent = rate === undefined ? null : Math.round(rate * 1000) / 10;
      return html`<div class="bar-row">
        <span class="bar-label">${name}</span>
        <span class="bar" role="meter" aria-label=${name} aria-valuemin="0" aria-valuemax="100" aria-valuenow=${percent ?? 0}>
          <span class="bar-fill" style="width: ${percent ?? 0}%"></span>
        </span>
        <span class="bar-value">${percent === null ? '—' : `${percent}%`}</span>
      </div>`;
    })}
  </figure>`;
}
