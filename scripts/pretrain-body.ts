/**
 * Pretrains a network's body for the fashion scenario with our own engine (the CPU twin,
 * deterministic for its seed), on the 54,597 photos of Fashion-MNIST's original training
 * file that the shipped subset leaves out (its images 5403 on: ../shared/data/fashion-mnist's
 * rule), judged on the shipped test photos. It writes the body
 * (`public/data/fashion-<model>-body.f32.gz`, Sequential.readState's order) and its record
 * (`…-body.json`): how it was trained, its validation error, and what a learner's run reaches
 * from it, frozen with a fresh head, beside the same run from scratch. The record's `check`
 * is what backbones.test.ts trains again (± 1 %).
 *
 * Run by scripts/pretrain.mjs:
 * @example
 * // npm run pretrain -- --full /tmp/fm/full/usr/share/datasets/fashion-mnist --model cnn-small --epochs 4
 * await main(['--full', '/tmp/fm/full/usr/share/datasets/fashion-mnist', '--model', 'cnn-tiny', '--epochs', '4']);
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { cpuBackend } from '../src/engine/backends';
import { createEngine } from '../src/engine/create-engine';
import { defaultConfig } from '../src/train/config';
import { uploadData } from '../src/train/data/device-data';
import { FASHION_CLASSES, idxDataset, prepareImages, type ImageDataset } from '../src/train/data/fashion';
import { pairIdx, parseIdxImages, parseIdxLabels, type IdxImageSet } from '../src/train/data/idx';
import { trainModel } from '../src/train/loop/trainer';
import { cnnBodyLength, cnnLayers, CNN_NAMES } from '../src/train/model/cnn';
import { Sequential } from '../src/train/model/sequential';
import type { CnnName, RunConfig } from '../src/train/types';

/** The full set's files, as ../shared/data/fashion-mnist/README.md gives their sha256. */
const FULL_FILES = {
  images: ['train-images-idx3-ubyte.gz', 'b0564c3eedabfbf835052cff8503ea422014ce006caf5b757f851416ee8300c7'],
  labels: ['train-labels-idx1-ubyte.gz', '0ae29f65d86684f32d1b9c85147786c547b9c6aebcaf235f0400a0cce308b056'],
} as const;
/** The shipped training photos are the original file's images 0–5402; a body never sees them. */
const FIRST_UNSHIPPED = 5403;

/** What a pretraining wrote down: backbones.test.ts and the README read it. */
export interface BackboneRecord {
  model: CnnName;
  values: number;
  sha256: string;
  pretraining: { data: string; photos: number; config: Partial<RunConfig>; validError: number; validLoss: number; seconds: number; history: { epoch: number; trainLoss: number; validLoss: number; errorRate: number | null }[] };
  /** Learner runs at the defaults (5,000 photos) and at 50 a class (train-size 500), pretrained (frozen) and from scratch. */
  transfer: { trainSize: number; pretrained: number; scratch: number }[];
  /** The run the test repeats: its config, and the validation error it reached. */
  check: { config: Partial<RunConfig>; validError: number };
}

function readIdx(dir: string, file: keyof typeof FULL_FILES): Uint8Array {
  const [name, sha] = FULL_FILES[file];
  const gz = readFileSync(`${dir}/${name}`);
  const got = createHash('sha256').update(gz).digest('hex');
  if (got !== sha) throw new Error(`${dir}/${name} has sha256 ${got}, not Fashion-MNIST's ${sha}.`);
  return gunzipSync(gz);
}

function shipped(file: string): Uint8Array {
  return gunzipSync(readFileSync(new URL(`../public/data/${file}`, import.meta.url)));
}

/** Rows from..count of an IDX set. */
function slice(set: IdxImageSet, from: number): IdxImageSet {
  const size = set.height * set.width;
  return { ...set, count: set.count - from, pixels: set.pixels.subarray(from * size), labels: set.labels.subarray(from) };
}

function option(args: string[], name: string, fallback?: string): string {
  const at = args.indexOf(`--${name}`);
  const value = at >= 0 ? args[at + 1] : fallback;
  if (value === undefined) throw new Error(`Give --${name}.`);
  return value;
}

