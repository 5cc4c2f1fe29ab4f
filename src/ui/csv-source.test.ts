import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { CsvSource } from './csv-source';

const TIMEOUT_MS = 15_000;
import type { Dataset } from '../engine/index';
import type { PlaygroundErrorDetail } from './events';

function harness() {
  const host = Object.assign(new EventTarget(), {
    updates: 0,
    addController: (_: ReactiveController) => {},
    removeController: () => {},
    requestUpdate() {
      host.updates++;
    },
    updateComplete: Promise.resolve(true),
  }) satisfies ReactiveControllerHost & EventTarget;
  const loaded: (Dataset | null)[] = [];
  const notices: string[] = [];
  const failed: [string, string][] = [];
  host.addEventListener('playground-error', (e) => {
    const { detail } = e as CustomEvent<PlaygroundErrorDetail>;
    failed.push([detail.message, detail.code]);
  });
  const csv = new CsvSource(host, TIMEOUT_MS, (data) => loaded.push(data), (_, text) => notices.push(text));
  return { host, csv, loaded, failed, notices };
}

/** fetch answers each URL from the table; an Error value is thrown as fetch would. */
function serve(table: Record<string, string | number | Error>) {
  vi.stubGlobal('fetch', (url: string, init: RequestInit) => {
    const answer = table[url];
    if (answer === undefined) {
      // Never answers: only the abort signal ends it.
      return new Promise((_, reject) => init.signal!.addEventListener('abort', () => reject(init.signal!.reason)));
    }
    if (answer instanceof Error) return Promise.reject(answer);
    return Promise.resolve(typeof answer === 'number' ? new Response('', { status: answer }) : new Response(answer));
  });
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('CsvSource', () => {
  it('says it is loading, then hands over the parsed rows', async () => {
    serve({ '/a.csv': 'x,y\n1,2\n3,4\n5,6\n' });
    const { csv, loaded, failed, host } = harness();
    csv.load('/a.csv');
    expect(csv.loading?.url).toBe('/a.csv');
    await csv.loading!.done;
    expect(csv.loading).toBeNull();
    expect(loaded.map((d) => d?.rows)).toEqual([3]);
    expect(failed).toEqual([]);
    expect(host.updates).toBe(2);
  });

  it('names the line and column of a value that is not a number, in a notice and as invalid-csv', async () => {
    serve({ '/bad.csv': 'x,y\n1,oops\n' });
    const { csv, loaded, failed, notices } = harness();
    csv.load('/bad.csv');
    await csv.loading!.done;
    expect(loaded).toEqual([null]);
    expect(notices).toEqual([failed[0]![0]]);
    expect(failed).toHaveLength(1);
    expect(failed[0]![0]).toMatch(/^\/bad\.csv: Line 2, column 2: "oops" is not a number/);
    expect(failed[0]![1]).toBe('invalid-csv');
  });

  it('gives the HTTP status, and names CORS for a refused or silent server', async () => {
    serve({ '/missing.csv': 404, 'https://elsewhere.example/a.csv': new TypeError('Failed to fetch') });
    const { csv, failed } = harness();
    csv.load('/missing.csv');
    await csv.loading!.done;
    csv.load('https://elsewhere.example/a.csv');
    await csv.loading!.done;
    expect(failed.map(([message]) => message)).toEqual([
      'Could not load /missing.csv: HTTP 404.',
      expect.stringContaining('Could not load https://elsewhere.example/a.csv: the server did not answer, or it does not let this page read the file (CORS).'),
    ]);
    expect(failed.map(([, code]) => code)).toEqual(['training-failed', 'training-failed']);
  });

  it('gives up on a server that does not answer in time', async () => {
    vi.useFakeTimers();
    serve({});
    const { csv, failed } = harness();
    csv.load('/never.csv');
    const done = csv.loading!.done;
    await vi.advanceTimersByTimeAsync(TIMEOUT_MS);
    await done;
    expect(failed).toEqual([['Could not load /never.csv: no answer after 15 s.', 'training-failed']]);
  });

  it('aborts a load when a newer src replaces it, and the older one says nothing', async () => {
    serve({ '/new.csv': 'x,y\n1,2\n3,4\n' });
    const { csv, loaded, failed } = harness();
    csv.load('/slow.csv');
    const first = csv.loading!.done;
    csv.load('/new.csv');
    await Promise.all([first, csv.loading!.done]);
    expect(loaded.map((d) => d?.rows)).toEqual([2]);
    expect(failed).toEqual([]);
    expect(csv.loading).toBeNull();
  });

  it('aborts a load silently when the host leaves the page, and loads again when it returns', async () => {
    const { csv, loaded, failed } = harness();
    serve({});
    csv.load('/a.csv');
    const first = csv.loading!.done;
    csv.hostDisconnected();
    await first;
    expect(csv.loading).toBeNull();
    expect([loaded, failed]).toEqual([[], []]);
    serve({ '/a.csv': 'x,y\n1,2\n3,4\n' });
    csv.hostConnected();
    await csv.loading!.done;
    expect(loaded.map((d) => d?.rows)).toEqual([2]);
    csv.hostDisconnected();
    csv.hostConnected();
    expect(csv.loading).toBeNull();
  });
});
