import { describe, expect, it } from 'vitest';
import type { Diagnosis, WhatIf } from '../engine/index';
import { citedGhost, clearOf, ghostExit, ghostStyle, nearestGhost, spreadLabels } from './ghost-marks';

const box = { xMin: 0, xMax: 100, yMin: 0.01, yMax: 1 };

describe('where a ghost leaves the chart', () => {
  it('leaves nothing to mark when the ghost ends inside the plot', () => {
    expect(ghostExit([{ x: 1, y: 0.5 }, { x: 100, y: 0.05 }], box)).toBeNull();
  });

  it('marks a ghost that trains longer than the run at the right edge, where its line crosses it', () => {
    const exit = ghostExit([{ x: 50, y: 0.1 }, { x: 150, y: 0.01 }, { x: 300, y: 0.02 }], box)!;
    expect(exit.edge).toBe('right');
    expect(exit.x).toBeCloseTo(100, 9);
    // Halfway along the first segment, in decades: between 0.1 and 0.01, at 10^-1.5.
    expect(exit.y).toBeCloseTo(10 ** -1.5, 9);
  });

  it('marks a ghost that climbs above the plot at the top edge, and one that falls below it at the bottom', () => {
    const up = ghostExit([{ x: 10, y: 0.1 }, { x: 20, y: 10 }], box)!;
    expect(up.edge).toBe('top');
    expect(up.y).toBeCloseTo(1, 9);
    expect(up.x).toBeCloseTo(15, 9);
    const down = ghostExit([{ x: 10, y: 0.1 }, { x: 20, y: 1e-4 }], box)!;
    expect(down.edge).toBe('bottom');
    expect(down.x).toBeCloseTo(13.333, 3);
  });

  it('marks the last time a ghost leaves, when it goes out and comes back before leaving again', () => {
    const exit = ghostExit([{ x: 10, y: 0.1 }, { x: 20, y: 100 }, { x: 30, y: 0.1 }, { x: 200, y: 0.1 }], box)!;
    expect(exit.edge).toBe('right');
    expect(exit.y).toBeCloseTo(0.1, 9);
  });

  it('marks a diverged ghost whose last finite loss is inside the plot at the top, above that point', () => {
    expect(ghostExit([{ x: 1, y: 0.5 }, { x: 2, y: 0.9 }], box, true)).toEqual({ x: 2, y: 1, edge: 'top' });
  });

  it('pulls a ghost that is never inside the plot onto the nearest edge at its end', () => {
    const exit = ghostExit([{ x: 1, y: 100 }, { x: 50, y: 1000 }], box)!;
    expect(exit.edge).toBe('top');
    expect(exit.x).toBeCloseTo(50, 9);
    expect(exit.y).toBeCloseTo(1, 9);
  });

  it('marks nothing for a ghost with no finite loss or a plot without a range', () => {
    expect(ghostExit([], box)).toBeNull();
    expect(ghostExit([{ x: 1, y: 5 }], { ...box, yMin: 0 })).toBeNull();
  });
});

describe('the labels beside the markers', () => {
  it('stay where they are wished when they do not overlap', () => {
    expect(spreadLabels([10, 50], [10, 10], 0, 100)).toEqual([10, 50]);
  });

  it('are pushed apart by their sizes and a gap, in the order of their wishes', () => {
    expect(spreadLabels([30, 20], [10, 10], 0, 100, 2)).toEqual([32, 20]);
  });

  it('stay inside the edge, sliding back together from its end', () => {
    expect(spreadLabels([98, 99], [10, 10], 0, 100, 0)).toEqual([85, 95]);
    expect(spreadLabels([1], [10], 0, 100)).toEqual([5]);
  });
});

describe('a value beside a marker', () => {
  it('stays where it is wished when no curve of the run is near', () => {
    expect(clearOf(50, [100, 200], 10)).toBe(50);
  });

  it('moves off the run\'s curve to the side it was wished on', () => {
    expect(clearOf(98, [100], 10)).toBe(90);
    expect(clearOf(103, [100], 10)).toBe(110);
  });

  it('moves past both curves when the train and valid losses end close together', () => {
    expect(clearOf(104, [100, 112], 10)).toBe(122);
  });

  it('moves to the other side when its own side has no room on the plot', () => {
    expect(clearOf(104, [100, 112], 10, 0, 115)).toBe(90);
  });
});

const whatIf = (change: WhatIf['change'], finalValidLoss = 0.1): WhatIf => ({ code: 'lr-too-low', change, finalValidLoss, gain: 1, history: [] });
const diagnosis = (evidence: WhatIf[], cited: number | undefined, final = true): Diagnosis => ({
  code: 'lr-too-low', message: '', bestEpoch: 1, evidence, final, ...(cited === undefined ? {} : { cited }),
});

describe('the ghost drawn bold as the evidence', () => {
  const whatIfs = [whatIf({ maxLr: 0.01 }), whatIf({ maxLr: 1 }), whatIf({ epochs: 300 })];

  it('is the what-if the final diagnosis cites', () => {
    expect(citedGhost(whatIfs, diagnosis(whatIfs, 2))).toBe(2);
  });

  it('is found by its change when the evidence is a copy of the what-ifs', () => {
    expect(citedGhost(whatIfs, diagnosis([whatIf({ maxLr: 0.01 }), whatIf({ maxLr: 1 })], 1))).toBe(1);
  });

  it('is none while the diagnosis is provisional, cites nothing, or is absent', () => {
    expect(citedGhost(whatIfs, diagnosis(whatIfs, 0, false))).toBe(-1);
    expect(citedGhost(whatIfs, diagnosis(whatIfs, undefined))).toBe(-1);
    expect(citedGhost(whatIfs, diagnosis(whatIfs, 7))).toBe(-1);
    expect(citedGhost(whatIfs, null)).toBe(-1);
  });

  it('is drawn at least 2.5 px wide in full colour, the others thin and faint', () => {
    expect(ghostStyle(true).width).toBeGreaterThanOrEqual(2.5);
    expect(ghostStyle(true).alpha).toBe(1);
    expect(ghostStyle(false).width).toBeLessThan(ghostStyle(true).width);
    expect(ghostStyle(false).alpha).toBeLessThanOrEqual(0.4);
  });
});

describe('the ghost under the cursor', () => {
  const ghosts = [
    { lines: [[{ x: 0, y: 0 }, { x: 100, y: 0 }]], marker: null },
    { lines: [[{ x: 0, y: 20 }, { x: 100, y: 20 }]], marker: { x: 100, y: 20 } },
  ];

  it('is the one whose line passes nearest, within reach', () => {
    expect(nearestGhost({ x: 50, y: 3 }, ghosts)).toBe(0);
    expect(nearestGhost({ x: 50, y: 14 }, ghosts)).toBe(1);
  });

  it('is none when every line is farther than the reach', () => {
    expect(nearestGhost({ x: 50, y: 10 }, ghosts, 8)).toBe(-1);
  });

  it('is found by its marker too', () => {
    expect(nearestGhost({ x: 105, y: 24 }, [{ lines: [], marker: { x: 100, y: 20 } }])).toBe(0);
  });
});
