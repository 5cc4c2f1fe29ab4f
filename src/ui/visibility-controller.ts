/**
 * Work waits until the element is on screen, and pauses when it leaves (model-viewer's rule):
 * an IntersectionObserver while the host is connected. Work asked for off screen (`admit()`
 * said no) starts once the host is shown; work stopped because the host left starts again when
 * it comes back.
 *
 * @example
 * import type { LitElement } from 'lit';
 * // given: const host: LitElement, startRun: () => void, running: () => boolean, stop: () => void
 * const visibility = new VisibilityController(host, { busy: running, pause: stop, resume: startRun });
 * if (visibility.admit()) startRun();
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface VisibilityCallbacks {
  /** Work is in progress. */
  busy(): boolean;
  /** The host left the screen while busy: stop the work (it resumes on return). */
  pause(): void;
  /** The host is on screen again, and work waited for it. */
  resume(): void;
}

export class VisibilityController implements ReactiveController {
  /** The host is on screen (at least partly). */
  visible = false;
  /** Work waits for the host to be shown. */
  private waiting = false;
  private observer: IntersectionObserver | null = null;

  constructor(
    private readonly host: ReactiveControllerHost & Element,
    private readonly callbacks: VisibilityCallbacks,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.observer = new IntersectionObserver((entries) => this.changed(entries.some((e) => e.isIntersecting)));
    this.observer.observe(this.host);
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = null;
  }

  /** Whether work may start now; if not, `resume` is called once the host is on screen. */
  admit(): boolean {
    if (!this.visible) this.waiting = true;
    return this.visible;
  }

  private changed(visible: boolean): void {
    this.visible = visible;
    if (visible && this.waiting) {
      this.waiting = false;
      this.callbacks.resume();
    } else if (!visible && this.callbacks.busy()) {
      this.callbacks.pause();
      this.waiting = true;
    }
  }
}
