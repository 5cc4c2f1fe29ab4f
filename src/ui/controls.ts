/**
 * The controls the `controls` attribute names, as native inputs with visible labels: fully
 * keyboard operable, and announced with their values (the max-lr slider's aria-valuetext
 * reads "3e-3", not a slider position). Slider values are written in the strings' language:
 * "0,03" in Portuguese.
 *
 * @example
 * import { html } from 'lit';
 * import { parseControls } from './control-values';
 * import { strings } from './i18n';
 * // given: const config: RunConfig, set: (property: ControlProperty, value: string | number | boolean) => void
 * // given: const lrFind: () => void, step: () => void, reset: () => void
 * html`${renderControls(
 *   { config, controls: parseControls('epochs max-lr').controls, strings: strings('pt-BR'), idPrefix: 'tp0' },
 *   { set, lrFind, lrFinding: false, step, reset },
 * )}`
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ACTIVATION_NAMES, REGULARIZATIONS, SCENARIOS, type PlanarFeature, type RunConfig } from '../engine/index';
import { PLANAR_FEATURES } from '../planar-geometry';
import { LR_STOPS, lrToStop, REG_RATE_STOPS, regRateToStop, sliderValue, type ControlName, type SliderName } from './control-values';
import type { Strings } from './i18n';

/** The element properties the controls set. */
export type ControlProperty =
  | 'epochs'
  | 'maxLr'
  | 'optimizer'
  | 'schedule'
  | 'batchSize'
  | 'trainSize'
  | 'hiddenLayers'
  | 'imbalance'
  | 'oversample'
  | 'seed'
  | 'scenario'
  | 'noise'
  | 'activation'
  | 'regularization'
  | 'regRate'
  | 'features';

export interface ControlsState {
  config: RunConfig;
  controls: ControlName[];
  strings: Strings;
  /** Unique per element, so labels point at their own inputs. */
  idPrefix: string;
}

export interface ControlsActions {
  set: (property: ControlProperty, value: string | number | boolean) => void;
  lrFind: () => void;
  lrFinding: boolean;
  /** One epoch further (TrainingPlayground.step), and back to the start (reset). */
  step: () => void;
  reset: () => void;
}

const EPOCHS_SLIDER_MAX = 200;
/** "All rows" is stored as a huge number: show the placeholder instead. */
const shown = (rows: number) => (rows >= Number.MAX_SAFE_INTEGER ? '' : String(rows));

function field(id: string, label: string, value: string, input: TemplateResult): TemplateResult {
  return html`<div class="control">
    <label for=${id}><span>${label}</span><output for=${id}>${value}</output></label>
    ${input}
  </div>`;
}

