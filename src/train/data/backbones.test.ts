import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CpuBackend } from '../../cpu/cpu-backend';
import { createEngine } from '../../engine/create-engine';
import { cnnBodyLength, cnnLayers, CNN_NAMES } from '../model/cnn';
import { Sequential } from '../model/sequential';
import type { RunConfig } from '../types';
import { loadBackbones, parseBackbone } from './backbones';

/** What `npm run pretrain` wrote beside each body (scripts/pretrain-body.ts). */
interface Record {
  values: number;
  sha256: string;
  check: { config: Partial<RunConfig>; validError: number };
}
const record = (model: string): Record => JSON.parse(readFileSync(new URL(`../../../public/data/fashion-${model}-body.json`, import.meta.url), 'utf8'));
const wrong = (why: string) => new Error(why);

describe('the pretrained bodies', async () => {
  const bodies = await loadBackbones();

  it.each(CNN_NAMES)('%s: loads, fits its network and is the body its record describes', async (model) => {
    const body = bodies[model]!;
    const { values, sha256 } = record(model);
    expect(body.length).toBe(values);
    expect(createHash('sha256').update(new Uint8Array(body.buffer, body.byteOffset, body.byteLength)).digest('hex')).toBe(sha256);
    const net = new Sequential(new CpuBackend(), cnnLayers(model, { channels: 1, height: 28, width: 28 }, 10));
    expect(net.stateLength(cnnBodyLength(model))).toBe(values);
    net.loadState(body, cnnBodyLength(model));
    expect(Array.from(await net.readState(cnnBodyLength(model)))).toEqual(Array.from(body));
    expect(() => net.loadState(body.subarray(1), cnnBodyLength(model))).toThrow(/does not fit/);
    net.dispose();
  });

  // The record's check: 50 photos a class, the body frozen, a fresh head, fit_one_cycle(4).
  it.each(CNN_NAMES)('%s: frozen, with a freshly trained head, reaches the validation error the pretraining recorded, within 1 point', async (model) => {
    const { check } = record(model);
    const engine = await createEngine({ backend: 'cpu', worker: false });
    const result = await engine.train(check.config, { whatIf: false });
    engine.dispose();
    expect(result.stopReason).toBe('done');
    expect(Math.abs(result.history.at(-1)!.errorRate! - check.validError)).toBeLessThanOrEqual(0.01);
  }, 300_000);

  it('refuses a file that is not float32 values, or holds a value that is not finite', () => {
    expect(() => parseBackbone(new Uint8Array([1, 2, 3]), wrong)).toThrow(/multiple of 4/);
    expect(() => parseBackbone(new Uint8Array(0), wrong)).toThrow(/multiple of 4/);
    expect(() => parseBackbone(new TextEncoder().encode('<!doctype html><p>hi</p>'), wrong)).toThrow(/web page/);
    expect(() => parseBackbone(new Uint8Array([0, 0, 0xc0, 0x7f]), wrong)).toThrow(/not a finite number \(value 0: NaN\)/);
    expect(Array.from(parseBackbone(new Uint8Array([0, 0, 0x80, 0x3f, 0, 0, 0, 0xc0]), wrong))).toEqual([1, -2]);
  });
});
