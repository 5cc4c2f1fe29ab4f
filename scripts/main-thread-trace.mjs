/**
 * The page's long main-thread tasks from a Chrome trace, each with its wall time and the
 * thread's own CPU time in it. The browser's PerformanceObserver('longtask') gives the wall
 * time alone, and on SwiftShader that mostly measures the scheduler: the "GPU" is the CPU's
 * other threads, and on a two-core machine they take the page's core for half of a task
 * (a chunk's task read 127.6 ms of wall time and 29.8 ms of the thread's). The thread's time
 * is what the page's code costs, the part a real GPU leaves; both are reported.
 *
 * @example
 * // given: const page: import('@playwright/test').Page
 * const trace = await traceMainThread(await page.context().newCDPSession(page));
 * // … the page marks performance.mark('from') and performance.mark('to') …
 * const tasks = await trace.stop('from', 'to');   // [{ wallMs: 72.1, threadMs: 24.7 }, …]
 */

/** The browser's threshold for a long task, ms. */
const LONG_TASK_MS = 50;
/**
 * What the trace calls a task: a scheduled one, and a microtask checkpoint run outside one
 * (after an animation frame's callbacks), which the browser's long-task observer counts too.
 */
const TASKS = new Set(['ThreadControllerImpl::RunTask', 'BlinkScheduler_PerformMicrotaskCheckpoint']);
const isLong = (e) => e.ph === 'X' && TASKS.has(e.name) && e.dur > LONG_TASK_MS * 1000;

/** Starts tracing the page's tasks; `stop(from, to)` ends it and gives the long ones between two of the page's performance marks. */
export async function traceMainThread(cdp) {
  const events = [];
  const collect = (data) => {
    // Only what stop() reads is kept: a long run traces every thread's every task.
    for (const e of data.value) {
      if (isLong(e) || e.cat === 'blink.user_timing') events.push(e);
    }
  };
  cdp.on('Tracing.dataCollected', collect);
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['toplevel', 'blink.user_timing'], recordMode: 'recordAsMuchAsPossible' }, transferMode: 'ReportEvents' });
  return {
    async stop(from, to) {
      const complete = new Promise((done) => cdp.once('Tracing.tracingComplete', done));
      await cdp.send('Tracing.end');
      await complete;
      cdp.off('Tracing.dataCollected', collect);
      return longTasksBetween(events, from, to);
    },
  };
}

/** The tasks (TASKS) over LONG_TASK_MS, on the thread that made the marks (the page's), that end after mark `from` and start before mark `to` (the last of each name). */
export function longTasksBetween(events, from, to) {
  const mark = (name) => events.filter((e) => e.cat === 'blink.user_timing' && e.name === name).at(-1);
  const [start, end] = [mark(from), mark(to)];
  if (!start || !end) throw new Error(`the trace has no performance mark ${start ? to : from}`);
  const tasks = events.filter((e) => isLong(e) && e.pid === start.pid && e.tid === start.tid && e.ts + e.dur > start.ts && e.ts < end.ts);
  // A checkpoint at the end of a task is part of it, not a task of its own.
  const within = (e, outer) => outer !== e && outer.ts <= e.ts && e.ts + e.dur <= outer.ts + outer.dur;
  return tasks
    .filter((e) => !tasks.some((outer) => within(e, outer)))
    .sort((a, b) => a.ts - b.ts)
    .map((e) => ({ wallMs: e.dur / 1000, threadMs: (e.tdur ?? e.dur) / 1000 }));
}
