import { describe, expect, it } from 'vitest';
import type { TrainedModel } from '../types';
import { mlpLayers, type Layer } from './layers';
import { cnnLayers } from './cnn';
import { decodeModel, encodeModel, modelWeightCount, ModelFileError } from './model-file';
import { decodeSafetensors, encodeSafetensors, SafetensorsError, type NamedTensor } from './safetensors';
import { prediction } from './predict';

/** Weights that tell every position apart, with values whose float32 bits are not round. */
function modelOf(layers: Layer[], classNames: string[]): TrainedModel {
  const weights = Float32Array.from({ length: modelWeightCount(layers) }, (_, i) => Math.sin(i + 1) / 3);
  return { layers, weights, classNames, config: { scenario: 'digits', epochs: 3 } as TrainedModel['config'] };
}

const digitsModel = () => modelOf(mlpLayers(64, [7], 10), Array.from({ length: 10 }, (_, i) => String(i)));

/** A header of our own, for files that lie about themselves. */
function fileWithHeader(header: object, dataBytes = 0): Uint8Array {
  const json = new TextEncoder().encode(JSON.stringify(header));
  const bytes = new Uint8Array(8 + json.length + dataBytes);
  new DataView(bytes.buffer).setBigUint64(0, BigInt(json.length), true);
  bytes.set(json, 8);
  return bytes;
}

describe('safetensors', () => {
  it('writes the format byte for byte: u64 header length, JSON padded to 8 with spaces, little-endian data in order', () => {
    const bytes = encodeSafetensors([{ name: 'a', shape: [2], data: Float32Array.of(1.5, -2) }, { name: 'n', shape: [], data: BigInt64Array.of(7n) }], { k: 'v' });
    const length = Number(new DataView(bytes.buffer).getBigUint64(0, true));
    expect(length % 8).toBe(0);
    const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + length)));
    expect(header).toEqual({ __metadata__: { k: 'v' }, a: { dtype: 'F32', shape: [2], data_offsets: [0, 8] }, n: { dtype: 'I64', shape: [], data_offsets: [8, 16] } });
    const data = new DataView(bytes.buffer, 8 + length);
    expect([data.getFloat32(0, true), data.getFloat32(4, true), data.getBigInt64(8, true)]).toEqual([1.5, -2, 7n]);
    expect(bytes.length).toBe(8 + length + 16);
  });

  it('reads back what it wrote, tensor for tensor', () => {
    const tensors: NamedTensor[] = [
      { name: 'w', shape: [3, 1], data: Float32Array.of(0.1, NaN, -Infinity) },
      { name: 'empty', shape: [0], data: new Float32Array(0) },
    ];
    const { tensors: read, metadata } = decodeSafetensors(encodeSafetensors(tensors, {}));
    expect(metadata).toEqual({});
    expect(read.get('w')).toEqual(tensors[0]);
    expect(read.get('empty')!.data.length).toBe(0);
  });

  it.each([
    ['fewer than 8 bytes', new Uint8Array(5), /too short/],
    ['a header longer than the file', fileWithHeader({ __metadata__: { name: 'a model' } }).subarray(0, 20), /truncated or not a safetensors/],
    ['a header that is not JSON', (() => { const b = fileWithHeader({ a: 1 }); b[9] = 0x7b; b[10] = 0x7b; return b; })(), /not JSON/],
    ['a header that is a list', fileWithHeader([1, 2]), /not a JSON object/],
    ['metadata that is not strings', fileWithHeader({ __metadata__: { a: 1 } }), /__metadata__/],
    ['a dtype it does not read', fileWithHeader({ w: { dtype: 'F16', shape: [1], data_offsets: [0, 2] } }, 2), /F16/],
    ['a shape that is not whole numbers', fileWithHeader({ w: { dtype: 'F32', shape: [1.5], data_offsets: [0, 4] } }, 4), /shape/],
    ['offsets past the data (a cut file)', fileWithHeader({ w: { dtype: 'F32', shape: [4], data_offsets: [0, 16] } }, 8), /truncated/],
    ['offsets that do not match the shape', fileWithHeader({ w: { dtype: 'F32', shape: [3], data_offsets: [0, 8] } }, 8), /needs 12 bytes/],
    ['a gap between tensors', fileWithHeader({ w: { dtype: 'F32', shape: [1], data_offsets: [4, 8] } }, 8), /gap/],
    ['bytes no tensor claims', fileWithHeader({ w: { dtype: 'F32', shape: [1], data_offsets: [0, 4] } }, 8), /no tensor claims/],
  ])('refuses %s with a SafetensorsError', (_, bytes, message) => {
    expect(() => decodeSafetensors(bytes)).toThrow(SafetensorsError);
    expect(() => decodeSafetensors(bytes)).toThrow(message);
  });
});

