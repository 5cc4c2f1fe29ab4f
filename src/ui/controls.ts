/**
 * The controls the `controls` attribute names, as native inputs with visible labels: fully
 * keyboard operable, and announced with their values (the max-lr slider's aria-valuetext
 * reads "3e-3", not a slider position). Slider values are written in the strings' language:
 * "0,03" in Portuguese. What each control is (a slider's range, step or stops, a select's
 * options) is its setting's row of the settings table (SETTINGS).
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
import type { PlanarFeature, RunConfig } from '../engine/index';
import { CONTROLLED, sliderValue, stopOf, type ControlName, type ControlSetting, type SliderName } from './control-values';
import type { Strings } from './i18n';

/** The element properties the controls set. */
export type ControlProperty = ControlSetting['property'];

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
  // The select's options in the strings' language; the optimizers by their own names.
  const optionNames: Record<string, Record<string, string>> = {
    scenario: t.scenarioNames,
    optimizer: { sgd: 'SGD', adam: 'Adam (AdamW)' },
    schedule: t.scheduleNames,
    activation: t.activationNames,
    regularization: t.regularizationNames,
  };
  const render = (name: ControlName): TemplateResult | typeof nothing => {
    if (name === 'lr-find') {
      return html`<div class="control"><button class="secondary" ?disabled=${actions.lrFinding} @click=${actions.lrFind}>
          ${actions.lrFinding ? t.lrFindRunning : t.lrFind}</button></div>`;
    }
    if (name === 'step' || name === 'reset') return html`<div class="control"><button class="secondary" @click=${actions[name]}>${t[name]}</button></div>`;
    // Its own panel, below the diagnosis (panels/model-panel.ts).
    if (name === 'model-file') return nothing;
    const setting = CONTROLLED.get(name)!;
    const { property, field: key, kind, control } = setting;
    const label = t[key];
    const min = 'range' in kind ? kind.range[0] : 0;
    const words: readonly string[] = 'values' in kind ? kind.values : [];
    switch (control.type) {
      case 'slider': {
        // Written in the strings' language: a decimal comma in Portuguese.
        const written = sliderValue(name as SliderName, config, t.lang);
        const current = config[key] as number;
        return field(id(name), label, written, control.scale === 'log'
          ? html`<input id=${id(name)} type="range" min="0" max=${control.stops.length - 1} step="1" .value=${String(stopOf(control.stops, current))}
              aria-valuetext=${written} @input=${(e: Event) => actions.set(property, control.stops[Number((e.target as HTMLInputElement).value)]!)} />`
          : html`<input id=${id(name)} type="range" min=${min}
              max=${'stretch' in control ? Math.max(control.max, current) : control.max} step=${control.step} .value=${String(current)} @input=${number(property)} />`);
      }
      case 'select':
        return field(id(name), label, '', html`<select id=${id(name)} @change=${text(property)}>
          ${words.map((v) => html`<option value=${v} ?selected=${config[key] === v}>${optionNames[key]![v]}</option>`)}
        </select>`);
      case 'number':
        return field(id(name), label, '', html`<input id=${id(name)} type="number" min=${min}
          step=${'step' in control ? control.step : nothing} placeholder=${'all' in control ? t.all : nothing}
          .value=${shown(config[key] as number)} @change=${number(property)} />`);
      case 'text':
        return field(id(name), label, '', html`<input id=${id(name)} type="text" inputmode="numeric" placeholder="128"
          .value=${config.hidden.join(',')} @change=${text(property)} />`);
      case 'checkbox':
        if (kind.type === 'list') return features(words as readonly PlanarFeature[]);
        return html`<div class="control"><label><span>${label}</span>
          <input type="checkbox" .checked=${config[key] as boolean} @change=${(e: Event) => actions.set(property, (e.target as HTMLInputElement).checked)} /></label></div>`;
    }
  };
  // Each feature its own checkbox; the last one checked cannot be cleared (a model needs an input).
  const features = (all: readonly PlanarFeature[]) => {
    const toggle = (feature: PlanarFeature) => (e: Event) => {
      const on = (e.target as HTMLInputElement).checked;
      const chosen = all.filter((f) => (f === feature ? on : config.features.includes(f)));
      actions.set('features', chosen.join(' '));
    };
    return html`<fieldset class="control features"><legend>${t.features}</legend>
      ${all.map((f) => html`<label><input type="checkbox" .checked=${config.features.includes(f)}
        ?disabled=${config.features.length === 1 && config.features[0] === f} @change=${toggle(f)} />${t.featureNames[f]}</label>`)}
    </fieldset>`;
  };
  return html`<div part="controls" role="group" aria-label=${t.controls}>${controls.map(render)}</div>`;
}
