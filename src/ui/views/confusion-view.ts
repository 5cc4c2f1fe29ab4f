/**
 * fastai's `plot_confusion_matrix`: rows the actual class, columns the predicted one, counts in
 * the cells, the diagonal (right) in the training colour and the rest (mistakes) in the
 * validation colour, each shaded by its count. Every cell is a button: choosing one shows the
 * validation rows in it.
 *
 * @example
 * import { html } from 'lit';
 * // given: const result: RunResult, names: string[]
 * html`${confusionView(result.confusion!, names, {
 *   title: 'Confusion matrix', actual: 'Actual', predicted: 'Predicted',
 *   cell: (n, a, p) => `${n} ${a} predicted as ${p}`,
 * }, null, (actual, predicted) => console.log(actual, predicted))}`;
 */
import { html, type TemplateResult } from 'lit';

export interface ConfusionLabels {
  title: string;
  actual: string;
  predicted: string;
  cell: (count: number, actual: string, predicted: string) => string;
}

/**
 * How strongly a cell is tinted, 0 to 1: its count over the largest count of its kind (the
 * diagonal against the diagonal, mistakes against mistakes), so that a few mistakes still
 * show beside hundreds of right answers. An empty cell is untinted. The view mixes at most half
 * the colour into the background, so the count stays readable (WCAG AA) in both themes.
 */
export function cellShade(count: number, largest: number): number {
  return count > 0 && largest > 0 ? Math.round((0.12 + (0.88 * count) / largest) * 100) / 100 : 0;
}

export function confusionView(
  matrix: number[][],
  names: string[],
  labels: ConfusionLabels,
  selected: readonly [number, number] | null,
  choose: (actual: number, predicted: number) => void,
): TemplateResult {
  let right = 0;
  let wrong = 0;
  matrix.forEach((row, a) => row.forEach((n, p) => (a === p ? (right = Math.max(right, n)) : (wrong = Math.max(wrong, n)))));
  return html`<figure class="confusion" part="confusion">
    <figcaption>${labels.title} <small>(↓ ${labels.actual} · ${labels.predicted} →)</small></figcaption>
    <div class="confusion-grid" role="group" aria-label=${labels.title} style="grid-template-columns: max-content repeat(${names.length}, minmax(0, 1fr))">
      <span></span>
      ${names.map((name) => html`<span class="col-name" title=${name}>${name}</span>`)}
      ${matrix.map(
        (row, a) => html`<span class="row-name">${names[a]}</span>
          ${row.map((n, p) => {
            const shade = cellShade(n, a === p ? right : wrong);
            const on = selected?.[0] === a && selected[1] === p;
            return html`<button class="cell ${a === p ? 'right' : 'wrong'}" aria-pressed=${on ? 'true' : 'false'}
              style="--shade: ${Math.round(shade * 50)}%" aria-label=${labels.cell(n, names[a]!, names[p]!)}
              @click=${() => choose(a, p)}>${n}</button>`;
          })}`,
      )}
    </div>
  </figure>`;
}
