/**
 * The diagnosis under the chart (part `diagnosis`): what went wrong in words, whether it is
 * provisional or tested by the what-if runs, and one "Try it" button for the change the final
 * diagnosis recommends.
 *
 * @example
 * import { html } from 'lit';
 * import type { Strings } from '../i18n';
 * // given: const run: DiagnosedRun, config: RunConfig, t: Strings
 * html`${diagnosisPanel(run, config, t, (change) => console.log(change))}`;
 */
import { html, nothing, type TemplateResult } from 'lit';
import { whatIfChange, whatIfConfig, type Diagnosis, type RunConfig, type WhatIf } from '../../engine/index';
import type { Strings } from '../i18n';
import type { TrainingController } from '../training-controller';

/** What the panel reads of the training: the diagnosis, the run's settings, whether it or its what-ifs still train. */
export type DiagnosedRun = Pick<TrainingController, 'diagnosis' | 'config' | 'running' | 'testing' | 'whatIfs'>;

/** The diagnosis's one recommendation: the what-if its message cites, when the run needs a change (not 'ok'). */
export function recommendation(diagnosis: Diagnosis): WhatIf | null {
  if (!diagnosis.final || diagnosis.code === 'ok' || diagnosis.cited === undefined) return null;
  const cited = diagnosis.evidence[diagnosis.cited];
  return cited && Number.isFinite(cited.finalValidLoss) ? cited : null;
}

/** What "Try it" sets on the element: the recommended change's settings, so the sliders move to it; a max-lr slice moves whole ("lo,hi"). */
export function advisedSettings(change: Partial<RunConfig>, config: RunConfig): Partial<Pick<RunConfig, 'epochs' | 'trainSize' | 'oversample' | 'imbalance'>> & { maxLr?: number | string } {
  const settings: Partial<Pick<RunConfig, 'epochs' | 'trainSize' | 'oversample' | 'imbalance'>> & { maxLr?: number | string } = {};
  if (change.maxLr !== undefined) {
    const { bodyLr } = whatIfConfig(config, change);
    settings.maxLr = bodyLr === undefined ? change.maxLr : `${bodyLr},${change.maxLr}`;
  }
  if (change.epochs !== undefined) settings.epochs = change.epochs;
  if (change.trainSize !== undefined) settings.trainSize = change.trainSize;
  if (change.oversample !== undefined) settings.oversample = change.oversample;
  if (change.imbalance !== undefined) settings.imbalance = change.imbalance;
  return settings;
}

/**
 * The diagnosis section, or nothing before the first one; `settings` are the host's, for a run
 * not yet begun, and `tryIt` applies the recommended change.
 */
export function diagnosisPanel(run: DiagnosedRun, settings: RunConfig, t: Strings, tryIt: (change: Partial<RunConfig>) => void): TemplateResult | typeof nothing {
  const { diagnosis, running, testing } = run;
  if (!diagnosis) return nothing;
  const config = run.config ?? settings;
  const advised = recommendation(diagnosis);
  // While the what-ifs train, the diagnosis is still the provisional one.
  const state = running ? t.running : diagnosis.final ? t.tested : t.provisional;
  return html`<section part="diagnosis" data-code=${diagnosis.code} data-final=${String(diagnosis.final)} data-stuck=${String(diagnosis.stuck === true)} aria-live="polite">
      <h3>${t.diagnosis} · ${state}</h3>
      <p>${diagnosis.message}</p>
      ${testing ? html`<p class="testing" role="status">${t.testing(run.whatIfs.length)}</p>` : nothing}
      ${advised ? html`<button class="try" @click=${() => tryIt(advised.change)}>${t.tryIt(whatIfChange(advised, config, t.lang))}</button>` : nothing}
    </section>`;
}
