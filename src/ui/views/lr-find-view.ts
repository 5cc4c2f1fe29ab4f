/**
 * fastai's lr_find plot: smoothed loss against learning rate on a log axis, with the
 * suggestion marked.
 *
 * @example
 * import { html } from 'lit';
 * // given: const found: LrFindResult
 * html`${lrFindView(found, 'Loss against learning rate', 'suggestion: 3e-2')}`
 */
import { svg, type TemplateResult } from 'lit';
import type { LrFindResult } from '../../engine/index';

const WIDTH = 320;
const HEIGHT = 150;
const PAD = 28;

export function lrFindView(found: LrFindResult, label: string, suggestionText: string): TemplateResult {
  const points = found.lrs.map((lr, i) => [lr, found.losses[i]!] as const).filter(([lr, loss]) => lr > 0 && Number.isFinite(loss));
  if (points.length < 2) return svg``;
  const logs = points.map(([lr]) => Math.log10(lr));
  const losses = points.map(([, loss]) => loss);
  const [x0, x1] = [Math.min(...logs), Math.max(...logs)];
  const [y0, y1] = [Math.min(...losses), Math.max(...losses)];
  const px = (lr: number) => PAD + ((Math.log10(lr) - x0) / (x1 - x0 || 1)) * (WIDTH - 2 * PAD);
  const py = (loss: number) => HEIGHT - PAD - ((loss - y0) / (y1 - y0 || 1)) * (HEIGHT - 2 * PAD);
  const path = points.map(([lr, loss], i) => `${i ? 'L' : 'M'}${px(lr).toFixed(1)},${py(loss).toFixed(1)}`).join(' ');
  const decades = Array.from({ length: Math.floor(x1) - Math.ceil(x0) + 1 }, (_, i) => 10 ** (Math.ceil(x0) + i));
  const sx = px(found.suggestion);
  return svg`<svg viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label=${`${label}; ${suggestionText}`}>
    <path d=${path}></path>
    ${decades.map((lr) => svg`<text x=${px(lr)} y=${HEIGHT - 8} text-anchor="middle">1e${Math.round(Math.log10(lr))}</text>`)}
    <line class="suggestion" x1=${sx} y1=${PAD / 2} x2=${sx} y2=${HEIGHT - PAD}></line>
    <!-- The label on the side with room: a suggestion right of centre reads leftwards from its line. -->
    <text x=${sx > WIDTH / 2 ? sx - 4 : sx + 4} y=${PAD / 2 + 10} text-anchor=${sx > WIDTH / 2 ? 'end' : 'start'}>${suggestionText}</text>
  </svg>`;
}