export async function main(args: string[]): Promise<BackboneRecord[]> {
  const dir = option(args, 'full');
  const models = option(args, 'model', CNN_NAMES.join(',')).split(',') as CnnName[];
  for (const model of models) if (!CNN_NAMES.includes(model)) throw new Error(`--model is one or more of ${CNN_NAMES.join(', ')}.`);
  const epochs = Number(option(args, 'epochs', '4'));
  const full = pairIdx(parseIdxImages(readIdx(dir, 'images')), parseIdxLabels(readIdx(dir, 'labels')), 'The full training set');
  const pretrainSet = slice(full, FIRST_UNSHIPPED);
  const test = await idxDataset(pairIdx(parseIdxImages(shipped('fashion-test-100-images-idx3-ubyte.gz')), parseIdxLabels(shipped('fashion-test-100-labels-idx1-ubyte.gz'))), FASHION_CLASSES);
  const { imageShape, ...valid } = test;
  const dataset: ImageDataset = { ...(await idxDataset(pretrainSet, FASHION_CLASSES)), valid };
  const data = `Fashion-MNIST's original training file, images ${FIRST_UNSHIPPED}–${full.count - 1}; validated on the shipped 1,000 test photos`;
  const pretrained = [];
  for (const model of models) pretrained.push(await pretrain(dataset, model, epochs, data));
  // Every body is written now: the learner's runs load them as the element does.
  const records = [];
  for (const { model, body, pretraining } of pretrained) {
    const transfer = await transferRuns(model);
    const bytes = new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
    const record: BackboneRecord = {
      model,
      values: body.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      pretraining,
      transfer,
      check: { config: checkConfig(model), validError: transfer.find((t) => t.trainSize === CHECK_TRAIN_SIZE)!.pretrained },
    };
    writeFileSync(new URL(`../public/data/fashion-${model}-body.json`, import.meta.url), JSON.stringify(record, null, 2) + '\n');
    records.push(record);
  }
  return records;
}

/** The learner's run the test repeats: 50 photos a class, the pretrained body frozen, a fresh head. */
const CHECK_TRAIN_SIZE = 500;
const checkConfig = (model: CnnName): Partial<RunConfig> => ({ scenario: 'fashion', model, seed: 0, trainSize: CHECK_TRAIN_SIZE, pretrained: 'on', stage: 'frozen' });

/** Trains `model` from scratch on the pretraining photos and writes its body; returns it with how it went. */
async function pretrain(dataset: ImageDataset, model: CnnName, epochs: number, data: string): Promise<{ model: CnnName; body: Float32Array; pretraining: BackboneRecord['pretraining'] }> {
  const config: RunConfig = { ...defaultConfig('fashion'), model, epochs, pretrained: 'off', stage: 'unfrozen', trainSize: dataset.rows, seed: 0 };
  const backend = await cpuBackend();
  const device = await uploadData(backend, await prepareImages(dataset, config));
  const started = performance.now();
  const outcome = await trainModel(backend, device, config, {
    keepState: true,
    onEpoch: (s) => console.log(`[${model}] epoch ${s.epoch}: train ${s.trainLoss.toFixed(4)} valid ${s.validLoss.toFixed(4)} error ${percent(s.errorRate!)} (${(s.elapsedMs / 1000).toFixed(0)} s)`),
  });
  const seconds = (performance.now() - started) / 1000;
  if (outcome.stopReason !== 'done' || !outcome.state) throw new Error(`Pretraining ${model} ended '${outcome.stopReason}'.`);
  // The body is the state's first stretch: readState goes block by block, the body's first.
  const sizer = new Sequential(backend, cnnLayers(model, dataset.imageShape, FASHION_CLASSES.length));
  const body = outcome.state.slice(0, sizer.stateLength(cnnBodyLength(model)));
  sizer.dispose();
  writeFileSync(new URL(`../public/data/fashion-${model}-body.f32.gz`, import.meta.url), gzipSync(new Uint8Array(body.buffer), { level: 9 }));
  const last = outcome.history.at(-1)!;
  console.log(`[${model}] body: ${body.length} values, ${(seconds / 60).toFixed(1)} min, valid error ${percent(last.errorRate!)}`);
  return {
    model,
    body,
    pretraining: {
      data,
      photos: dataset.rows,
      config: { model, epochs, maxLr: config.maxLr, batchSize: config.batchSize, optimizer: config.optimizer, schedule: config.schedule, augment: config.augment, seed: config.seed },
      validError: last.errorRate!,
      validLoss: last.validLoss,
      seconds: Math.round(seconds),
      history: outcome.history.map((h) => ({ epoch: h.epoch, trainLoss: h.trainLoss, validLoss: h.validLoss, errorRate: h.errorRate })),
    },
  };
}

/** A learner's runs through the engine, as the element calls it: pretrained (frozen, fresh head) and from scratch, at the defaults and at 50 a class. */
async function transferRuns(model: CnnName): Promise<BackboneRecord['transfer']> {
  const engine = await createEngine({ backend: 'cpu', worker: false });
  const error = async (change: Partial<RunConfig>) => (await engine.train({ scenario: 'fashion', model, seed: 0, ...change }, { whatIf: false })).history.at(-1)!.errorRate!;
  const transfer = [];
  for (const trainSize of [5000, CHECK_TRAIN_SIZE]) {
    const pretrained = await error({ ...checkConfig(model), trainSize });
    const scratch = await error({ trainSize, pretrained: 'off', stage: 'unfrozen' });
    console.log(`[${model}] train-size ${trainSize}: pretrained (frozen) ${percent(pretrained)}, from scratch ${percent(scratch)}`);
    transfer.push({ trainSize, pretrained, scratch });
  }
  engine.dispose();
  return transfer;
}

const percent = (rate: number) => `${(rate * 100).toFixed(1)} %`;
