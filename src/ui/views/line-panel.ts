/**
 * `<tp-line-panel>`: line's picture in motion. Epochs arrive at GPU speed; the panel replays
 * them at a learner's pace (speed 1: 50 epochs a second, so a 100-epoch run plays over about
 * 2 s; 4: four times that; instant: the last epoch at once, as under prefers-reduced-motion),
 * as the fitted line (view "data") or as the path over the loss surface ("parameters"). A
 * new run starts its animation from the start; `scrub` (an epoch hovered on the chart) shows
 * that epoch until it is cleared. It renders into the playground's shadow root (no shadow of
 * its own), so the playground's styles apply, and only it re-renders on animation frames.
 *
 * @example
 * import { html } from 'lit';
 * import { parameterPath } from '../../train/model/parameter-path';
 * // given: const preview: { x: number[]; y: number[] }, history: EpochStats[], runId: number, labels: LinePanelLabels
 * html`<tp-line-panel .points=${preview} .path=${parameterPath(history)} .run=${runId} .labels=${labels} view="data" speed="1"></tp-line-panel>`
 */
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { defineOnce } from '../define';
import { resolveLanguage } from '../i18n';
import { lineView } from './line-view';
import { parameterView, type ParameterViewLabels, type SurfacePicture } from './parameter-view';

export type Speed = '1' | '4' | 'instant';
export const SPEEDS: Speed[] = ['1', '4', 'instant'];
export type View = 'data' | 'parameters';
export const VIEWS: View[] = ['data', 'parameters'];

/** Epochs a second at speed 1: the notebook drew a frame every 20 ms. */
const EPOCHS_PER_SECOND = 50;

export interface LinePanelLabels extends ParameterViewLabels {
  line: string;
  replay: string;
  epochShown: (epoch: number, epochs: number) => string;
}

export class LinePanel extends LitElement {
  @property({ attribute: false }) points: { x: number[]; y: number[] } = { x: [], y: [] };
  /** (−1, 1), then (a, b) after each epoch so far. */
  @property({ attribute: false }) path: [number, number][] = [];
  /** Changes with every run: the animation starts over. */
  @property({ type: Number }) run = 0;
  @property() view: View = 'data';
  @property() speed: Speed = '1';
  @property({ attribute: false }) surface: SurfacePicture | null = null;
  @property({ attribute: false }) optimum: [number, number] | null = null;
  /** The epoch hovered on the loss chart (0: the start), or null. */
  @property({ attribute: false }) scrub: number | null = null;
  @property({ attribute: false }) labels!: LinePanelLabels;
  /** The path index the animation has reached, fractional between frames. */
  @state() private frame = 0;
  private raf = 0;
  private last = 0;
  private readonly reducedMotion = matchMedia('(prefers-reduced-motion: reduce)');

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  /** Whether the replay is still catching up with the epochs that have arrived. */
  get animating(): boolean {
    return this.raf !== 0;
  }

  /** Plays the run again from its start. */
  replay(): void {
    this.frame = 0;
    this.play();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.halt();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('run') && changed.get('run') !== undefined) this.frame = 0;
    if (this.instant) this.frame = Math.max(0, this.path.length - 1);
  }

  protected override updated(): void {
    if (this.frame < this.path.length - 1) this.play();
    const shown = this.shown;
    this.dataset.epoch = String(shown);
    this.dataset.animating = String(this.animating);
  }

  private get instant(): boolean {
    return this.speed === 'instant' || this.reducedMotion.matches;
  }

  private get shown(): number {
    const end = Math.max(0, this.path.length - 1);
    return Math.min(end, this.scrub ?? Math.floor(this.frame));
  }

  private play(): void {
    if (this.raf) return;
    this.last = performance.now();
    this.raf = requestAnimationFrame(this.tick);
  }

  private halt(): void {
    if (this.raf) cancelAnimationFrame(this.raf);
    this.raf = 0;
  }

  private readonly tick = (now: number) => {
    const rate = EPOCHS_PER_SECOND * (this.speed === '4' ? 4 : 1);
    const end = Math.max(0, this.path.length - 1);
    // A hidden tab's long gap would skip the run: at most a tenth of a second a frame.
    this.frame = this.instant ? end : Math.min(end, this.frame + (rate * Math.min(100, Math.max(0, now - this.last))) / 1000);
    this.last = now;
    this.raf = this.frame < end ? requestAnimationFrame(this.tick) : 0;
    // The replay's end may leave `frame` as it was (instant): render anyway, so data-animating says so.
    if (!this.raf) this.requestUpdate();
  };

  protected override render() {
    const { labels } = this;
    if (!labels) return nothing;
    const shown = this.shown;
    const epochs = Math.max(0, this.path.length - 1);
    // The playground's root carries the resolved language; its labels re-render this panel when it changes.
    const lang = resolveLanguage(this.closest('[lang]')?.getAttribute('lang'));
    const picture =
      this.view === 'parameters'
        ? parameterView({ surface: this.surface, path: this.path, shown, optimum: this.optimum, labels, lang })
        : lineView(this.points, this.path.length > 1 || this.scrub !== null ? (this.path[shown] ?? null) : null, labels.line, lang);
    return html`${picture}
      <div class="panel-row">
        <span class="status">${epochs > 0 ? labels.epochShown(shown, epochs) : ''}</span>
        ${epochs > 0 && !this.instant ? html`<button class="secondary replay" @click=${() => this.replay()}>${labels.replay}</button>` : nothing}
      </div>`;
  }
}

defineOnce('tp-line-panel', LinePanel);

declare global {
  interface HTMLElementTagNameMap {
    'tp-line-panel': LinePanel;
  }
}
