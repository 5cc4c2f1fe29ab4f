import type { CDPSession } from '@playwright/test';

/** A long task of the page's main thread: its wall time, and the thread's own CPU time in it. */
export interface MainThreadTask {
  wallMs: number;
  threadMs: number;
}

export interface MainThreadTrace {
  stop(from: string, to: string): Promise<MainThreadTask[]>;
}

export function traceMainThread(cdp: CDPSession): Promise<MainThreadTrace>;
export function longTasksBetween(events: unknown[], from: string, to: string): MainThreadTask[];
