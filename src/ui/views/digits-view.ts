/**
 * A grid of validation photos (square, one channel: 8 × 8 digits, 28 × 28 clothes) with the
 * class the model predicts, by name where the data names its classes; wrong predictions are
 * outlined and say so to screen readers.
 *
 * @example
 * import { html } from 'lit';
 * import { strings } from '../i18n';
 * // given: const preview: { images: number[][]; labels: number[] }, result: RunResult | null
 * const t = strings('en');
 * html`${digitsView(preview, result?.predictions ?? null, t.digitsView, t.predicted)}`
 */
import { html, svg, type TemplateResult } from 'lit';
import { drawnOnce, pixelImage } from './heatmap-image';

const CELL = 4;
/** Sides up to this are drawn a rectangle a pixel (crisp, themed ink); larger photos as one image. */
const RECT_SIDE = 8;

/** Each photo's picture: drawn once per photo (drawnOnce), not with every render. */
const drawn = new WeakMap<ArrayLike<number>, TemplateResult>();

/** One photo's picture, its pixels in [0, 1] (1 ink), row-major and square. */
export function digit(image: ArrayLike<number>): TemplateResult {
  return drawnOnce(drawn, image, draw);
}

function draw(image: ArrayLike<number>): TemplateResult {
  const side = Math.round(Math.sqrt(image.length));
  if (side > RECT_SIDE) {
    // Dark ink on white, as the digits' rectangles draw it.
    const href = pixelImage(side, side, (i) => {
      const ink = Math.round(255 * (1 - image[i]!));
      return [ink, ink, ink];
    });
    return svg`<svg viewBox="0 0 ${side} ${side}" aria-hidden="true"><image href=${href} width=${side} height=${side} style="image-rendering: pixelated"></image></svg>`;
  }
  return svg`<svg viewBox="0 0 ${side * CELL} ${side * CELL}" aria-hidden="true">
    ${Array.from(image, (v, i) => (v > 0 ? svg`<rect x=${(i % side) * CELL} y=${Math.floor(i / side) * CELL} width=${CELL} height=${CELL} fill-opacity=${v.toFixed(2)}></rect>` : svg``))}
  </svg>`;
}

export function digitsView(
  preview: { images: number[][]; labels: number[]; classNames?: string[] },
  predictions: number[] | null,
  label: string,
  describe: (predicted: string, truth: string) => string,
): TemplateResult {
  const name = (c: number) => preview.classNames?.[c] ?? String(c);
  // Named classes ("Sneaker", "Ankle boot") get wider cells: a name is never broken mid-word.
  return html`<figure class="digits ${preview.classNames ? 'named' : ''}" part="samples" aria-label=${label}>
    ${preview.images.map((image, i) => {
      const truth = name(preview.labels[i]!);
      const predicted = predictions?.[i];
      const wrong = predicted !== undefined && name(predicted) !== truth;
      return html`<div class="digit ${wrong ? 'wrong' : ''}" role="img" aria-label=${predicted === undefined ? truth : describe(name(predicted), truth)}>
        ${digit(image)}<span>${predicted === undefined ? '·' : name(predicted)}</span>
      </div>`;
    })}
  </figure>`;
}
