/**
 * lr_find's panel: the loss against the swept learning rates, its suggestion, and a note on
 * what became of the suggestion (tested beside the other what-ifs, so the diagnosis keeps the
 * one recommendation). Shown once lr_find has run, while `controls` lists `lr-find`.
 *
 * @example
 * import { html } from 'lit';
 * import type { Strings } from '../i18n';
 * // given: const found: LrFindResult, diagnosis: Diagnosis | null, t: Strings
 * html`${lrFindPanel(found, true, diagnosis, t)}`;
 */
import { html, nothing, type TemplateResult } from 'lit';
import { formatLoss, formatLr, type Diagnosis, type LrFindResult } from '../../engine/index';
import type { Strings } from '../i18n';
import { lrFindView } from '../views/lr-find-view';
import { recommendation } from './diagnosis-panel';

/** The panel, or nothing when lr_find has not run or its control is not shown. */
export function lrFindPanel(found: LrFindResult | null, shown: boolean, diagnosis: Diagnosis | null, t: Strings): TemplateResult | typeof nothing {
  if (!found || !shown) return nothing;
  const suggestion = formatLr(found.suggestion, t.lang);
  return html`<section class="lr-find" aria-label=${t.lrFindTitle}>
      ${lrFindView(found, t.lrFindTitle, t.suggestion(suggestion))}
      <p class="status" role="note">${lrFindNote(found, suggestion, diagnosis, t)}</p>
    </section>`;
}

/**
 * What became of lr_find's suggestion. A search in which the loss never fell suggests noise:
 * said so, and never tested. Otherwise it is one of the what-ifs, and the diagnosis below
 * holds the one recommendation: this says whether it is lr_find's pick, and if not, where
 * lr_find's pick ended.
 */
export function lrFindNote(found: LrFindResult, suggestion: string, diagnosis: Diagnosis | null, t: Strings): string {
  if (found.flat) return t.lrFindFlat;
  const tested = diagnosis?.final ? diagnosis.evidence.find((w) => w.source === 'lr-find') : undefined;
  if (!tested) return t.lrFindTesting(suggestion);
  if (tested === recommendation(diagnosis!)) return t.lrFindChosen(suggestion);
  return t.lrFindLost(suggestion, formatLoss(tested.finalValidLoss, t.lang));
}
