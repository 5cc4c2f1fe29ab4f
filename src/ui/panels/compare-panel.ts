/**
 * "Compare with…": a drop-down of the element's kept runs under the chart, each named by what
 * differs from the run shown; choosing one lays its curves over the chart, "(none)" removes
 * them. Shown once two runs are kept and one of them was trained with other settings: the
 * same settings give the same run (the seed fixes the data, the weights and the shuffles), so
 * such a run is not offered, though `compare(id)` takes it.
 *
 * @example
 * import { html } from 'lit';
 * import type { Strings } from '../i18n';
 * // given: const runs: RunSummary[], current: RunConfig, t: Strings
 * html`${comparePanel({ runs, compared: null, current }, t, 'tp0', (id) => console.log(id))}`;
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { RunConfig } from '../../engine/index';
import type { Strings } from '../i18n';
import type { RunSummary } from '../kept-runs';
import { differenceLabel, differences } from '../run-differences';

export interface CompareState {
  /** The kept runs, newest first. */
  runs: RunSummary[];
  /** The run laid over the chart, if any. */
  compared: RunSummary | null;
  /** The settings of the run shown: the runs are named by what differs from them. */
  current: RunConfig;
}

/** `choose` takes a kept run's id, or null for none. */
export function comparePanel({ runs, compared, current }: CompareState, t: Strings, idPrefix: string, choose: (id: string | null) => void): TemplateResult | typeof nothing {
  const offered = runs.filter((run) => run === compared || differences(run.config, current, t.lang).length > 0);
  if (runs.length < 2 || offered.length === 0) return nothing;
  if (compared && !offered.includes(compared)) offered.push(compared);
  const id = `${idPrefix}-compare`;
  return html`<div class="compare">
    <label for=${id}>${t.compareWith}</label>
    <select id=${id} @change=${(event: Event) => choose((event.target as HTMLSelectElement).value || null)}>
      <option value="" ?selected=${!compared}>${t.compareNone}</option>
      ${offered.map((run) => html`<option value=${run.id} ?selected=${run === compared}>${differenceLabel(run.config, current, t.lang)}</option>`)}
    </select>
  </div>`;
}
