/**
 * line's picture as the element wires it: the choice between the data and the loss surface,
 * and `<tp-line-panel>` fed the run's path, the least-squares optimum and the surface around
 * them. The surface is computed on the engine, so asking for it is an effect: `LineSurfaces`
 * asks after each of the host's updates. The chart's cursor reaches the panel through
 * `scrubLinePanel`.
 *
 * @example
 * import { html, type LitElement } from 'lit';
 * import type { Strings } from '../i18n';
 * // given: const host: LitElement, run: SurfaceRun, settings: RunConfig, points: { x: number[]; y: number[] }, history: EpochStats[], t: Strings
 * const surfaces = new LineSurfaces(host, run, () => ({ view: 'parameters', settings }));
 * html`${linePanelView({ points, history, view: 'data', speed: '1', surface: surfaces.current, runsBegun: 1 }, t, (view) => console.log(view))}`;
 */
import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { leastSquaresLine, parameterPath, type EpochStats, type RunConfig } from '../../engine/index';
import type { Strings } from '../i18n';
import { SurfacePictures } from '../surface-picture';
import type { TrainingController } from '../training-controller';
import type { SurfacePicture } from '../views/parameter-view';
import { SPEEDS, VIEWS, type Speed, type View } from '../views/line-panel';
import '../views/line-panel';

export interface LinePanelState {
  /** line's data points. */
  points: { x: number[]; y: number[] };
  /** The run's epochs so far: its path over (a, b). */
  history: EpochStats[];
  /** The `view` attribute as set: anything but `parameters` shows the data. */
  view: View;
  /** The `speed` attribute as set: an unknown one plays at 1. */
  speed: Speed;
  surface: SurfacePicture | null;
  /** Runs begun: a new one replays from its start. */
  runsBegun: number;
}

/** The picture shown: the loss surface only when asked for by name. */
function shownView(view: View): View {
  return view === 'parameters' ? 'parameters' : 'data';
}

/** line's picture, animated, with the choice between the data and the loss surface; `choose` sets the `view`. */
export function linePanelView(state: LinePanelState, t: Strings, choose: (view: View) => void): TemplateResult {
  const view = shownView(state.view);
  const labels = {
    line: t.lineView,
    title: t.parameterView,
    slope: t.slope,
    intercept: t.intercept,
    truth: t.truth,
    optimum: t.optimum,
    computing: t.computingSurface,
    replay: t.replay,
    epochShown: t.epochShown,
  };
  return html`<div class="view-choice" role="group" aria-label=${t.pictureChoice}>
        ${VIEWS.map(
          (v) => html`<button class="secondary" aria-pressed=${String(v === view)} @click=${() => choose(v)}>${t.viewNames[v]}</button>`,
        )}
      </div>
      <tp-line-panel
        .points=${state.points}
        .path=${parameterPath(state.history)}
        .run=${state.runsBegun}
        .view=${view}
        .speed=${SPEEDS.includes(state.speed) ? state.speed : '1'}
        .surface=${state.surface}
        .optimum=${leastSquaresLine(state.points.x, state.points.y)}
        .labels=${labels}
      ></tp-line-panel>`;
}

/** What the loss surface follows of the training: line's points, the run's path and settings, and the engine that computes it. */
export type SurfaceRun = Pick<TrainingController, 'preview' | 'history' | 'config' | 'lossSurface'>;

/** Keeps the loss surface around the run's path computed while line's picture shows the parameters. */
export class LineSurfaces implements ReactiveController {
  private readonly surfaces: SurfacePictures;

  constructor(
    host: ReactiveControllerHost,
    private readonly run: SurfaceRun,
    /** The picture asked for, and the host's settings (for a run not yet begun). */
    private readonly input: () => { view: View; settings: RunConfig },
  ) {
    this.surfaces = new SurfacePictures((config, grid) => run.lossSurface(config, grid), () => host.requestUpdate());
    host.addController(this);
  }

  /** The latest surface computed, for the picture. */
  get current(): SurfacePicture | null {
    return this.surfaces.current;
  }

  hostUpdated(): void {
    const { view, settings } = this.input();
    const points = this.run.preview;
    if (points?.kind !== 'line' || shownView(view) !== 'parameters') return;
    this.surfaces.follow(this.run.config ?? settings, parameterPath(this.run.history), leastSquaresLine(points.x, points.y));
  }
}

/** Shows the epoch hovered on the chart in line's picture, or the run's end again when the cursor leaves. */
export function scrubLinePanel(root: ParentNode, epoch: number | null): void {
  const panel = root.querySelector('tp-line-panel');
  if (panel) panel.scrub = epoch === null ? null : Math.round(epoch);
}
