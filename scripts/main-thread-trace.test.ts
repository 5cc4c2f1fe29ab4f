import { describe, expect, it } from 'vitest';
import { longTasksBetween } from './main-thread-trace.mjs';

/** A task of the trace's kind: µs, as Chrome writes them. */
const task = (ts: number, durMs: number, threadMs: number, tid = 1, name = 'ThreadControllerImpl::RunTask') => ({ name, ph: 'X', pid: 7, tid, ts, dur: durMs * 1000, tdur: threadMs * 1000 });
const checkpoint = (ts: number, durMs: number, threadMs: number) => task(ts, durMs, threadMs, 1, 'BlinkScheduler_PerformMicrotaskCheckpoint');
const mark = (name: string, ts: number) => ({ name, cat: 'blink.user_timing', ph: 'I', pid: 7, tid: 1, ts });

describe('the long tasks of a trace', () => {
  it("are the marking thread's tasks and lone microtask checkpoints over 50 ms that overlap the marks' window, each with its wall and thread time, in order", () => {
    const events = [
      task(0, 80, 70), // ends before the window
      mark('from', 100_000),
      task(90_000, 60, 20), // began before the mark, ends inside
      task(300_000, 120, 30),
      task(200_000, 55, 55),
      task(250_000, 49, 49), // not long
      task(260_000, 90, 90, 2), // another thread (the GPU's, a worker)
      checkpoint(400_000, 70, 25), // a checkpoint outside a task: one
      checkpoint(360_000, 55, 10), // inside the task at 300,000: part of it
      mark('to', 500_000),
      task(600_000, 70, 70), // after the window
    ];
    expect(longTasksBetween(events, 'from', 'to')).toEqual([
      { wallMs: 60, threadMs: 20 },
      { wallMs: 55, threadMs: 55 },
      { wallMs: 120, threadMs: 30 },
      { wallMs: 70, threadMs: 25 },
    ]);
  });

  it('read the last marks of a name, and say which mark is missing', () => {
    const events = [mark('from', 0), task(10_000, 60, 60), mark('from', 100_000), task(150_000, 70, 40), mark('to', 200_000)];
    expect(longTasksBetween(events, 'from', 'to')).toEqual([{ wallMs: 70, threadMs: 40 }]);
    expect(() => longTasksBetween(events, 'from', 'end')).toThrow(/no performance mark end/);
  });
});
