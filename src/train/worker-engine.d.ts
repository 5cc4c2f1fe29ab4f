import type { Engine } from './engine-api';
/** CPU workers started and not yet terminated: one per CPU engine. */
export declare function liveWorkerCount(): number;
/** How long an aborted call may take to end before its worker is replaced. */
export declare const STOP_GRACE_MS = 50;
/** A CPU engine in a new worker, once the worker says it is ready; rejects when it cannot start. */
export declare function createWorkerEngine(fallbackReason: string | null): Promise<Engine>;
