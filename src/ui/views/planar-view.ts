/**
 * The planar scenarios' picture, TensorFlow Playground's: the decision boundary as a heatmap
 * over [-6, 6]², the training points filled and the validation points outlined (shown on
 * request), each in its class's colour. While a new run has not yet read its first epoch,
 * the last boundary stays, faded, rather than the picture going blank under a dragged slider.
 *
 * @example
 * html`${planarView({ preview, boundary, stale: false, showValid: true, discrete: false, labels })}`
 */
import { html, nothing, svg, type TemplateResult } from 'lit';
import { PLANAR_EXTENT } from '../../planar-geometry';
import type { Boundary, PlanarPoints } from '../../train/types';
import { boundaryImage, CLASS_COLORS } from './boundary-image';

/** The picture's side, in SVG units. */
const SIDE = 240;
const toPicture = (v: number) => ((v + PLANAR_EXTENT) / (2 * PLANAR_EXTENT)) * SIDE;

export interface PlanarViewState {
  preview: { train: PlanarPoints; valid: PlanarPoints };
  boundary: Boundary | null;
  /** The boundary is the previous run's. */
  stale: boolean;
  showValid: boolean;
  /** Each cell in its predicted class's colour, not shaded by probability. */
  discrete: boolean;
  labels: { title: string; describe: (trainPoints: number, validPoints: number) => string };
}

function points({ xy, labels }: PlanarPoints, filled: boolean): TemplateResult[] {
  return labels.map((label, i) => {
    const color = CLASS_COLORS[label === 1 ? 1 : 0];
    const [x, y] = [toPicture(xy[2 * i]!), SIDE - toPicture(xy[2 * i + 1]!)];
    return filled
      ? svg`<circle cx=${x.toFixed(1)} cy=${y.toFixed(1)} r="2.6" fill=${color} stroke="white" stroke-width="0.8"></circle>`
      : svg`<circle cx=${x.toFixed(1)} cy=${y.toFixed(1)} r="2.6" fill="none" stroke=${color} stroke-width="1.2"></circle>`;
  });
}

export function planarView({ preview, boundary, stale, showValid, discrete, labels }: PlanarViewState): TemplateResult {
  return html`<figure class="planar" role="img" aria-label=${`${labels.title}. ${labels.describe(preview.train.labels.length, showValid ? preview.valid.labels.length : 0)}`}
    data-boundary=${boundary ? (stale ? 'stale' : 'current') : 'none'}>
    <svg viewBox="0 0 ${SIDE} ${SIDE}" aria-hidden="true">
      <rect class="planar-frame" x="0" y="0" width=${SIDE} height=${SIDE}></rect>
      ${boundary ? svg`<image href=${boundaryImage(boundary, discrete)} x="0" y="0" width=${SIDE} height=${SIDE} preserveAspectRatio="none"
        opacity=${stale ? 0.35 : 1}></image>` : nothing}
      ${points(preview.train, true)}
      ${showValid ? points(preview.valid, false) : nothing}
    </svg>
  </figure>`;
}
