/**
 * The parameter view: line's loss surface over (a, b) as a heatmap with log-spaced contours,
 * the true (3, 2) and the least-squares optimum marked, and the optimiser's path up to the
 * epoch shown. A path that runs out of the box ends at its edge with an arrow.
 *
 * @example
 * import { html } from 'lit';
 * // given: const surface: SurfacePicture | null, path: [number, number][], labels: ParameterViewLabels
 * html`${parameterView({ surface, path, shown: 40, optimum: [3.02, 2.49], labels })}`
 */
import { svg, type TemplateResult } from 'lit';
import type { Language } from '../../train/types';
import { formatNumber } from './numbers';
import { exitPoint, inside, niceTicks, TRUE_LINE, type Box } from './surface-geometry';

/** A computed surface ready to draw: its box, grid, heatmap and contour segments (grid coordinates). */
export interface SurfacePicture {
  box: Box;
  cols: number;
  rows: number;
  image: string;
  contours: [number, number, number, number][][];
}

export interface ParameterViewLabels {
  title: string;
  slope: string;
  intercept: string;
  truth: string;
  optimum: string;
  computing: string;
}

const contourPaths = new WeakMap<SurfacePicture, string[]>();

const WIDTH = 320;
const HEIGHT = 220;
const LEFT = 34;
const RIGHT = 8;
const TOP = 8;
const BOTTOM = 30;

export function parameterView(input: {
  surface: SurfacePicture | null;
  path: readonly [number, number][];
  shown: number;
  optimum: [number, number] | null;
  labels: ParameterViewLabels;
  /** The ticks' language: a decimal comma in Portuguese. */
  lang?: Language;
}): TemplateResult {
  const { surface, path, shown, optimum, labels, lang = 'en' } = input;
  if (!surface) {
    return svg`<svg viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label=${labels.title}><text class="equation" x=${WIDTH / 2} y=${HEIGHT / 2} text-anchor="middle">${labels.computing}</text></svg>`;
  }
  const { box, cols, rows } = surface;
  const [w, h] = [WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM];
  const px = (a: number) => LEFT + ((a - box.aMin) / (box.aMax - box.aMin)) * w;
  const py = (b: number) => TOP + ((box.bMax - b) / (box.bMax - box.bMin)) * h;
  // Grid (column, row) to the picture: the grid spans the box corner to corner.
  const gx = (c: number) => LEFT + (c / Math.max(1, cols - 1)) * w;
  const gy = (r: number) => TOP + (r / Math.max(1, rows - 1)) * h;
  // Drawn again on every animation frame: the contours' paths are made once per surface.
  let contours = contourPaths.get(surface);
  if (!contours) {
    contours = surface.contours.map((segments) => segments.map(([x0, y0, x1, y1]) => `M${gx(x0).toFixed(1)} ${gy(y0).toFixed(1)}L${gx(x1).toFixed(1)} ${gy(y1).toFixed(1)}`).join(''));
    contourPaths.set(surface, contours);
  }
  const walked = path.slice(0, shown + 1);
  const leaves = walked.findIndex((p) => !inside(box, p));
  const drawn = leaves < 0 ? walked : [...walked.slice(0, leaves), exitPoint(box, walked[leaves - 1] ?? walked[0]!, walked[leaves]!)];
  const points = drawn.map(([a, b]) => `${px(a).toFixed(1)},${py(b).toFixed(1)}`).join(' ');
  const here = drawn.at(-1)!;
  const arrow = leaves > 0 ? arrowHead(drawn.at(-2)!, here, px, py) : svg``;
  const ticks = niceTicks;
  // Labels face into the picture: the truth's below its mark, the optimum's above (they sit close).
  const mark = ([a, b]: [number, number], cls: string, label: string, above: boolean) => {
    const right = px(a) > LEFT + w * 0.6;
    return svg`<g class=${cls}><circle cx=${px(a)} cy=${py(b)} r="4"></circle>
      <text x=${px(a) + (right ? -6 : 6)} y=${py(b) + (above ? -7 : 14)} text-anchor=${right ? 'end' : 'start'}>${label}</text></g>`;
  };
  return svg`<svg class="parameters" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label=${labels.title}>
    <defs><clipPath id="surface-area"><rect x=${LEFT} y=${TOP} width=${w} height=${h}></rect></clipPath></defs>
    <image href=${surface.image} x=${LEFT} y=${TOP} width=${w} height=${h} preserveAspectRatio="none" style="image-rendering: pixelated"></image>
    <g clip-path="url(#surface-area)">${contours.map((d) => svg`<path class="contour" d=${d}></path>`)}</g>
    ${ticks(box.aMin, box.aMax).map((a) => svg`<text class="tick" x=${px(a)} y=${HEIGHT - BOTTOM + 12} text-anchor="middle">${formatNumber(a, lang)}</text>`)}
    ${ticks(box.bMin, box.bMax).map((b) => svg`<text class="tick" x=${LEFT - 4} y=${py(b) + 3} text-anchor="end">${formatNumber(b, lang)}</text>`)}
    <text class="tick" x=${LEFT + w / 2} y=${HEIGHT - 4} text-anchor="middle">${labels.slope}</text>
    <text class="tick" transform="translate(9 ${TOP + h / 2}) rotate(-90)" text-anchor="middle">${labels.intercept}</text>
    <g clip-path="url(#surface-area)">
      <polyline class="path-halo" points=${points}></polyline>
      <polyline class="path" points=${points}></polyline>
      <circle class="path-start" cx=${px(path[0]![0])} cy=${py(path[0]![1])} r="3"></circle>
    </g>
    ${arrow}
    <!-- The marks over the path, so a path that loops round the valley never hides their names. -->
    ${mark(TRUE_LINE, 'truth', labels.truth, false)}
    ${optimum ? mark(optimum, 'optimum', labels.optimum, true) : svg``}
    <circle class="path-here" clip-path="url(#surface-area)" cx=${px(here[0])} cy=${py(here[1])} r="4"></circle>
  </svg>`;
}

/** A small triangle at `to`, pointing away from `from`. */
function arrowHead(from: [number, number], to: [number, number], px: (a: number) => number, py: (b: number) => number): TemplateResult {
  const [x0, y0, x1, y1] = [px(from[0]), py(from[1]), px(to[0]), py(to[1])];
  const angle = Math.atan2(y1 - y0, x1 - x0);
  const corner = (turn: number) => `${(x1 - 10 * Math.cos(angle + turn)).toFixed(1)},${(y1 - 10 * Math.sin(angle + turn)).toFixed(1)}`;
  return svg`<polygon class="path-arrow" points="${x1.toFixed(1)},${y1.toFixed(1)} ${corner(0.45)} ${corner(-0.45)}"></polygon>`;
}
