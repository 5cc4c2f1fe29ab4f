/**
 * The Train / Stop button, the progress bar and the one-line status under the controls. One
 * button whose label and action follow the run, so keyboard focus stays on it.
 *
 * @example
 * import { html } from 'lit';
 * import type { Strings } from '../i18n';
 * // given: const history: EpochStats[], t: Strings
 * html`${runBar({ running: false, history, epochs: 20 }, t, () => console.log('train'))}`;
 */
import { html, type TemplateResult } from 'lit';
import { formatLoss, type EpochStats } from '../../engine/index';
import type { Strings } from '../i18n';

export interface RunBarState {
  running: boolean;
  /** The run's epochs so far. */
  history: EpochStats[];
  /** The run's length. */
  epochs: number;
}

/** `toggle` stops a run in progress, or trains. */
export function runBar({ running, history, epochs }: RunBarState, t: Strings, toggle: () => void): TemplateResult {
  const last = history.at(-1);
  const done = history.length;
  const losses = last ? `${t.trainLoss} ${formatLoss(last.trainLoss, t.lang)} · ${t.validLoss} ${formatLoss(last.validLoss, t.lang)}` : t.idle;
  return html`<div class="actions">
        <!-- One button whose label and action follow the run, so keyboard focus stays on it. -->
        <button class="run" @click=${toggle}>${running ? t.stop : t.train}</button>
        <div class="progress" role="progressbar" aria-label=${t.progress(done, epochs)} aria-valuemin="0" aria-valuemax=${epochs} aria-valuenow=${done}>
          <span style="width: ${(100 * done) / epochs}%"></span>
        </div>
        <span class="status" aria-live="polite">${running ? t.progress(done, epochs) : losses}</span>
      </div>`;
}
