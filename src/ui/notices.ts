/**
 * The messages above the controls: a setting replaced, data that failed, the GPU reset, a run
 * refused. The last four stay until dismissed; each change renders the host again.
 *
 * @example
 * import { html, type LitElement } from 'lit';
 * import type { Strings } from './i18n';
 * // given: const host: LitElement, t: Strings
 * const notices = new Notices(host);
 * notices.notify('data', 'Could not load /houses.csv: HTTP 404.');
 * html`${notices.render(t)}`;
 */
import { html, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { Strings } from './i18n';

/** A message above the controls: a setting replaced, data that failed, the GPU reset, a run refused. */
export interface Notice {
  kind: 'setting' | 'data' | 'gpu' | 'training';
  text: string;
}

/** Notices kept at once: older ones give way. */
const KEPT = 4;

/** The list and its changes; not a controller, as it has nothing to set up or undo with the host's connection. */
export class Notices {
  list: readonly Notice[] = [];

  constructor(private readonly host: Pick<ReactiveControllerHost, 'requestUpdate'>) {}

  /** Shows a notice (the last four stay) until dismissed. */
  notify(kind: Notice['kind'], text: string): void {
    this.list = [...this.list, { kind, text }].slice(-KEPT);
    this.host.requestUpdate();
  }

  /** Removes the notice at `index`. */
  dismiss(index: number): void {
    this.list = this.list.filter((_, j) => j !== index);
    this.host.requestUpdate();
  }

  /** Each notice with its kind's title and a button that dismisses it. */
  render(t: Strings): TemplateResult[] {
    return this.list.map(
      (notice, i) => html`<div class="notice" role="status"><p><strong>${t.noticeTitles[notice.kind]}:</strong> ${notice.text}</p>
          <button class="secondary" @click=${() => this.dismiss(i)}>${t.dismiss}</button></div>`,
    );
  }
}
