/**
 * The equivalent fastai call (part `code`) with a Copy button that says "Copied" for a moment.
 *
 * @example
 * import { html, type LitElement } from 'lit';
 * import type { Strings } from '../i18n';
 * // given: const host: LitElement, t: Strings
 * const copy = new CodeCopy(host);
 * import { defaultConfig } from '../../engine/index';
 * html`${codePanel(defaultConfig('digits'), { result: null, frozenRun: null }, copy, t)}`;   // learn.fit_one_cycle(20, max_lr=3e-3)
 */
import { html, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { RunConfig, RunResult } from '../../engine/index';
import { fastaiCode } from '../fastai-code';
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

/** The code for `config`, after the run's start (a photo run may go on from `frozenRun`). */
export function codePanel(config: RunConfig, run: { result: Pick<RunResult, 'start'> | null; frozenRun: RunConfig | null }, copy: CodeCopy, t: Strings): TemplateResult {
  const code = fastaiCode(config, run.result?.start, run.frozenRun);
  return html`<div part="code" aria-label=${t.code}>
        <code>${code}</code>
        <button class="secondary" @click=${() => void copy.copy(code)}>${copy.copied ? t.copied : t.copy}</button>
      </div>`;
}
