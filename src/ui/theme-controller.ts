/**
 * Watches what the element's colours depend on outside it: the reader's
 * `prefers-color-scheme` (for `theme="auto"`), and the host's and the page's `style` and
 * `class` (custom properties such as `--tp-accent` set there) and the page's `lang`. Each
 * change asks the host to render again, so the canvas re-reads its colours. Set up on connect,
 * undone on disconnect.
 *
 * @example
 * import type { LitElement } from 'lit';
 * // given: const host: LitElement
 * const theme = new ThemeController(host);
 * const dark = theme.prefersDark;
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class ThemeController implements ReactiveController {
  /** The reader prefers a dark colour scheme. */
  prefersDark = false;
  private darkQuery: MediaQueryList | null = null;
  private styleWatcher: MutationObserver | null = null;

  constructor(private readonly host: ReactiveControllerHost & Element) {
    host.addController(this);
  }

  hostConnected(): void {
    this.darkQuery = matchMedia('(prefers-color-scheme: dark)');
    if (this.darkQuery.matches !== this.prefersDark) {
      this.prefersDark = this.darkQuery.matches;
      this.host.requestUpdate();
    }
    this.darkQuery.addEventListener('change', this.onSchemeChange);
    // Custom properties set on the host or an ancestor's class/style: recolour the canvas.
    this.styleWatcher = new MutationObserver(() => this.host.requestUpdate());
    this.styleWatcher.observe(this.host, { attributes: true, attributeFilter: ['style', 'class'] });
    this.styleWatcher.observe(document.documentElement, { attributes: true, attributeFilter: ['style', 'class', 'lang'] });
  }

  hostDisconnected(): void {
    this.darkQuery?.removeEventListener('change', this.onSchemeChange);
    this.darkQuery = null;
    this.styleWatcher?.disconnect();
    this.styleWatcher = null;
  }

  private readonly onSchemeChange = (event: MediaQueryListEvent) => {
    this.prefersDark = event.matches;
    this.host.requestUpdate();
  };
}
