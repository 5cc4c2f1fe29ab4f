/**
 * A trained model as a `.safetensors` file (safetensors.ts) that PyTorch loads into the same
 * network: each layer with parameters under its index in the list, with PyTorch's names and
 * layouts (`3.weight` out × in for a linear layer, which holds it in × out here; a conv's
 * out × in × k × k as it is; a batch norm's weight, bias, running_mean, running_var and
 * num_batches_tracked), so `nn.Sequential(...).load_state_dict(load_file(path))` takes it
 * (README shows the few lines). The `__metadata__` holds the layer list, class names and the
 * settings as JSON, and the format's name and version. Reading checks all of it against the
 * layer list before a single value is used: a wrong version, a missing or misshapen tensor
 * is an error naming it.
 *
 * @example
 * // RunResult.model
 * // given: const model: TrainedModel
 * const bytes = encodeModel(model);
 * const again = decodeModel(bytes); // again.weights equals model.weights, value for value
 */
import type { Layer, TrainedModel } from '../types';
import { layerOutput, valuesPerRow, type ImageSize } from './layers';
import { decodeSafetensors, encodeSafetensors, SafetensorsError, type NamedTensor } from './safetensors';

/** The metadata's `format`: whose file this is. */
export const MODEL_FORMAT = 'training-playground';
/** The layout version this code writes and reads; a change to names, layouts or metadata bumps it. */
export const MODEL_VERSION = '1';

/** Why a file is not a model this playground can load. */
export class ModelFileError extends Error {
  override readonly name = 'ModelFileError';
}

/** One tensor of a layer: PyTorch's name suffix and shape, and how many of the flat weights it takes. */
interface TensorPlace {
  suffix: string;
  shape: number[];
  /** The linear weight: stored in × out here, out × in in PyTorch. */
  transposed?: { rows: number; cols: number };
}

/** A layer's tensors in Sequential.readState's order (its slots, then its running statistics). */
function tensorPlaces(layer: Layer): TensorPlace[] {
  switch (layer.kind) {
    case 'linear':
      return [
        { suffix: 'weight', shape: [layer.outputs, layer.inputs], transposed: { rows: layer.inputs, cols: layer.outputs } },
        ...(layer.bias ? [{ suffix: 'bias', shape: [layer.outputs] }] : []),
      ];
    case 'conv2d':
      return [{ suffix: 'weight', shape: [layer.channels, layer.input.channels, layer.kernel, layer.kernel] }, ...(layer.bias ? [{ suffix: 'bias', shape: [layer.channels] }] : [])];
    case 'batchnorm': {
      const c = [layer.input.channels];
      return [
        { suffix: 'weight', shape: c },
        { suffix: 'bias', shape: c },
        { suffix: 'running_mean', shape: c },
        { suffix: 'running_var', shape: c },
      ];
    }
    default:
      return [];
  }
}

const sizeOf = (shape: number[]) => shape.reduce((n, d) => n * d, 1);

/** rows × cols row-major → cols × rows. */
function transpose(values: Float32Array, rows: number, cols: number): Float32Array {
  const out = new Float32Array(values.length);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out[c * rows + r] = values[r * cols + c]!;
  return out;
}

/** How many weights a layer list holds (TrainedModel.weights' length). */
export function modelWeightCount(layers: readonly Layer[]): number {
  return layers.flatMap(tensorPlaces).reduce((n, p) => n + sizeOf(p.shape), 0);
}

export function encodeModel(model: TrainedModel): Uint8Array {
  const expected = modelWeightCount(model.layers);
  if (model.weights.length !== expected) throw new Error(`This model's layers hold ${expected} weights, not ${model.weights.length}.`);
  const tensors: NamedTensor[] = [];
  let at = 0;
  model.layers.forEach((layer, i) => {
    for (const place of tensorPlaces(layer)) {
      const values = model.weights.slice(at, (at += sizeOf(place.shape)));
      tensors.push({ name: `${i}.${place.suffix}`, shape: place.shape, data: place.transposed ? transpose(values, place.transposed.rows, place.transposed.cols) : values });
    }
    // PyTorch's BatchNorm2d keeps a step counter in its state dict; it matters only without momentum.
    if (layer.kind === 'batchnorm') tensors.push({ name: `${i}.num_batches_tracked`, shape: [], data: new BigInt64Array(1) });
  });
  const { data: _rows, ...config } = model.config as TrainedModel['config'] & { data?: unknown };
  return encodeSafetensors(tensors, {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    layers: JSON.stringify(model.layers),
    class_names: JSON.stringify(model.classNames),
    config: JSON.stringify(config),
  });
}

