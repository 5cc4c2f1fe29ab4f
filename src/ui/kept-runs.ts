/**
 * The element's last runs, kept so a learner can lay an earlier one over the current one
 * ("what did max_lr 0.1 do that 0.01 did not?"). A run is kept once it ends (`train-end`),
 * stopped ones too, with its provisional diagnosis, replaced by the final one in place when
 * it arrives (`diagnosis`). The runs of `step()` and `reset()` (a run's first epochs, shown
 * one by one) are not kept: a learner stepping through epochs would push out every run
 * worth comparing; a step that reaches the last epoch trains the whole run, which is kept. A
 * run stopped before its first epoch ended has nothing to compare and is not kept either.
 * Each element keeps its own runs; ids are unique on the page.
 *
 * @example
 * import type { LitElement } from 'lit';
 * import type { TrainingController } from './training-controller';
 * // given: const host: LitElement, training: TrainingController
 * const kept = new KeptRuns(host, () => training.stepping);
 * kept.compare(kept.runs[1]?.id ?? null);
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Diagnosis, EpochStats, RunConfig, RunResult } from '../engine/index';

/** A kept run: its settings (without a CSV's rows, so it stays small), its epochs and its diagnosis. */
export interface RunSummary {
  /** Unique on the page: what `compare(id)` takes. */
  id: string;
  config: RunConfig;
  /** Its epochs without their batch losses (`stepLosses`): only the run's own chart draws those, and they are most of a history's weight. */
  history: EpochStats[];
  /** The final diagnosis once the what-if runs have spoken; the provisional one until then (and for a stopped run). */
  diagnosis: Diagnosis | null;
}

/** How many runs an element keeps: the newest push out the oldest. */
export const KEPT_RUNS = 8;

/** What an exported list of runs says it is. */
const RUNS_FORMAT = 'training-playground-runs';

/** Counts runs kept on the page, for their ids. */
let keptOnPage = 0;

export class KeptRuns implements ReactiveController {
  /** Newest first. */
  private kept: RunSummary[] = [];
  /** The last run kept, until another run starts: the final diagnosis that arrives is its. */
  private awaiting: RunSummary | null = null;
  /** The run the chart lays over the current one; it stays when it falls off the list, until cleared. */
  compared: RunSummary | null = null;

  private readonly onStart = () => (this.awaiting = null);
  private readonly onEnd = (event: Event) => {
    if (!this.stepping()) this.keep((event as CustomEvent<RunResult>).detail);
  };
  private readonly onDiagnosis = (event: Event) => this.settle((event as CustomEvent<Diagnosis>).detail);

  constructor(
    private readonly host: ReactiveControllerHost & EventTarget,
    /** The run that ended trained only its first epochs (step, reset): not kept. */
    private readonly stepping: () => boolean,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.addEventListener('train-start', this.onStart);
    this.host.addEventListener('train-end', this.onEnd);
    this.host.addEventListener('diagnosis', this.onDiagnosis);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('train-start', this.onStart);
    this.host.removeEventListener('train-end', this.onEnd);
    this.host.removeEventListener('diagnosis', this.onDiagnosis);
  }

  /** The kept runs, newest first (a copy: the list is the controller's). */
  get runs(): RunSummary[] {
    return [...this.kept];
  }

  /** Keeps an ended run, newest first, the oldest dropped past KEPT_RUNS; one stopped before its first epoch has nothing to show. */
  keep(result: RunResult): RunSummary | null {
    if (result.history.length === 0) return null;
    const { data: _rows, ...config } = result.config;
    const history = result.history.map(({ stepLosses: _batches, ...epoch }) => epoch);
    const summary: RunSummary = { id: `run-${++keptOnPage}`, config, history, diagnosis: result.diagnosis };
    this.kept = [summary, ...this.kept].slice(0, KEPT_RUNS);
    this.awaiting = summary;
    this.host.requestUpdate();
    return summary;
  }

  /** The final diagnosis of the last run kept, in place. */
  settle(diagnosis: Diagnosis): void {
    if (this.awaiting) this.awaiting.diagnosis = diagnosis;
    this.awaiting = null;
  }

  /** The kept runs as JSON, newest first, to save or to take to another page (importJson). */
  exportJson(): string {
    return JSON.stringify({ format: RUNS_FORMAT, version: 1, runs: this.kept });
  }

  /**
   * Runs that exportJson wrote, kept after this page's own (each with a new id), up to
   * KEPT_RUNS; what was added, in order. A text that is not such JSON is an Error naming what
   * is wrong, and changes nothing.
   */
  importJson(text: string): RunSummary[] {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new Error('These runs are not JSON: give what exportRuns() wrote.');
    }
    const file = parsed as { format?: unknown; version?: unknown; runs?: unknown };
    if (file?.format !== RUNS_FORMAT || file.version !== 1 || !Array.isArray(file.runs)) throw new Error(`These runs are not ${RUNS_FORMAT} version 1: give what exportRuns() wrote.`);
    const added = file.runs.map((run: unknown, i): RunSummary => {
      const r = run as Partial<RunSummary>;
      const epochs = Array.isArray(r.history) && r.history.every((e) => typeof e?.epoch === 'number' && typeof e.trainLoss === 'number' && typeof e.validLoss === 'number');
      const config = typeof r.config === 'object' && r.config !== null && typeof r.config.epochs === 'number' ? r.config : null;
      if (!config || !epochs || r.history!.length === 0) throw new Error(`Run ${i + 1} of these has no settings or no epochs.`);
      return { id: `run-${++keptOnPage}`, config, history: r.history!, diagnosis: r.diagnosis ?? null };
    });
    this.kept = [...this.kept, ...added].slice(0, KEPT_RUNS);
    this.host.requestUpdate();
    return added.filter((run) => this.kept.includes(run));
  }

  /** Lays kept run `id` over the chart, or none (`null`); an id not kept throws a RangeError and changes nothing. */
  compare(id: string | null): void {
    const run = id === null ? null : this.kept.find((r) => r.id === id);
    if (run === undefined) throw new RangeError(`No kept run has the id "${id}": runs holds ${this.kept.map((r) => r.id).join(', ') || 'none'}.`);
    this.compared = run;
    this.host.requestUpdate();
  }
}
