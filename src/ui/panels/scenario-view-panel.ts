/**
 * The scenario's own picture (part `view`): line's animated fit or loss surface, the digits
 * with their predictions, the planar points under the decision boundary with the network
 * beside them, or each class's error rate.
 *
 * @example
 * import { html } from 'lit';
 * import type { Strings } from '../i18n';
 * // given: const state: ScenarioViewState, t: Strings
 * html`${scenarioView(state, t, (view) => console.log(view))}`;
 */
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { scenarioOf, type RunConfig } from '../../engine/index';
import type { Strings } from '../i18n';
import type { TrainingController } from '../training-controller';
import { classErrorsView } from '../views/class-errors-view';
import { digitsView } from '../views/digits-view';
import { filtersView } from '../views/filters-view';
import type { View } from '../views/line-panel';
import { planarView } from '../views/planar-view';
import '../views/network-diagram';
import { linePanelView, type LinePanelState } from './line-view-panel';
import { ResultPhotos, resultsView } from './results-panel';
import type { Cleaner } from '../views/photo-cleaner';

/** The planar picture's two toggles, as the learner sets them; each change renders the host again. */
export class PlanarToggles {
  /** The planar picture shows the validation points too. */
  showValid = false;
  /** The planar picture in the predicted classes' colours only. */
  discrete = false;

  constructor(readonly host: Pick<ReactiveControllerHost, 'requestUpdate'>) {}

  set(name: 'showValid' | 'discrete', on: boolean): void {
    this[name] = on;
    this.host.requestUpdate();
  }
}

export interface ScenarioViewState extends Pick<LinePanelState, 'view' | 'speed' | 'surface'> {
  run: Pick<TrainingController, 'preview' | 'running' | 'result' | 'history' | 'boundary' | 'boundaryStale' | 'config' | 'runsBegun' | 'validationRows' | 'filters'>;
  /** The host's settings as they are now. */
  config: RunConfig;
  toggles: PlanarToggles;
  /** The learner's own photos: fastai's ImageCleaner on the results' photos (photo-board.ts). */
  cleaner?: Cleaner | null;
}

function toggle(label: string, on: boolean, set: (on: boolean) => void): TemplateResult {
  return html`<label class="toggle"><input type="checkbox" .checked=${on} @change=${(e: Event) => set((e.target as HTMLInputElement).checked)} />${label}</label>`;
}

/** The picture for the scenario's preview, or nothing before the preview has loaded. */
export function scenarioView(state: ScenarioViewState, t: Strings, chooseView: (view: View) => void): TemplateResult | typeof nothing {
  const { run, toggles } = state;
  const preview = run.preview;
  if (!preview) return nothing;
  if (preview.kind === 'line') {
    const { view, speed, surface } = state;
    return linePanelView({ points: preview, history: run.history, view, speed, surface, runsBegun: run.runsBegun }, t, chooseView);
  }
  if (preview.kind === 'digits') {
    const names = preview.classNames ?? Array.from({ length: 10 }, (_, c) => String(c));
    const inside = run.filters ? filtersView(run.filters, preview.images[run.filters.photo] ?? null, { title: t.filtersTitle, filters: t.filtersFirst, block: t.filtersBlock, photo: t.filtersPhoto }) : nothing;
    return html`${digitsView(preview, run.running ? null : (run.result?.predictions ?? null), t.digitsView, t.predicted)}${inside}${results(state, t, names, true)}`;
  }
  if (preview.kind === 'planar') {
    const { boundary, boundaryStale } = run;
    const config = run.config ?? state.config;
    const labels = {
      title: t.planarView,
      describe: t.planarPoints,
      axes: [t.featureNames.x1, t.featureNames.x2] as [string, string],
      probability: t.probabilityKey,
      validationError: t.validationError,
    };
    const errorRate = run.history.at(-1)?.errorRate ?? null;
    return html`${planarView({ preview, boundary, stale: boundaryStale, showValid: toggles.showValid, discrete: toggles.discrete, errorRate, lang: t.lang, labels })}
        ${toggle(t.showValid, toggles.showValid, (on) => toggles.set('showValid', on))}
        ${toggle(t.discrete, toggles.discrete, (on) => toggles.set('discrete', on))}
        <tp-network .features=${config.features} .layers=${config.hidden} .boundary=${boundary}
          .labels=${{ describe: t.networkView, featureNames: t.featureNames }}></tp-network>`;
  }
  // A built-in data set names its classes in English; the page's language names them here.
  const key = scenarioOf(state.config).classNames;
  const names = (preview.classNames ?? []).map((name) => (key ? ((t[key] as Record<string, string>)[name] ?? name) : name));
  return names.length ? html`${classErrorsView(names, run.history.at(-1)?.classErrorRates ?? null, t.classErrors, t.lang)}${results(state, t, names, false)}` : nothing;
}

/** The result views' state, one per element (keyed by its toggles, which the element holds). */
const resultPhotos = new WeakMap<PlanarToggles, ResultPhotos>();

/** The confusion matrix and top losses of a finished classification run; nothing while one trains. */
function results(state: ScenarioViewState, t: Strings, names: string[], photos: boolean): TemplateResult | typeof nothing {
  const { run, toggles } = state;
  if (run.running || !run.result || !run.config) return nothing;
  let photosState = resultPhotos.get(toggles);
  if (!photosState) resultPhotos.set(toggles, (photosState = new ResultPhotos(toggles.host)));
  return resultsView(photosState, run.result, run.config, names, photos, t, (config, indices) => run.validationRows(config, indices), state.cleaner);
}