export function decodeModel(bytes: Uint8Array): TrainedModel {
  let file;
  try {
    file = decodeSafetensors(bytes);
  } catch (error) {
    throw error instanceof SafetensorsError ? new ModelFileError(`Not a model file: ${error.message}`) : error;
  }
  const { tensors, metadata } = file;
  if (metadata.format !== MODEL_FORMAT) throw new ModelFileError(`This .safetensors file was not saved by training-playground (its metadata has no format "${MODEL_FORMAT}").`);
  if (metadata.version !== MODEL_VERSION) throw new ModelFileError(`This model file is version ${metadata.version ?? 'unknown'}; this playground reads version ${MODEL_VERSION}.`);
  const layers = readLayers(parseJson(metadata.layers, 'layers'));
  const classNames = parseJson(metadata.class_names, 'class_names');
  const outputs = outputsOf(layers);
  if (!Array.isArray(classNames) || !classNames.every((n) => typeof n === 'string')) throw new ModelFileError('The metadata\'s class_names is not a list of names.');
  if (classNames.length > 0 && classNames.length !== Math.max(2, outputs)) throw new ModelFileError(`The model has ${outputs} outputs but ${classNames.length} class names.`);
  const config = parseJson(metadata.config, 'config');
  if (typeof config !== 'object' || config === null || Array.isArray(config)) throw new ModelFileError('The metadata\'s config is not a settings object.');
  const weights = new Float32Array(modelWeightCount(layers));
  const used = new Set<string>();
  let at = 0;
  layers.forEach((layer, i) => {
    for (const place of tensorPlaces(layer)) {
      const name = `${i}.${place.suffix}`;
      const tensor = tensors.get(name);
      if (!tensor) throw new ModelFileError(`The file has no tensor ${name}, which layer ${i} (${layer.kind}) needs.`);
      if (!(tensor.data instanceof Float32Array) || tensor.shape.join() !== place.shape.join()) throw new ModelFileError(`Tensor ${name} is [${tensor.shape}]; layer ${i} (${layer.kind}) needs float32 [${place.shape}].`);
      weights.set(place.transposed ? transpose(tensor.data, place.transposed.cols, place.transposed.rows) : tensor.data, at);
      at += tensor.data.length;
      used.add(name);
    }
    if (layer.kind === 'batchnorm') used.add(`${i}.num_batches_tracked`);
  });
  const extra = [...tensors.keys()].filter((name) => !used.has(name));
  if (extra.length > 0) throw new ModelFileError(`The file has tensors no layer takes: ${extra.slice(0, 3).join(', ')}${extra.length > 3 ? ', …' : ''}.`);
  return { layers, weights, classNames: classNames as string[], config: config as TrainedModel['config'] };
}

function parseJson(text: string | undefined, key: string): unknown {
  if (text === undefined) throw new ModelFileError(`The model file's metadata has no ${key}.`);
  try {
    return JSON.parse(text);
  } catch {
    throw new ModelFileError(`The model file's ${key} is not JSON.`);
  }
}

/** The width of the last layer's output: the model's outputs. */
function outputsOf(layers: readonly Layer[]): number {
  const last = [...layers].reverse().find((l) => l.kind !== 'activation');
  if (!last) return 0;
  return last.kind === 'linear' ? last.outputs : valuesPerRow(layerOutput(last));
}

const isCount = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) >= 1;
const isImage = (s: unknown): s is ImageSize => typeof s === 'object' && s !== null && ['channels', 'height', 'width'].every((k) => isCount((s as Record<string, unknown>)[k]));

/**
 * The metadata's layer list, each layer checked for its kind and its fields, and each taking
 * what the one before gives (a width, or an image of that size): a list that could not run is
 * refused here, not halfway through a forward pass.
 */
function readLayers(raw: unknown): Layer[] {
  if (!Array.isArray(raw) || raw.length === 0) throw new ModelFileError('The model file\'s layers are not a list of layers.');
  let given: ImageSize | number | null = null;
  const fits = (needed: ImageSize | number) => given === null || valuesPerRow(given) === valuesPerRow(needed);
  return raw.map((value: unknown, i): Layer => {
    const layer = value as Layer & Record<string, unknown>;
    const bad = (why: string) => new ModelFileError(`Layer ${i} of the model file ${why}.`);
    if (typeof layer !== 'object' || layer === null) throw bad('is not a layer');
    switch (layer.kind) {
      case 'linear':
        if (!isCount(layer.inputs) || !isCount(layer.outputs) || typeof layer.bias !== 'boolean') throw bad('is a linear layer without inputs, outputs and bias');
        if (!fits(layer.inputs)) throw bad(`takes ${layer.inputs} inputs where the layer before gives ${valuesPerRow(given!)}`);
        given = layer.outputs;
        break;
      case 'activation':
        if (!['relu', 'tanh', 'sigmoid'].includes(layer.fn)) throw bad(`has an unknown activation ${String(layer.fn)}`);
        break;
      case 'conv2d':
      case 'batchnorm':
      case 'maxpool':
      case 'global-avg-pool':
      case 'flatten':
        if (!isImage(layer.input)) throw bad(`is a ${layer.kind} layer without its input size`);
        if (layer.kind === 'conv2d' && !(isCount(layer.channels) && [1, 3, 5].includes(layer.kernel) && typeof layer.bias === 'boolean')) throw bad('is a conv2d layer without channels, kernel (1, 3 or 5) and bias');
        if (!fits(layer.input)) throw bad(`takes ${valuesPerRow(layer.input)} values a row where the layer before gives ${valuesPerRow(given!)}`);
        given = layerOutput(layer);
        break;
      default:
        throw bad(`has an unknown kind ${String((layer as { kind?: unknown }).kind)}`);
    }
    return layer;
  });
}
