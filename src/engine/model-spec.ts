/**
 * Trained models through the engine, for one backend: a run's `RunResult.model` predicts
 * what its own last validation pass did, a `.safetensors` file round-trips to the same
 * probabilities to the bit, and a run that did not finish leaves no model.
 *
 * @example
 * import { createEngine } from './create-engine';
 * describeModels(() => createEngine({ backend: 'cpu' }));
 */
import { expect, it } from 'vitest';
import type { Engine } from './api';
import { decodeModel, encodeModel } from '../train/model/model-file';
import type { RunResult, RunSettings } from '../train/types';

/** A CNN's runs take tens of seconds on SwiftShader. */
const PHOTO_TEST_MS = 180_000;

/** Each of `rows` validation rows predicted alone gives the class the run's last validation pass gave it. */
async function expectOwnPredictions(engine: Engine, result: RunResult, rows: number[]): Promise<void> {
  const { features } = await engine.validationRows(result.config, rows);
  for (const [i, row] of rows.entries()) {
    const said = await engine.predict(result.model!, features[i]!);
    expect(said.classIndex, `validation row ${row}`).toBe(result.predictions![row]);
    expect(said.className).toBe(result.model!.classNames[said.classIndex]);
    expect(said.probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
  }
}

/** The model written to a file and read back predicts the same probabilities, to the bit. */
async function expectRoundTrip(engine: Engine, result: RunResult, input: number[]): Promise<void> {
  const again = decodeModel(encodeModel(result.model!));
  expect(again.weights).toEqual(result.model!.weights);
  expect(again.layers).toEqual(result.model!.layers);
  expect(await engine.predict(again, input)).toEqual(await engine.predict(result.model!, input));
}

export function describeModels(get: () => Promise<Engine>): void {
  it('a digits MLP predicts what its last validation pass said, and its file predicts the same to the bit', async () => {
    const engine = await get();
    const settings: RunSettings = { scenario: 'digits', epochs: 3, hidden: [32] };
    const result = await engine.train(settings, { whatIf: false });
    const model = result.model!;
    expect(model.layers.map((l) => l.kind)).toEqual(['linear', 'activation', 'linear']);
    expect(model.weights.length).toBe(64 * 32 + 32 + 32 * 10 + 10);
    expect(model.classNames).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(model.config).toEqual(result.config);
    await expectOwnPredictions(engine, result, [0, 1, 2, 3, 7, 63, 65, 100]);
    const { features } = await engine.validationRows(result.config, [5]);
    await expectRoundTrip(engine, result, features[0]!);
  });

  it("cancer's one sigmoid output gives two classes by name, and the seeds' run keeps the first seed's model", async () => {
    const engine = await get();
    const result = await engine.train({ scenario: 'cancer', epochs: 4, seeds: 3 }, { whatIf: false });
    expect(result.model!.classNames).toHaveLength(2);
    expect(result.model!.classNames.every((n) => n.length > 0)).toBe(true);
    await expectOwnPredictions(engine, result, [0, 1, 2, 50]);
  });

  it("line's model holds its (a, b); it is a regression, so predict refuses it", async () => {
    const engine = await get();
    const result = await engine.train({ scenario: 'line', epochs: 10 }, { whatIf: false });
    expect(Array.from(result.model!.weights)).toEqual(result.params);
    expect(result.model!.classNames).toEqual([]);
    await expect(engine.predict(result.model!, [1, 1])).rejects.toThrow(/regression/);
  });

  it('a stopped run and a diverged run leave no model; a wrong-sized input is a RangeError', async () => {
    const engine = await get();
    const stopped = await engine.train({ scenario: 'digits', epochs: 5 }, { whatIf: false, stopAfter: 2 });
    expect(stopped.stopReason).toBe('stopped');
    expect(stopped.model).toBeUndefined();
    const diverged = await engine.train({ scenario: 'line', maxLr: 10 }, { whatIf: false });
    expect(diverged.stopReason).toBe('diverged');
    expect(diverged.model).toBeUndefined();
    const done = await engine.train({ scenario: 'digits', epochs: 1 }, { whatIf: false });
    await expect(engine.predict(done.model!, [1, 2, 3])).rejects.toThrow(/takes 64 values/);
  });

  it("a photo CNN's model (batch norms' running statistics included) predicts its validation pass, and round-trips to the bit", async () => {
    const engine = await get();
    const result = await engine.train({ scenario: 'fashion', model: 'cnn-tiny', trainSize: 128, epochs: 1, batchSize: 16 }, { whatIf: false });
    expect(result.model!.layers.filter((l) => l.kind === 'batchnorm')).toHaveLength(2);
    expect(result.model!.classNames[9]).toBe('Ankle boot');
    await expectOwnPredictions(engine, result, [0, 1, 999]);
    const { features } = await engine.validationRows(result.config, [3]);
    await expectRoundTrip(engine, result, features[0]!);
  }, PHOTO_TEST_MS);
}
