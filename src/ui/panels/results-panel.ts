/**
 * After a classification run: fastai's confusion matrix and top losses (parts `confusion` and
 * `top-losses`), with the photos behind them fetched from the engine (Engine.validationRows).
 * Nothing while a run trains (the last result is stale) or before one has ended.
 *
 * @example
 * import { html } from 'lit';
 * import { strings } from '../i18n';
 * // given: const photos: ResultPhotos, result: RunResult, config: RunConfig, names: string[], engine: Engine
 * html`${resultsView(photos, result, config, names, true, strings('en'), (c, rows) => engine.validationRows(c, rows))}`;
 */
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { RunConfig, RunResult, ValidationRows } from '../../engine/index';
import type { Strings } from '../i18n';
import { confusionView } from '../views/confusion-view';
import { digit } from '../views/digits-view';
import { cleanerControls, type Cleaner } from '../views/photo-cleaner';
import { SHOWN_TOP_LOSSES, topLossesView } from '../views/top-losses-view';

/** The most photos a chosen confusion cell shows. */
export const CELL_PHOTOS = 24;

type Fetch = (config: RunConfig, indices: number[]) => Promise<ValidationRows>;

/** The result views' state: the top losses' photos and the chosen cell's rows, both for one result. */
export class ResultPhotos {
  result: RunResult | null = null;
  topPhotos: number[][] | null = null;
  cell: [number, number] | null = null;
  cellRows: number[] = [];
  cellPhotos: number[][] | null = null;

  constructor(private readonly host: Pick<ReactiveControllerHost, 'requestUpdate'>) {}

  /** Fetches the top losses' photos when `result` is new; forgets the last result's cell. */
  follow(result: RunResult, config: RunConfig, photos: boolean, fetch: Fetch): void {
    if (result === this.result) return;
    this.result = result;
    this.topPhotos = null;
    this.cell = null;
    this.cellRows = [];
    this.cellPhotos = null;
    if (!photos || !result.topLosses) return;
    void fetch(config, result.topLosses.slice(0, SHOWN_TOP_LOSSES).map((t) => t.index)).then(({ features }) => {
      if (this.result !== result) return;
      this.topPhotos = features;
      this.host.requestUpdate();
    }, () => undefined);
  }

  /**
   * Chooses a cell (again: closes it). Its rows are those predicted as its column whose actual
   * class, fetched with them, is its row: RunResult has the predictions, the engine the labels.
   */
  choose(actual: number, predicted: number, config: RunConfig, photos: boolean, fetch: Fetch): void {
    const result = this.result;
    if (this.cell?.[0] === actual && this.cell[1] === predicted) this.cell = null;
    else this.cell = [actual, predicted];
    this.cellRows = [];
    this.cellPhotos = null;
    this.host.requestUpdate();
    if (!this.cell || !result?.predictions) return;
    const candidates = result.predictions.flatMap((p, i) => (p === predicted ? [i] : []));
    const cell = this.cell;
    void fetch(config, candidates).then(({ features, labels }) => {
      if (this.result !== result || this.cell !== cell) return;
      const inCell = candidates.flatMap((_, i) => (labels[i] === actual ? [i] : []));
      this.cellRows = inCell.map((i) => candidates[i]!);
      this.cellPhotos = photos ? inCell.slice(0, CELL_PHOTOS).map((i) => features[i]!) : null;
      this.host.requestUpdate();
    }, () => undefined);
  }
}

export function resultsView(state: ResultPhotos, result: RunResult, config: RunConfig, names: string[], photos: boolean, t: Strings, fetch: Fetch, cleaner?: Cleaner | null): TemplateResult | typeof nothing {
  if (!result.confusion || !result.topLosses) return nothing;
  state.follow(result, config, photos, fetch);
  const { cell } = state;
  const count = cell ? result.confusion[cell[0]]![cell[1]]! : 0;
  const cellNote = cell ? t.confusionCell(count, names[cell[0]]!, names[cell[1]]!) : '';
  const cleanerLabels = { relabel: t.cleanerRelabel, remove: t.cleanerDelete };
  return html`<div class="results">
    ${confusionView(result.confusion, names, { title: t.results.confusion, actual: t.results.actual, predicted: t.results.predicted, cell: t.confusionCell }, cell, (a, p) =>
      state.choose(a, p, config, photos, fetch),
    )}
    ${cell
      ? html`<figure class="cell-rows" aria-live="polite">
          <figcaption>${cellNote}${count > CELL_PHOTOS && photos ? ` (${t.results.shown} ${CELL_PHOTOS})` : ''}</figcaption>
          ${state.cellPhotos
            ? html`<div class="cell-photos">${state.cellPhotos.map(
                (image, i) => html`<div class="cell-photo" role="img" aria-label=${cellNote}>${digit(image)}${cleanerControls(cleaner, state.cellRows[i]!, `${cellNote} ${i + 1}`, cleanerLabels)}</div>`,
              )}</div>`
            : !photos && state.cellRows.length
              ? html`<p>${t.results.rows} ${state.cellRows.slice(0, CELL_PHOTOS * 2).join(', ')}${state.cellRows.length > CELL_PHOTOS * 2 ? ' …' : ''}</p>`
              : nothing}
        </figure>`
      : nothing}
    ${topLossesView(result.topLosses.slice(0, SHOWN_TOP_LOSSES), photos ? state.topPhotos : null, names, { title: t.results.topLosses, row: t.results.row, caption: t.results.caption, ...cleanerLabels }, t.lang, cleaner)}
  </div>`;
}
