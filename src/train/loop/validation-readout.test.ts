import { describe, expect, it } from 'vitest';
import { TOP_LOSSES } from '../types';
import { readLogits } from './validation-readout';

/** A seeded uniform generator, so the awkward sizes below are the same every run. */
function uniform(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/** −log of the actual class's probability in float64, the reference. */
function referenceLoss(row: number[], actual: number): number {
  if (row.length === 1) {
    const p1 = 1 / (1 + Math.exp(-row[0]!));
    return -Math.log(actual === 1 ? p1 : 1 - p1);
  }
  const exps = row.map(Math.exp);
  return -Math.log(exps[actual]! / exps.reduce((a, b) => a + b, 0));
}

describe('readLogits: confusion and top losses from the last validation pass', () => {
  for (const [rows, classes] of [[1, 10], [7, 3], [63, 2], [65, 10], [1000, 10]] as const) {
    it(`agrees with a float64 reference on ${rows} rows of ${classes} classes`, () => {
      const next = uniform(rows * 31 + classes);
      const outputs = classes === 2 ? 1 : classes;
      const logits = Float32Array.from({ length: rows * outputs }, () => (next() - 0.5) * 8);
      const labels = Float32Array.from({ length: rows }, () => Math.floor(next() * classes));
      const { predictions, confusion, topLosses } = readLogits(logits, labels, outputs, classes);
      const rowsOf = (r: number) => Array.from(logits.subarray(r * outputs, (r + 1) * outputs));
      const expectedClass = (r: number) => (outputs === 1 ? (logits[r]! > 0 ? 1 : 0) : rowsOf(r).indexOf(Math.max(...rowsOf(r))));
      expect(predictions).toEqual(Array.from({ length: rows }, (_, r) => expectedClass(r)));
      const expected = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
      labels.forEach((actual, r) => expected[actual]![expectedClass(r)]!++);
      expect(confusion).toEqual(expected);
      const losses = Array.from(labels, (actual, r) => referenceLoss(rowsOf(r), actual));
      const worst = losses.map((loss, index) => ({ loss, index })).sort((a, b) => b.loss - a.loss || a.index - b.index).slice(0, TOP_LOSSES);
      expect(topLosses!.map((t) => t.index)).toEqual(worst.map((w) => w.index));
      topLosses!.forEach((t, i) => {
        expect(t.loss).toBeCloseTo(worst[i]!.loss, 10);
        expect(t.actual).toBe(labels[t.index]);
        expect(t.predicted).toBe(expectedClass(t.index));
        expect(t.probability).toBeCloseTo(Math.exp(-worst[i]!.loss), 10);
      });
    });
  }

  it('keeps a binary loss finite for a confident wrong logit, and puts a NaN row first', () => {
    const { topLosses } = readLogits(Float32Array.of(-200, 1, Number.NaN), Float32Array.of(1, 1, 0), 1, 2);
    expect(topLosses![0]!.index).toBe(2);
    expect(topLosses![1]).toMatchObject({ index: 0, actual: 1, predicted: 0, loss: 200 });
  });
});
