/**
 * A grid of validation digits (8×8 pixels each) with the class the model predicts; wrong
 * predictions are outlined and say so to screen readers.
 *
 * @example
 * import { html } from 'lit';
 * import { strings } from '../i18n';
 * // given: const preview: { images: number[][]; labels: number[] }, result: RunResult | null
 * const t = strings('en');
 * html`${digitsView(preview, result?.predictions ?? null, t.digitsView, t.predicted)}`
 */
import { html, svg, type TemplateResult } from 'lit';

const CELL = 4;

function digit(image: number[]): TemplateResult {
  return svg`<svg viewBox="0 0 ${8 * CELL} ${8 * CELL}" aria-hidden="true">
    ${image.map((v, i) => (v > 0 ? svg`<rect x=${(i % 8) * CELL} y=${Math.floor(i / 8) * CELL} width=${CELL} height=${CELL} fill-opacity=${v.toFixed(2)}></rect>` : svg``))}
  </svg>`;
}

export function digitsView(
  preview: { images: number[][]; labels: number[] },
  predictions: number[] | null,
  label: string,
  describe: (predicted: string, truth: string) => string,
): TemplateResult {
  return html`<figure class="digits" aria-label=${label}>
    ${preview.images.map((image, i) => {
      const truth = String(preview.labels[i]);
      const predicted = predictions?.[i];
      const wrong = predicted !== undefined && String(predicted) !== truth;
      return html`<div class="digit ${wrong ? 'wrong' : ''}" role="img" aria-label=${predicted === undefined ? truth : describe(String(predicted), truth)}>
        ${digit(image)}<span>${predicted ?? '·'}</span>
      </div>`;
    })}
  </figure>`;
}
