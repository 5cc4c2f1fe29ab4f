/**
 * The top of the element: the scenario's name, the CPU badge (with why, for screen readers and
 * as a note when the WebGPU path failed), and the CSV being loaded.
 *
 * @example
 * import { html } from 'lit';
 * import type { Strings } from '../i18n';
 * // given: const t: Strings
 * html`${headerPanel({ scenario: 'digits', activeBackend: 'cpu', cpuReason: null, loadingUrl: null }, t)}`;
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Scenario } from '../../engine/index';
import type { Strings } from '../i18n';

export interface HeaderState {
  scenario: Scenario;
  /** Where training runs, once known. */
  activeBackend: 'webgpu' | 'cpu' | null;
  /** Why training is on the CPU, when WebGPU was wanted and failed. */
  cpuReason: string | null;
  /** The CSV `src` being fetched, while it is. */
  loadingUrl: string | null;
}

export function headerPanel({ scenario, activeBackend, cpuReason, loadingUrl }: HeaderState, t: Strings): TemplateResult {
  const cpu = activeBackend === 'cpu';
  return html`<header>
        <h2>${t.scenarioNames[scenario]}</h2>
        ${cpu
          ? html`<span class="badge" title=${cpuReason ?? t.cpuChosen}>${t.cpuBadge}</span>
              <span class="visually-hidden">${cpuReason ? t.cpuBecause(cpuReason) : t.cpuChosen}</span>`
          : nothing}
      </header>
      ${cpu && cpuReason ? html`<p class="status" role="note">${t.cpuBecause(cpuReason)}</p>` : nothing}
      ${loadingUrl ? html`<p class="status" role="status">${t.loadingData(loadingUrl)}</p>` : nothing}`;
}
