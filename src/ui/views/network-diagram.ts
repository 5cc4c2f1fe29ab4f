/**
 * `<tp-network>`: TensorFlow Playground's network diagram. Each input feature and each hidden
 * unit shows its own output over the plane as a small picture (the units' from the engine's
 * grid pass, `Boundary.hidden`; the features' computed here), the output shows the boundary,
 * and the edges follow the weights (width |w|, blue positive, orange negative; into each node
 * its three largest |w| at full opacity, the rest faint). Past six
 * layers or eight units a layer is one box. Pictures are painted straight into canvases, in
 * a task after each render: no image encoding per readback. Renders into the playground's
 * shadow root, as tp-line-panel does, so the playground's styles apply.
 *
 * @example
 * import { html } from 'lit';
 * // given: const boundary: Boundary | null, labels: NetworkLabels
 * html`<tp-network .features=${['x1', 'x2']} .layers=${[8, 8, 8]} .boundary=${boundary} .labels=${labels}></tp-network>`
 */
import { html, LitElement, svg, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { featureMask, gridCell, PLANAR_EXTENT, PLANAR_FEATURES, planarFeatureRow } from '../../planar-geometry';
import type { Boundary, PlanarFeature } from '../../train/types';
import { defineOnce } from '../define';
import { boundaryColor, CLASS_COLORS } from './boundary-image';
import { putPixels } from './heatmap-image';
import { networkLayout, type DiagramNode } from './network-layout';

/** A picture's cells a side, sampled from the grid. */
const THUMB = 25;
/** Each node's strongest incoming edges (network-layout.ts) read at once; the rest stay as a hint of the wiring. */
const STRONG_OPACITY = 0.75;
const FAINT_OPACITY = 0.12;

export interface NetworkLabels {
  describe: (inputs: string, hidden: string) => string;
  featureNames: Record<PlanarFeature, string>;
}

/** Values over the grid as a THUMB × THUMB picture on the boundary's ramp, scaled so the largest |v| is a full colour. */
function paint(canvas: HTMLCanvasElement, value: (cell: number) => number, size: number): void {
  const context = canvas.getContext('2d');
  if (!context) return;
  const stride = size / THUMB;
  // Typed, and each pixel's bytes in place: with each value and colour in a new array, a default diagram's 27 pictures took 4-5 ms warm (Node), 1.8 now.
  const values = new Float64Array(THUMB * THUMB);
  let largest = 1e-12;
  for (let i = 0; i < values.length; i++) {
    const [row, col] = [Math.floor(i / THUMB), i % THUMB];
    values[i] = value(Math.floor((row + 0.5) * stride) * size + Math.floor((col + 0.5) * stride));
    largest = Math.max(largest, Math.abs(values[i]!));
  }
  // −largest … largest onto the ramp's probability 0 … 1: orange negative, blue positive, at full depth (the pictures are small).
  putPixels(context, THUMB, THUMB, (i) => boundaryColor(0.5 + values[i]! / (2 * largest), 1));
}

export class NetworkDiagram extends LitElement {
  @property({ attribute: false }) features: PlanarFeature[] = ['x1', 'x2'];
  /** The hidden layers' widths (not `hidden`: HTMLElement's own). */
  @property({ attribute: false }) layers: number[] = [];
  @property({ attribute: false }) boundary: Boundary | null = null;
  @property({ attribute: false }) labels!: NetworkLabels;
  /** The features changed since the inputs' pictures were painted. */
  private inputsStale = false;
  private paintQueued = false;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  protected override render(): TemplateResult {
    const features = PLANAR_FEATURES.filter((f) => this.features.includes(f));
    const layout = networkLayout(features.length, this.layers, this.boundary?.weights ?? null);
    const inputs = features.map((f) => this.labels.featureNames[f]).join(', ');
    // The faint edges first, so the strong ones cross over them.
    const strong = layout.edges.filter((e) => e.strong);
    const faint = layout.edges.filter((e) => !e.strong);
    const node = (n: DiagramNode) => {
      const title = n.column === 0 ? this.labels.featureNames[features[n.unit]!] : n.unit < 0 ? `${this.layers[n.column - 1]}` : '';
      return n.unit < 0
        ? html`<div class="net-box" style="left:${n.x}px;top:${n.y}px;height:${n.height}px">${title}</div>`
        : html`<canvas class="net-node" width=${THUMB} height=${THUMB} data-column=${n.column} data-unit=${n.unit}
            style="left:${n.x}px;top:${n.y}px" title=${title}></canvas>`;
    };
    return html`<figure class="network" role="img" aria-label=${this.labels.describe(inputs, this.layers.join(', ') || '—')}>
      <div class="net-area" style="width:${layout.width}px;height:${layout.height}px">
        <svg width=${layout.width} height=${layout.height} aria-hidden="true">
          ${[...faint, ...strong].map((e) => svg`<line class=${e.strong ? 'strong' : 'faint'} x1=${e.x1} y1=${e.y1} x2=${e.x2} y2=${e.y2}
            stroke-width=${e.width.toFixed(2)} stroke=${CLASS_COLORS[e.positive ? 1 : 0]} stroke-opacity=${e.strong ? STRONG_OPACITY : FAINT_OPACITY}></line>`)}
        </svg>
        ${layout.nodes.map(node)}
      </div>
    </figure>`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    // The inputs' pictures depend on the features alone: painted when those change, not at every readback.
    this.inputsStale ||= changed.has('features');
    // Painted in a task of its own, after the render's: the run's first render made the 27
    // canvases of a default diagram, a 2-D context each, and painted them in one task of 60-80 ms.
    if (this.paintQueued) return;
    this.paintQueued = true;
    setTimeout(() => {
      this.paintQueued = false;
      this.paintNodes();
    }, 0);
  }

  private paintNodes(): void {
    const size = this.boundary?.size ?? 100;
    const inputs = this.inputsStale;
    this.inputsStale = false;
    const mask = featureMask(this.features);
    const last = this.layers.length + 1;
    for (const canvas of this.querySelectorAll<HTMLCanvasElement>('canvas.net-node')) {
      const [column, unit] = [Number(canvas.dataset.column), Number(canvas.dataset.unit)];
      if (column === 0) {
        if (inputs) paint(canvas, (cell) => planarFeatureRow(...gridCell(cell, size, PLANAR_EXTENT), mask)[unit]!, size);
      } else if (column === last && this.boundary) {
        const { probabilities } = this.boundary;
        paint(canvas, (cell) => probabilities[cell]! - 0.5, size);
      } else if (this.boundary?.hidden) {
        const outputs = this.boundary.hidden[column - 1]!;
        const units = this.layers[column - 1]!;
        paint(canvas, (cell) => outputs[cell * units + unit]!, size);
      } else {
        canvas.getContext('2d')?.clearRect(0, 0, THUMB, THUMB);
      }
    }
  }
}

defineOnce('tp-network', NetworkDiagram);
