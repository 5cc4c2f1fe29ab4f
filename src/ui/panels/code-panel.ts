/**
 * The equivalent fastai call (part `code`) with a Copy button that says "Copied" for a moment.
 *
 * @example
 * import { html, type LitElement } from 'lit';
 * import type { Strings } from '../i18n';
 * // given: const host: LitElement, t: Strings
 * const copy = new CodeCopy(host);
 * html`${codePanel('learn.fit_one_cycle(8, max_lr=3e-3)', copy, t)}`;
 */
import { html, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { Strings } from '../i18n';

/** How long the button says "Copied". */
const COPIED_MS = 1500;

/** The clipboard's side: whether the code was just copied. */
export class CodeCopy {
  copied = false;

  constructor(private readonly host: Pick<ReactiveControllerHost, 'requestUpdate'>) {}

  async copy(text: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(text);
      this.show(true);
      setTimeout(() => this.show(false), COPIED_MS);
    } catch {
      // Clipboard refused (no permission): the code stays selectable.
    }
  }

  private show(copied: boolean): void {
    this.copied = copied;
    this.host.requestUpdate();
  }
}

export function codePanel(code: string, copy: CodeCopy, t: Strings): TemplateResult {
  return html`<div part="code" aria-label=${t.code}>
        <code>${code}</code>
        <button class="secondary" @click=${() => void copy.copy(code)}>${copy.copied ? t.copied : t.copy}</button>
      </div>`;
}
