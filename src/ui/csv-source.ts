/**
 * Loads the CSV that `src` names, as a Lit ReactiveController: a new `src` aborts the fetch in
 * progress (its answer, late or failed, says nothing), a server that does not answer within
 * `timeoutMs` is given up with a message, and every failure is a message a person can act
 * on (the HTTP status, the CORS refusal, the CSV's line and column). A load still in progress
 * when the host leaves the page is aborted, silently, and starts again if the host comes back
 * (@lit/task's cancel-and-restart). A failure is a notice and a `playground-error` on the host
 * (`invalid-csv` when the file is there but is not one).
 *
 * @example
 * import type { LitElement } from 'lit';
 * // given: const host: LitElement
 * const csv = new CsvSource(host, 15_000, (data) => console.log(data?.rows), (kind, text) => console.warn(kind, text));
 * csv.load('/data/houses.csv');
 * await csv.loading?.done;
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { CsvError, parseCsv, type Dataset } from '../engine/index';
import { emit } from './events';

export class CsvSource implements ReactiveController {
  /** The CSV being fetched, while it is. */
  loading: { url: string; done: Promise<void> } | null = null;
  private abort: AbortController | null = null;
  /** The URL whose load the host's leaving interrupted: loaded again on its return. */
  private interrupted: string | null = null;

  constructor(
    private readonly host: ReactiveControllerHost & EventTarget,
    /** How long a server may take to answer before the load gives up and says so. */
    private readonly timeoutMs: number,
    /** The parsed data of the latest `src`, or null once it failed. */
    private readonly loaded: (data: Dataset | null) => void,
    /** Shows why the latest `src` gave no data. */
    private readonly notify: (kind: 'data', text: string) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    const url = this.interrupted;
    this.interrupted = null;
    if (url !== null) this.load(url);
  }

  hostDisconnected(): void {
    if (!this.loading) return;
    this.interrupted = this.loading.url;
    const abort = this.abort;
    // Replaced by nothing: the aborted load says nothing, as when a newer src replaces it.
    this.abort = null;
    this.loading = null;
    abort?.abort();
  }

  /** Fetches and parses `url`, in place of any load in progress. */
  load(url: string): void {
    this.abort?.abort();
    this.interrupted = null;
    const abort = new AbortController();
    this.abort = abort;
    this.loading = { url, done: this.fetch(url, abort) };
    this.host.requestUpdate();
  }

  private async fetch(url: string, abort: AbortController): Promise<void> {
    const timer = setTimeout(() => abort.abort(new Error(`Could not load ${url}: no answer after ${this.timeoutMs / 1000} s.`)), this.timeoutMs);
    try {
      const response = await fetch(url, { signal: abort.signal }).catch((error: unknown) => {
        // A network failure and a cross-origin refusal look the same from here (a TypeError): name both.
        if (abort.signal.aborted || !(error instanceof TypeError)) throw error;
        throw new Error(
          `Could not load ${url}: the server did not answer, or it does not let this page read the file (CORS). Serve the CSV from this site, or from a server that sends Access-Control-Allow-Origin.`,
        );
      });
      if (!response.ok) throw new Error(`Could not load ${url}: HTTP ${response.status}.`);
      const data = parseCsv(await response.text());
      if (abort === this.abort) this.loaded(data);
    } catch (error) {
      // A newer src replaced this one: it says nothing.
      if (abort !== this.abort) return;
      const reason = abort.signal.aborted ? abort.signal.reason : error;
      const message = reason instanceof CsvError ? `${url}: ${reason.message}` : reason instanceof Error ? reason.message : String(reason);
      this.loaded(null);
      this.notify('data', message);
      emit(this.host, 'playground-error', { code: reason instanceof CsvError ? 'invalid-csv' : 'training-failed', message });
    } finally {
      clearTimeout(timer);
      if (abort === this.abort) {
        this.loading = null;
        this.host.requestUpdate();
      }
    }
  }
}
