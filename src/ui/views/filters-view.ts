/**
 * Inside the CNN as it trains, as ConvNetJS shows it (part `filters`): the first layer's
 * filters (grey is 0, lighter positive, darker negative, each filter on its own scale) and,
 * for one validation photo, what each conv block makes of it: one map per channel, after the
 * block's ReLU (black 0, white the block's largest), redrawn after each readback.
 *
 * @example
 * import { html } from 'lit';
 * // photo: its pixels
 * // given: const maps: FilterMaps, photo: number[], labels: FiltersLabels
 * html`${filtersView(maps, photo, labels)}`;
 */
import { html, svg, type TemplateResult } from 'lit';
import type { FilterMaps } from '../../engine/index';
import { digit } from './digits-view';
import { pixelImage } from './heatmap-image';

export interface FiltersLabels {
  title: string;
  /** "Filters of the first layer". */
  filters: string;
  /** "Block 2: 32 maps of 14 × 14". */
  block: (n: number, channels: number, side: string) => string;
  photo: string;
}

const grey = (v: number): [number, number, number] => {
  const g = Math.round(255 * Math.min(1, Math.max(0, v)));
  return [g, g, g];
};

/** One small picture, pixelated, `cols` × `rows`, pixel i in grey(level(i)). */
function tile(cols: number, rows: number, level: (i: number) => number): TemplateResult {
  const href = pixelImage(cols, rows, (i) => grey(level(i)));
  return svg`<svg viewBox="0 0 ${cols} ${rows}" aria-hidden="true"><image href=${href} width=${cols} height=${rows} style="image-rendering: pixelated"></image></svg>`;
}

/**
 * The last picture drawn of each readback: its tiles are painted to PNGs (dozens of them), and
 * the element renders again with every epoch and every what-if, not only when maps arrive.
 */
const drawn = new WeakMap<FilterMaps, { photo: number[] | null; title: string; picture: TemplateResult }>();

export function filtersView(maps: FilterMaps, photo: number[] | null, labels: FiltersLabels): TemplateResult {
  const last = drawn.get(maps);
  if (last && last.photo === photo && last.title === labels.title) return last.picture;
  const picture = draw(maps, photo, labels);
  drawn.set(maps, { photo, title: labels.title, picture });
  return picture;
}

function draw(maps: FilterMaps, photo: number[] | null, labels: FiltersLabels): TemplateResult {
  const { count, size, values } = maps.filters;
  const taps = size * size;
  return html`<figure part="filters" aria-label=${labels.title}>
    <figcaption>${labels.title}</figcaption>
    <div class="filter-row" role="img" aria-label=${labels.filters}>
      <span>${labels.filters}</span>
      ${Array.from({ length: count }, (_, f) => {
        const own = values.slice(f * taps, (f + 1) * taps);
        const scale = Math.max(...own.map(Math.abs)) || 1;
        return html`<span class="filter">${tile(size, size, (i) => 0.5 + own[i]! / (2 * scale))}</span>`;
      })}
    </div>
    ${maps.blocks.map((block, b) => {
      const area = block.height * block.width;
      const largest = Math.max(...block.values) || 1;
      return html`<div class="filter-row" role="img" aria-label=${labels.block(b + 1, block.channels, `${block.height} × ${block.width}`)}>
        <span>${b === 0 && photo ? html`<span class="filter-photo" title=${labels.photo}>${digit(photo)}</span>` : ''}${labels.block(b + 1, block.channels, `${block.height} × ${block.width}`)}</span>
        ${Array.from({ length: block.channels }, (_, c) => html`<span class="map">${tile(block.width, block.height, (i) => block.values[c * area + i]! / largest)}</span>`)}
      </div>`;
    })}
  </figure>`;
}
