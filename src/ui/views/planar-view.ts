/**
 * The planar scenarios' picture, TensorFlow Playground's: the decision boundary as a heatmap
 * over [-6, 6]², the training points filled and the validation points outlined (shown on
 * request), each in its class's colour. Axes x₁ and x₂ with ticks, a key for the colours
 * (the class-1 probability, 0 to 1) and the last epoch's validation error as a number say
 * what the picture is. While a new run has not yet read its first epoch, the last boundary
 * stays, faded, rather than the picture going blank under a dragged slider.
 *
 * @example
 * import { html } from 'lit';
 * // given: const preview: PlanarViewState['preview'], boundary: Boundary | null, labels: PlanarViewState['labels']
 * html`${planarView({ preview, boundary, stale: false, showValid: true, discrete: false, errorRate: 0.03, lang: 'en', labels })}`
 */
import { html, nothing, svg, type TemplateResult } from 'lit';
import { PLANAR_EXTENT } from '../../planar-geometry';
import type { Boundary, Language, PlanarPoints } from '../../train/types';
import { boundaryColor, boundaryImage, CLASS_COLORS } from './boundary-image';
import { formatNumber, formatPercent } from './numbers';

/** The picture's side, in SVG units, and the room around it for the error, the axes and the key. */
const SIDE = 240;
const TOP = 20;
const LEFT = 30;
const BOTTOM = 32;
const KEY_GAP = 14;
const KEY_WIDTH = 10;
const KEY_ROOM = 50;
const WIDTH = LEFT + SIDE + KEY_GAP + KEY_WIDTH + KEY_ROOM;
const HEIGHT = TOP + SIDE + BOTTOM;
const TICK = 4;
/** Ticks on both axes, TensorFlow Playground's −6 … 6 every 2. */
export const PLANAR_TICKS = [-6, -4, -2, 0, 2, 4, 6] as const;
/** The colour key's marks: the two certain ends and the undecided middle. */
export const KEY_MARKS = [0, 0.5, 1] as const;

const toPicture = (v: number) => ((v + PLANAR_EXTENT) / (2 * PLANAR_EXTENT)) * SIDE;
const rgb = (p: number) => `rgb(${boundaryColor(p).join(' ')})`;

export interface PlanarViewState {
  preview: { train: PlanarPoints; valid: PlanarPoints };
  boundary: Boundary | null;
  /** The boundary is the previous run's. */
  stale: boolean;
  showValid: boolean;
  /** Each cell in its predicted class's colour, not shaded by probability. */
  discrete: boolean;
  /** The last epoch's validation error rate (0–1), or null before the first epoch. */
  errorRate: number | null;
  /** The numbers' language: a decimal comma in Portuguese. */
  lang: Language;
  labels: {
    title: string;
    describe: (trainPoints: number, validPoints: number) => string;
    axes: [string, string];
    probability: string;
    validationError: (percent: string) => string;
  };
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

/** x₁ under the picture, x₂ to its left, in picture coordinates (the picture's top-left is 0, 0). */
function axes(lang: Language, [x1, x2]: [string, string]): TemplateResult {
  return svg`<g class="planar-axes">
    ${PLANAR_TICKS.map((v) => {
      const [x, y] = [toPicture(v), SIDE - toPicture(v)];
      return svg`<line x1=${x} y1=${SIDE} x2=${x} y2=${SIDE + TICK}></line>
        <text x=${x} y=${SIDE + TICK + 9} text-anchor="middle">${formatNumber(v, lang)}</text>
        <line x1=${-TICK} y1=${y} x2="0" y2=${y}></line>
        <text x=${-TICK - 2} y=${y + 3} text-anchor="end">${formatNumber(v, lang)}</text>`;
    })}
    <text class="axis-name" x=${SIDE / 2} y=${SIDE + BOTTOM - 3} text-anchor="middle">${x1}</text>
    <text class="axis-name" transform="translate(${-LEFT + 9} ${SIDE / 2}) rotate(-90)" text-anchor="middle">${x2}</text>
  </g>`;
}

/** The ramp the boundary is painted with, class 1 (blue) at the top; in two blocks when the picture is discrete. */
function key(lang: Language, discrete: boolean, label: string): TemplateResult {
  const y = (p: number) => (1 - p) * SIDE;
  const stops = discrete
    ? [[0, 1], [0.5, 1], [0.5, 0], [1, 0]]
    : [[0, 1], [0.5, 0.5], [1, 0]];
  return svg`<g class="planar-key" transform="translate(${SIDE + KEY_GAP} 0)">
    <defs><linearGradient id="planar-key-ramp" x1="0" y1="0" x2="0" y2="1">
      ${stops.map(([offset, p]) => svg`<stop offset=${offset!} stop-color=${rgb(p!)}></stop>`)}
    </linearGradient></defs>
    <rect x="0" y="0" width=${KEY_WIDTH} height=${SIDE} fill="url(#planar-key-ramp)"></rect>
    ${KEY_MARKS.map((p) => svg`<line x1=${KEY_WIDTH} y1=${y(p)} x2=${KEY_WIDTH + TICK} y2=${y(p)}></line>
      <text x=${KEY_WIDTH + TICK + 2} y=${y(p) + 3}>${formatNumber(p, lang)}</text>`)}
    <text class="axis-name" transform="translate(${KEY_WIDTH + KEY_ROOM - 8} ${SIDE / 2}) rotate(90)" text-anchor="middle">${label}</text>
  </g>`;
}

export function planarView({ preview, boundary, stale, showValid, discrete, errorRate, lang, labels }: PlanarViewState): TemplateResult {
  const error = labels.validationError(errorRate === null ? '—' : formatPercent(errorRate, lang));
  const described = `${labels.title}. ${labels.describe(preview.train.labels.length, showValid ? preview.valid.labels.length : 0)}. ${error}.`;
  return html`<figure class="planar" role="img" aria-label=${described}
    data-boundary=${boundary ? (stale ? 'stale' : 'current') : 'none'}>
    <svg viewBox="0 0 ${WIDTH} ${HEIGHT}" aria-hidden="true">
      <text class="planar-error" x=${LEFT} y=${TOP - 7}>${error}</text>
      <g transform="translate(${LEFT} ${TOP})">
        <rect class="planar-frame" x="0" y="0" width=${SIDE} height=${SIDE}></rect>
        ${boundary ? svg`<image href=${boundaryImage(boundary, discrete)} x="0" y="0" width=${SIDE} height=${SIDE} preserveAspectRatio="none"
          opacity=${stale ? 0.35 : 1}></image>` : nothing}
        ${points(preview.train, true)}
        ${showValid ? points(preview.valid, false) : nothing}
        ${axes(lang, labels.axes)}
        ${key(lang, discrete, labels.probability)}
      </g>
    </svg>
  </figure>`;
}
