/**
 * The lesson-2 picture: the training points and the line y = a·x + b as it is fitted,
 * drawn in SVG (the notebook's animation, one frame per readback).
 *
 * @example
 * import { html } from 'lit';
 * // given: const preview: { x: number[]; y: number[] }
 * html`${lineView(preview, [3.1, 2.5], 'The data and the fitted line', 'pt-BR')}` // y = 3,10x + 2,50
 */
import { svg, type TemplateResult } from 'lit';
import type { Language } from '../../train/types';
import { formatFixed } from './numbers';

const WIDTH = 320;
const HEIGHT = 200;
const PAD = 24;

export function lineView(points: { x: number[]; y: number[] }, params: number[] | null, label: string, lang: Language = 'en'): TemplateResult {
  // Two decimals as the notebook prints them (a comma in Portuguese); exponent form once a diverging fit runs away.
  const coefficient = (value: number) => formatFixed(value, lang, 2);
  const ys = points.y.filter(Number.isFinite);
  const yMin = Math.min(-1, ...ys) - 0.5;
  const yMax = Math.max(6, ...ys) + 0.5;
  const px = (x: number) => PAD + ((x + 1) / 2) * (WIDTH - 2 * PAD);
  const py = (y: number) => HEIGHT - PAD - ((y - yMin) / (yMax - yMin)) * (HEIGHT - 2 * PAD);
  const clampY = (y: number) => Math.min(yMax, Math.max(yMin, y));
  const [a, b] = params ?? [];
  // A diverging fit runs far off the plot: the clip path keeps it inside, steep as it is.
  const fitted =
    a !== undefined && b !== undefined && Number.isFinite(a) && Number.isFinite(b)
      ? svg`<line class="fit" clip-path="url(#plot-area)" x1=${px(-1)} y1=${py(b - a)} x2=${px(1)} y2=${py(a + b)}></line>
            <text class="equation" x=${WIDTH - PAD} y=${PAD - 6} text-anchor="end">y = ${coefficient(a)}x ${b < 0 ? '−' : '+'} ${coefficient(Math.abs(b))}</text>`
      : svg``;
  return svg`<svg viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label=${label}>
    <defs><clipPath id="plot-area"><rect x=${PAD} y=${PAD} width=${WIDTH - 2 * PAD} height=${HEIGHT - 2 * PAD}></rect></clipPath></defs>
    <line class="axis" x1=${PAD} y1=${py(0)} x2=${WIDTH - PAD} y2=${py(0)}></line>
    <line class="axis" x1=${px(0)} y1=${PAD} x2=${px(0)} y2=${HEIGHT - PAD}></line>
    ${points.x.map((x, i) => svg`<circle class="point" cx=${px(x)} cy=${py(clampY(points.y[i]!))} r="2.5"></circle>`)}
    ${fitted}
  </svg>`;
}
