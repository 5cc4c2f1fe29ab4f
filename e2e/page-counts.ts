/**
 * Counts what a page's scripts leave running, for the lifetime tests: timers (timeouts not yet
 * fired or cleared, intervals not cleared) and event listeners on the page's long-lived
 * targets (window, document, workers, media queries, message ports). Listeners on elements
 * are left out: they go with the element. Installed before the page's own scripts run.
 *
 * @example
 * await page.addInitScript(countTimersAndListeners);
 * // … the test …
 * const { timers, listeners } = await pageCounts(page);
 */
import type { Page } from '@playwright/test';

export interface PageCounts {
  timers: number;
  listeners: number;
  /** The listeners by target and event ("Window resize": 2), to name a leak when one shows. */
  kinds: Record<string, number>;
}

/** Runs in the page, before its scripts: wraps the timer and listener functions to count. */
export function countTimersAndListeners(): void {
  const pending = new Set<number>();
  const wrapTimer = (name: 'setTimeout' | 'setInterval', clear: 'clearTimeout' | 'clearInterval', once: boolean): void => {
    const set = window[name].bind(window) as (handler: TimerHandler, timeout?: number, ...rest: unknown[]) => number;
    const cancel = window[clear].bind(window) as (id?: number) => void;
    (window as unknown as Record<string, unknown>)[name] = (handler: TimerHandler, timeout?: number, ...rest: unknown[]): number => {
      const id: number = set(
        (...args: unknown[]) => {
          if (once) pending.delete(id);
          if (typeof handler === 'function') (handler as (...a: unknown[]) => void)(...args);
        },
        timeout,
        ...rest,
      );
      pending.add(id);
      return id;
    };
    (window as unknown as Record<string, unknown>)[clear] = (id?: number): void => {
      if (id !== undefined) pending.delete(id);
      cancel(id);
    };
  };
  wrapTimer('setTimeout', 'clearTimeout', true);
  wrapTimer('setInterval', 'clearInterval', false);

  const listeners = new Map<EventTarget, Set<string>>();
  // An abort signal's listeners go with the signal, as an element's go with the element.
  const counted = (target: EventTarget): boolean => !(target instanceof Node || target instanceof AbortSignal) || target === document;
  // Listeners are told apart by identity: each function gets an id once.
  const ids = new WeakMap<object, number>();
  let nextId = 0;
  const key = (type: string, listener: unknown, options: unknown): string => {
    const fn = listener as object;
    if (!ids.has(fn)) ids.set(fn, nextId++);
    const capture = typeof options === 'boolean' ? options : Boolean((options as { capture?: boolean } | undefined)?.capture);
    return `${type}|${ids.get(fn)}|${capture}`;
  };
  const add = EventTarget.prototype.addEventListener;
  const remove = EventTarget.prototype.removeEventListener;
  EventTarget.prototype.addEventListener = function (this: EventTarget, type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions): void {
    add.call(this, type, listener, options);
    if (!listener || !counted(this)) return;
    const once = typeof options === 'object' && options.once;
    const signal = typeof options === 'object' ? options.signal : undefined;
    if (once || signal?.aborted) return; // Gone after one event, or never added: not a leak to count.
    const keys = listeners.get(this) ?? new Set<string>();
    const k = key(type, listener, options);
    keys.add(k);
    listeners.set(this, keys);
    signal?.addEventListener('abort', () => keys.delete(k), { once: true });
  };
  EventTarget.prototype.removeEventListener = function (this: EventTarget, type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions): void {
    remove.call(this, type, listener, options);
    if (listener && counted(this)) listeners.get(this)?.delete(key(type, listener, options));
  };

  // A terminated worker hears nothing more: its listeners are gone with it.
  const terminate = Worker.prototype.terminate;
  Worker.prototype.terminate = function (this: Worker): void {
    terminate.call(this);
    listeners.delete(this);
  };

  (window as unknown as { __pageCounts: () => PageCounts }).__pageCounts = () => {
    const kinds: Record<string, number> = {};
    for (const [target, keys] of listeners) {
      for (const k of keys) {
        const kind = `${target.constructor.name} ${k.split('|')[0]}`;
        kinds[kind] = (kinds[kind] ?? 0) + 1;
      }
    }
    return { timers: pending.size, listeners: [...listeners.values()].reduce((sum, keys) => sum + keys.size, 0), kinds };
  };
}

/** The page's live timers and long-lived listeners, as countTimersAndListeners counts them. */
export function pageCounts(page: Page): Promise<PageCounts> {
  return page.evaluate(() => (window as unknown as { __pageCounts: () => PageCounts }).__pageCounts());
}
