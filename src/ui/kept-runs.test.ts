import { describe, expect, it } from 'vitest';
import type { ReactiveController } from 'lit';
import { defaultConfig } from '../train/config';
import type { Diagnosis, RunConfig, RunResult } from '../engine/index';
import { KEPT_RUNS, KeptRuns } from './kept-runs';

/** An element as the controller sees it: events, and a count of the updates asked for. */
function harness() {
  const controllers: ReactiveController[] = [];
  const host = Object.assign(new EventTarget(), {
    updates: 0,
    stepping: false,
    addController: (c: ReactiveController) => controllers.push(c),
    removeController: () => {},
    requestUpdate: () => void host.updates++,
    updateComplete: Promise.resolve(true),
  });
  const kept = new KeptRuns(host, () => host.stepping);
  controllers.forEach((c) => c.hostConnected?.());
  const send = (type: string, detail: unknown) => host.dispatchEvent(new CustomEvent(type, { detail }));
  return { host, kept, send };
}

const diagnosis = (code: string, final: boolean) => ({ code, final, message: code }) as unknown as Diagnosis;

function result(epochs: number, config: Partial<RunConfig> = {}): RunResult {
  const history = Array.from({ length: epochs }, (_, i) => ({ epoch: i + 1, trainLoss: 1, validLoss: 1, errorRate: null, lr: 0.01, elapsedMs: 0 }));
  return { config: { ...defaultConfig('line'), epochs, ...config }, history, stopReason: 'done', diagnosis: diagnosis('ok', false), backend: 'cpu', seedHistories: [history] };
}

describe('the kept runs', () => {
  it(`keeps the last ${KEPT_RUNS} runs that ended, newest first`, () => {
    const { kept, send } = harness();
    for (let epochs = 1; epochs <= KEPT_RUNS + 3; epochs++) {
      send('train-start', {});
      send('train-end', result(epochs));
    }
    expect(kept.runs.map((r) => r.config.epochs)).toEqual([11, 10, 9, 8, 7, 6, 5, 4]);
    expect(new Set(kept.runs.map((r) => r.id)).size).toBe(KEPT_RUNS);
  });

  it('keeps a stopped run, but not the first epochs step() and reset() train, nor a run stopped before its first epoch', () => {
    const { host, kept, send } = harness();
    send('train-end', { ...result(3), stopReason: 'stopped' });
    host.stepping = true;
    send('train-end', result(1));
    host.stepping = false;
    send('train-end', result(0));
    expect(kept.runs.map((r) => r.history.length)).toEqual([3]);
  });

  it('puts the final diagnosis into the run that ended last, in place, and none into a run started since', () => {
    const { kept, send } = harness();
    send('train-end', result(2));
    const [first] = kept.runs;
    send('diagnosis', diagnosis('lr-too-low', true));
    expect(first!.diagnosis).toMatchObject({ code: 'lr-too-low', final: true });
    send('train-end', result(3));
    send('train-start', {});
    send('diagnosis', diagnosis('lr-too-high', true));
    expect(kept.runs.map((r) => r.diagnosis?.code)).toEqual(['ok', 'lr-too-low']);
  });

  it("keeps a run's settings without a CSV's rows, and its epochs without their batch losses", () => {
    const { kept, send } = harness();
    const data = { task: 'regression' } as unknown as RunConfig['data'];
    const ended = result(2, { scenario: 'custom', data });
    ended.history.forEach((h) => (h.stepLosses = [1, 2, 3]));
    send('train-end', ended);
    expect(kept.runs[0]!.config.scenario).toBe('custom');
    expect('data' in kept.runs[0]!.config).toBe(false);
    expect(kept.runs[0]!.history.map((h) => [h.epoch, h.validLoss, 'stepLosses' in h])).toEqual([[1, 1, false], [2, 1, false]]);
  });

  it('compares with a kept run until cleared, and throws a RangeError for an id it does not hold, changing nothing', () => {
    const { host, kept, send } = harness();
    send('train-end', result(2));
    send('train-end', result(3));
    const earlier = kept.runs[1]!;
    kept.compare(earlier.id);
    expect(kept.compared).toBe(earlier);
    const updates = host.updates;
    expect(() => kept.compare('run-nope')).toThrow(RangeError);
    expect(kept.compared).toBe(earlier);
    expect(host.updates).toBe(updates);
    // A newer run does not clear it, even once the compared run falls off the list.
    for (let i = 0; i < KEPT_RUNS; i++) send('train-end', result(4));
    expect(kept.runs).not.toContain(earlier);
    expect(kept.compared).toBe(earlier);
    kept.compare(null);
    expect(kept.compared).toBeNull();
  });

  it('hands out a copy of its list', () => {
    const { kept, send } = harness();
    send('train-end', result(2));
    kept.runs.pop();
    expect(kept.runs).toHaveLength(1);
  });
});

describe('kept runs as JSON', () => {
  it('exports the runs and imports them on another page after its own, with new ids, up to the cap', () => {
    const first = harness();
    first.send('train-end', result(3, { maxLr: 0.1 }));
    first.send('train-end', result(5, { maxLr: 0.01 }));
    const json = first.kept.exportJson();
    const second = harness();
    second.send('train-end', result(7));
    const added = second.kept.importJson(json);
    expect(added.map((r) => [r.config.epochs, r.config.maxLr])).toEqual([[5, 0.01], [3, 0.1]]);
    expect(second.kept.runs.map((r) => r.config.epochs)).toEqual([7, 5, 3]);
    expect(new Set(second.kept.runs.map((r) => r.id)).size).toBe(3);
    expect(added.map((r) => r.id)).not.toEqual(first.kept.runs.map((r) => r.id));
    second.kept.compare(added[1]!.id);
    expect(second.kept.compared?.config.maxLr).toBe(0.1);
  });

  it.each([
    ['text that is not JSON', 'runs', /not JSON/],
    ['JSON of something else', '{"runs": []}', /not training-playground-runs version 1/],
    ['a run without epochs', JSON.stringify({ format: 'training-playground-runs', version: 1, runs: [{ config: { scenario: 'line', epochs: 3 }, history: [] }] }), /Run 1 of these has no settings or no epochs/],
  ])('refuses %s and keeps what it had', (_, text, message) => {
    const { kept, send } = harness();
    send('train-end', result(4));
    const before = kept.runs;
    expect(() => kept.importJson(text)).toThrow(message);
    expect(kept.runs).toEqual(before);
  });
});