describe('a model file', () => {
  it("names each layer's tensors as PyTorch's nn.Sequential does, a linear weight out × in", () => {
    const model = digitsModel();
    const { tensors, metadata } = decodeSafetensors(encodeModel(model));
    expect([...tensors.keys()].sort()).toEqual(['0.bias', '0.weight', '2.bias', '2.weight']);
    expect(tensors.get('0.weight')!.shape).toEqual([7, 64]);
    // Ours is 64 × 7 row-major: PyTorch's weight[o][i] is ours[i][o].
    const [o, i] = [5, 60];
    expect(tensors.get('0.weight')!.data[o * 64 + i]).toBe(model.weights[i * 7 + o]);
    expect(metadata.format).toBe('training-playground');
    expect(JSON.parse(metadata.layers!)).toEqual(model.layers);
    expect(JSON.parse(metadata.class_names!)).toEqual(model.classNames);
  });

  it("holds a CNN's conv weights out × in × k × k and its batch norms' statistics under PyTorch's names", () => {
    const layers = cnnLayers('cnn-tiny', { channels: 1, height: 28, width: 28 }, 10);
    const { tensors } = decodeSafetensors(encodeModel(modelOf(layers, Array.from({ length: 10 }, String))));
    expect(tensors.get('0.weight')!.shape).toEqual([8, 1, 3, 3]);
    expect(['1.weight', '1.bias', '1.running_mean', '1.running_var'].map((n) => tensors.get(n)!.shape)).toEqual([[8], [8], [8], [8]]);
    expect(tensors.get('1.num_batches_tracked')).toMatchObject({ shape: [], data: BigInt64Array.of(0n) });
  });

  it('round-trips layers, weights (every bit), class names and settings', () => {
    const layers = cnnLayers('cnn-small', { channels: 1, height: 28, width: 28 }, 10);
    const model = modelOf(layers, Array.from({ length: 10 }, (_, i) => `class ${i}`));
    const again = decodeModel(encodeModel(model));
    expect(again).toEqual(model);
    expect(new Uint32Array(again.weights.buffer)).toEqual(new Uint32Array(model.weights.buffer));
  });

  /** The model file with its metadata or tensors changed. */
  function altered(change: (metadata: Record<string, string>, tensors: NamedTensor[]) => void): Uint8Array {
    const { tensors, metadata } = decodeSafetensors(encodeModel(digitsModel()));
    const list = [...tensors.values()];
    change(metadata, list);
    return encodeSafetensors(list, metadata);
  }

  it.each([
    ['a file that is not safetensors', new TextEncoder().encode('just some text, not a model'), /Not a model file/],
    ['a safetensors file from elsewhere', encodeSafetensors([], {}), /not saved by training-playground/],
    ['another version', altered((m) => (m.version = '2')), /version 2; this playground reads version 1/],
    ['no layers', altered((m) => delete m.layers), /no layers/],
    ['layers that are not JSON', altered((m) => (m.layers = '[{')), /layers is not JSON/],
    ['an unknown layer', altered((m) => (m.layers = JSON.stringify([{ kind: 'attention' }]))), /unknown kind attention/],
    ['layers that do not chain', altered((m) => (m.layers = JSON.stringify(mlpLayers(64, [7], 10).map((l, i) => (i === 2 ? { ...l, inputs: 8 } : l))))), /takes 8 inputs where the layer before gives 7/],
    ['a class name too many', altered((m) => (m.class_names = JSON.stringify(Array.from({ length: 11 }, String)))), /10 outputs but 11 class names/],
    ['a missing tensor', altered((_, t) => t.splice(1, 1)), /no tensor 0.bias/],
    ['a tensor of the wrong shape', altered((_, t) => (t[0] = { name: '0.weight', shape: [64, 7], data: t[0]!.data })), /0.weight is \[64,7\]; layer 0 \(linear\) needs float32 \[7,64\]/],
    ['a tensor no layer takes', altered((_, t) => t.push({ name: '9.weight', shape: [1], data: new Float32Array(1) })), /no layer takes: 9.weight/],
  ])('refuses %s with a ModelFileError that says why', (_, bytes, message) => {
    expect(() => decodeModel(bytes)).toThrow(ModelFileError);
    expect(() => decodeModel(bytes)).toThrow(message);
  });
});

describe('a prediction from logits', () => {
  it("softmax's probabilities and the first largest logit's class; one logit is a sigmoid's two classes", () => {
    const many = prediction(Float32Array.of(1, 3, 3, -2), ['a', 'b', 'c', 'd']);
    expect(many.classIndex).toBe(1);
    expect(many.className).toBe('b');
    expect(many.probabilities.reduce((a, b) => a + b)).toBeCloseTo(1, 12);
    expect(many.probabilities[1]).toBeCloseTo(Math.exp(3) / (Math.exp(1) + 2 * Math.exp(3) + Math.exp(-2)), 12);
    const one = prediction(Float32Array.of(Math.log(3)), ['benign', 'malignant']);
    expect(one.className).toBe('malignant');
    expect(one.probabilities[1]).toBeCloseTo(0.75, 6);
    expect(prediction(Float32Array.of(0), ['no', 'yes']).classIndex).toBe(0);
  });
});