export function renderControls({ config, controls, strings: t, idPrefix }: ControlsState, actions: ControlsActions): TemplateResult {
  const id = (name: string) => `${idPrefix}-${name}`;
  const number = (property: ControlProperty) => (e: Event) => {
    const value = (e.target as HTMLInputElement).value;
    actions.set(property, value === '' ? Number.MAX_SAFE_INTEGER : Number(value));
  };
  const text = (property: ControlProperty) => (e: Event) => actions.set(property, (e.target as HTMLInputElement | HTMLSelectElement).value);
  // Written in the strings' language: a decimal comma in Portuguese.
  const value = (name: SliderName) => sliderValue(name, config, t.lang);
  const render = (name: ControlName): TemplateResult | typeof nothing => {
    switch (name) {
      case 'epochs':
        return field(id(name), t.epochs, value('epochs'), html`<input id=${id(name)} type="range" min="1"
          max=${Math.max(EPOCHS_SLIDER_MAX, config.epochs)} step="1" .value=${String(config.epochs)} @input=${number('epochs')} />`);
      case 'max-lr':
        return field(id(name), t.maxLr, value('max-lr'), html`<input id=${id(name)} type="range" min="0"
          max=${LR_STOPS.length - 1} step="1" .value=${String(lrToStop(config.maxLr))} aria-valuetext=${value('max-lr')}
          @input=${(e: Event) => actions.set('maxLr', LR_STOPS[Number((e.target as HTMLInputElement).value)]!)} />`);
      case 'optimizer':
        return field(id(name), t.optimizer, '', html`<select id=${id(name)} @change=${text('optimizer')}>
          <option value="sgd" ?selected=${config.optimizer === 'sgd'}>SGD</option>
          <option value="adam" ?selected=${config.optimizer === 'adam'}>Adam (AdamW)</option>
        </select>`);
      case 'schedule':
        return field(id(name), t.schedule, '', html`<select id=${id(name)} @change=${text('schedule')}>
          <option value="one-cycle" ?selected=${config.schedule === 'one-cycle'}>${t.scheduleNames['one-cycle']}</option>
          <option value="constant" ?selected=${config.schedule === 'constant'}>${t.scheduleNames.constant}</option>
        </select>`);
      case 'batch-size':
        return field(id(name), t.batchSize, '', html`<input id=${id(name)} type="number" min="1" placeholder=${t.all}
          .value=${shown(config.batchSize)} @change=${number('batchSize')} />`);
      case 'train-size':
        return field(id(name), t.trainSize, '', html`<input id=${id(name)} type="number" min="2" placeholder=${t.all}
          .value=${shown(config.trainSize)} @change=${number('trainSize')} />`);
      case 'hidden':
        return field(id(name), t.hidden, '', html`<input id=${id(name)} type="text" inputmode="numeric" placeholder="128"
          .value=${config.hidden.join(',')} @change=${text('hiddenLayers')} />`);
      case 'imbalance':
        return field(id(name), t.imbalance, value('imbalance'), html`<input id=${id(name)} type="range" min="1" max="20"
          step="1" .value=${String(config.imbalance)} @input=${number('imbalance')} />`);
      case 'oversample':
        return html`<div class="control"><label><span>${t.oversample}</span>
          <input type="checkbox" .checked=${config.oversample}
            @change=${(e: Event) => actions.set('oversample', (e.target as HTMLInputElement).checked)} /></label></div>`;
      case 'seed':
        return field(id(name), t.seed, '', html`<input id=${id(name)} type="number" min="0" step="1"
          .value=${String(config.seed)} @change=${number('seed')} />`);
      case 'scenario':
        return field(id(name), t.scenario, '', html`<select id=${id(name)} @change=${text('scenario')}>
          ${SCENARIOS.map((s) => html`<option value=${s} ?selected=${s === config.scenario}>${t.scenarioNames[s]}</option>`)}
        </select>`);
      case 'lr-find':
        return html`<div class="control"><button class="secondary" ?disabled=${actions.lrFinding} @click=${actions.lrFind}>
          ${actions.lrFinding ? t.lrFindRunning : t.lrFind}</button></div>`;
      case 'noise':
        return field(id(name), t.noise, value('noise'), html`<input id=${id(name)} type="range" min="0" max="50" step="5"
          .value=${String(config.noise)} @input=${number('noise')} />`);
      case 'activation':
        return field(id(name), t.activation, '', html`<select id=${id(name)} @change=${text('activation')}>
          ${ACTIVATION_NAMES.map((a) => html`<option value=${a} ?selected=${config.activation === a}>${t.activationNames[a]}</option>`)}
        </select>`);
      case 'regularization':
        return field(id(name), t.regularization, '', html`<select id=${id(name)} @change=${text('regularization')}>
          ${REGULARIZATIONS.map((r) => html`<option value=${r} ?selected=${config.regularization === r}>${t.regularizationNames[r]}</option>`)}
        </select>`);
      case 'reg-rate':
        return field(id(name), t.regRate, value('reg-rate'), html`<input id=${id(name)} type="range" min="0"
          max=${REG_RATE_STOPS.length - 1} step="1" .value=${String(regRateToStop(config.regRate))} aria-valuetext=${value('reg-rate')}
          @input=${(e: Event) => actions.set('regRate', REG_RATE_STOPS[Number((e.target as HTMLInputElement).value)]!)} />`);
      case 'features': {
        // Each feature its own checkbox; the last one checked cannot be cleared (a model needs an input).
        const toggle = (feature: PlanarFeature) => (e: Event) => {
          const on = (e.target as HTMLInputElement).checked;
          const chosen = PLANAR_FEATURES.filter((f) => (f === feature ? on : config.features.includes(f)));
          actions.set('features', chosen.join(' '));
        };
        return html`<fieldset class="control features"><legend>${t.features}</legend>
          ${PLANAR_FEATURES.map((f) => html`<label><input type="checkbox" .checked=${config.features.includes(f)}
            ?disabled=${config.features.length === 1 && config.features[0] === f} @change=${toggle(f)} />${t.featureNames[f]}</label>`)}
        </fieldset>`;
      }
      case 'step':
        return html`<div class="control"><button class="secondary" @click=${actions.step}>${t.step}</button></div>`;
      case 'reset':
        return html`<div class="control"><button class="secondary" @click=${actions.reset}>${t.reset}</button></div>`;
    }
  };
  return html`<div part="controls" role="group" aria-label=${t.controls}>${controls.map(render)}</div>`;
}
