import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { VisibilityController } from './visibility-controller';

/** An IntersectionObserver whose entries the test sends. */
class FakeObserver {
  static last: FakeObserver | null = null;
  observed: unknown[] = [];
  disconnected = false;
  constructor(readonly callback: (entries: { isIntersecting: boolean }[]) => void) {
    FakeObserver.last = this;
  }
  observe(target: unknown) {
    this.observed.push(target);
  }
  disconnect() {
    this.disconnected = true;
  }
  show(visible: boolean) {
    this.callback([{ isIntersecting: visible }]);
  }
}

function harness() {
  vi.stubGlobal('IntersectionObserver', FakeObserver);
  const controllers: ReactiveController[] = [];
  const host = {
    addController: (c: ReactiveController) => controllers.push(c),
    removeController: () => {},
    requestUpdate: () => {},
    updateComplete: Promise.resolve(true),
  } as unknown as ReactiveControllerHost & Element;
  const log: string[] = [];
  let running = false;
  const visibility = new VisibilityController(host, {
    busy: () => running,
    pause: () => {
      log.push('pause');
      running = false;
    },
    resume: () => {
      log.push('resume');
      running = true;
    },
  });
  return { host, controllers, visibility, log, start: () => (running = true) };
}

afterEach(() => vi.unstubAllGlobals());

describe('VisibilityController', () => {
  it('observes the host while connected, and stops observing when it leaves', () => {
    const { host, controllers, visibility } = harness();
    expect(controllers).toEqual([visibility]);
    visibility.hostConnected();
    const observer = FakeObserver.last!;
    expect(observer.observed).toEqual([host]);
    visibility.hostDisconnected();
    expect(observer.disconnected).toBe(true);
  });

  it('holds work asked for off screen until the host is shown, once', () => {
    const { visibility, log } = harness();
    visibility.hostConnected();
    expect(visibility.admit()).toBe(false);
    expect(log).toEqual([]);
    FakeObserver.last!.show(true);
    expect(log).toEqual(['resume']);
    expect(visibility.admit()).toBe(true);
    FakeObserver.last!.show(true);
    expect(log).toEqual(['resume']);
  });

  it('pauses work when the host leaves the screen and resumes it on return', () => {
    const { visibility, log, start } = harness();
    visibility.hostConnected();
    FakeObserver.last!.show(true);
    start();
    FakeObserver.last!.show(false);
    expect(log).toEqual(['pause']);
    FakeObserver.last!.show(true);
    expect(log).toEqual(['pause', 'resume']);
  });

  it('leaves the screen quietly when nothing runs', () => {
    const { visibility, log } = harness();
    visibility.hostConnected();
    FakeObserver.last!.show(true);
    FakeObserver.last!.show(false);
    FakeObserver.last!.show(true);
    expect(log).toEqual([]);
  });
});
