/**
 * The page's long tasks while the element trains on WebGPU (issue 23's "none over 50 ms"):
 * each scenario's default run with what-ifs and three seeds on, from its train-start to its
 * final diagnosis, as the browser's PerformanceObserver('longtask') reports them, and, where
 * bench/run.mjs traces the page (scripts/main-thread-trace.mjs), the thread's own time in
 * each: on SwiftShader the "GPU" is the CPU, and it takes the page's core for much of a task.
 * Printed against the goal here, never asserted in a test (e2e/gpu-responsive.spec.ts asserts
 * what the code guarantees instead).
 */
import type { MainThreadTask } from '../scripts/main-thread-trace.mjs';

declare global {
  interface Window {
    /** bench/run.mjs's trace of this page: 'start', then 'stop' gives the long tasks between the marks tp-tasks-from and tp-tasks-to. */
    __mainThreadTrace?: (action: 'start' | 'stop') => Promise<MainThreadTask[]>;
  }
}

export interface PageTasks {
  /** Long tasks (over 50 ms, as the browser counts them) while it trained. */
  count: number;
  /** The longest, ms (0 with none). */
  longestMs: number;
  /** The most of the page's thread's own time in any long task, ms (0 with none; NaN untraced). */
  longestThreadMs: number;
  /** From train-start to the final diagnosis, ms. */
  runMs: number;
}

/** The scenarios as a learner opens them (fashion's run shortened: its defaults, what-ifs included, are many minutes on SwiftShader). */
export const PAGE_RUNS: Record<string, Record<string, string>> = {
  line: { scenario: 'line' },
  digits: { scenario: 'digits' },
  cancer: { scenario: 'cancer' },
  spiral: { scenario: 'spiral' },
  circle: { scenario: 'circle' },
  fashion: { scenario: 'fashion', 'train-size': '256', epochs: '2' },
};

/** One element, made with `attributes`, watched until its final diagnosis, then removed. */
export async function pageTasks(attributes: Record<string, string>): Promise<PageTasks> {
  const element = document.createElement('training-playground');
  for (const [name, value] of Object.entries({ ...attributes, backend: 'webgpu', 'what-if': 'on', seeds: '3', seed: '1' })) element.setAttribute(name, value);
  // On screen whatever the page holds already (the interactivity workload's element): a run off screen pauses.
  Object.assign(element.style, { position: 'fixed', top: '0', left: '0', width: '900px', zIndex: '1', background: 'white' });
  // Every entry kept, and the trace's window applied to them at the end: the observer reports
  // a task after it ends, so a task that ended before train-start could arrive after it and
  // be counted, beside a trace that (rightly) leaves it out.
  const entries: PerformanceEntry[] = [];
  let started = 0;
  const observer = new PerformanceObserver((list) => void entries.push(...list.getEntries()));
  observer.observe({ type: 'longtask' });
  element.addEventListener('train-start', () => ((started = performance.now()), performance.mark('tp-tasks-from')), { once: true });
  const final = new Promise<number>((done) =>
    element.addEventListener('diagnosis', (e) => (e as CustomEvent<{ final: boolean }>).detail.final && done(performance.now())),
  );
  const trace = window.__mainThreadTrace;
  await trace?.('start');
  document.body.append(element);
  const ended = await final;
  // The observer reports a task after it ends: one more turn for the last.
  await new Promise((done) => setTimeout(done, 100));
  const stopped = performance.now();
  performance.mark('tp-tasks-to');
  entries.push(...observer.takeRecords());
  observer.disconnect();
  const long = entries.filter((e) => e.startTime + e.duration > started && e.startTime < stopped).map((e) => e.duration);
  const threads = trace ? (await trace('stop')).map((t) => t.threadMs) : [NaN];
  element.remove();
  return { count: long.length, longestMs: long.length ? Math.max(...long) : 0, longestThreadMs: Math.max(0, ...threads), runMs: ended - started };
}
