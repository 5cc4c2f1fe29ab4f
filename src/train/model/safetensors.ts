/**
 * The `.safetensors` format (Hugging Face's, which PyTorch users load with
 * `safetensors.torch.load_file`): an 8-byte little-endian header length N, N bytes of JSON
 * (each tensor's dtype, shape and byte offsets into the data, plus `__metadata__`, string
 * to string), padded with spaces to a multiple of 8, then the tensors' bytes, little-endian,
 * one after another. Written and read here without a library: float32 tensors, and int64
 * scalars for PyTorch's `num_batches_tracked`. Reading checks every field and offset, so a
 * truncated or foreign file is an error that says what is wrong, never a wrong model.
 *
 * @example
 * const bytes = encodeSafetensors([{ name: '0.weight', shape: [2, 3], data: new Float32Array(6) }], { format: '1' });
 * const { tensors, metadata } = decodeSafetensors(bytes);
 * // tensors.get('0.weight')!.shape: [2, 3]; metadata.format: '1'
 */

/** One tensor: float32 values, or an int64 scalar (`num_batches_tracked`). */
export interface NamedTensor {
  name: string;
  shape: number[];
  data: Float32Array | BigInt64Array;
}

/** A file's tensors by name, and its metadata. */
export interface SafetensorsFile {
  tensors: Map<string, NamedTensor>;
  metadata: Record<string, string>;
}

/** The largest header this reader accepts (the format's own limit is 100 MB; ours are a few KB). */
const MAX_HEADER_BYTES = 1 << 24;

/** Why a file cannot be read as safetensors, in words a learner can act on. */
export class SafetensorsError extends Error {
  override readonly name = 'SafetensorsError';
}

export function encodeSafetensors(tensors: readonly NamedTensor[], metadata: Record<string, string>): Uint8Array {
  const header: Record<string, unknown> = { __metadata__: metadata };
  let offset = 0;
  for (const { name, shape, data } of tensors) {
    const size = shape.reduce((n, d) => n * d, 1);
    if (size !== data.length) throw new Error(`Tensor ${name}: shape [${shape}] holds ${size} values, not ${data.length}.`);
    header[name] = { dtype: data instanceof Float32Array ? 'F32' : 'I64', shape, data_offsets: [offset, offset + data.byteLength] };
    offset += data.byteLength;
  }
  let json = JSON.stringify(header);
  json += ' '.repeat((8 - (new TextEncoder().encode(json).length % 8)) % 8);
  const jsonBytes = new TextEncoder().encode(json);
  const bytes = new Uint8Array(8 + jsonBytes.length + offset);
  const view = new DataView(bytes.buffer);
  view.setBigUint64(0, BigInt(jsonBytes.length), true);
  bytes.set(jsonBytes, 8);
  let at = 8 + jsonBytes.length;
  for (const { data } of tensors) {
    // Little-endian whatever the host: written value by value.
    for (let i = 0; i < data.length; i++, at += data.BYTES_PER_ELEMENT) {
      if (data instanceof Float32Array) view.setFloat32(at, data[i]!, true);
      else view.setBigInt64(at, data[i]!, true);
    }
  }
  return bytes;
}

export function decodeSafetensors(bytes: Uint8Array): SafetensorsFile {
  if (bytes.length < 8) throw new SafetensorsError(`The file has ${bytes.length} bytes: too short for a safetensors header.`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = Number(view.getBigUint64(0, true));
  if (headerLength > MAX_HEADER_BYTES || 8 + headerLength > bytes.length) throw new SafetensorsError(`The header claims ${headerLength} bytes but the file has ${bytes.length}: it is truncated or not a safetensors file.`);
  let header: unknown;
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(8, 8 + headerLength)));
  } catch {
    throw new SafetensorsError('The header is not JSON: this is not a safetensors file.');
  }
  if (typeof header !== 'object' || header === null || Array.isArray(header)) throw new SafetensorsError('The header is not a JSON object: this is not a safetensors file.');
  const data = bytes.subarray(8 + headerLength);
  const { __metadata__: rawMetadata, ...entries } = header as Record<string, unknown>;
  const metadata = readMetadata(rawMetadata);
  const tensors = new Map<string, NamedTensor>();
  // Tensors cover the data exactly, in order: what the format requires, and what shows a cut file.
  const spans = Object.entries(entries).map(([name, entry]) => readEntry(name, entry, data.length));
  spans.sort((a, b) => a.begin - b.begin);
  let expected = 0;
  for (const span of spans) {
    if (span.begin !== expected) throw new SafetensorsError(`Tensor ${span.name} starts at byte ${span.begin}, not ${expected}: the offsets overlap or leave a gap.`);
    expected = span.end;
    const dataView = new DataView(data.buffer, data.byteOffset + span.begin, span.end - span.begin);
    const values = span.dtype === 'F32' ? Float32Array.from({ length: span.size }, (_, i) => dataView.getFloat32(4 * i, true)) : BigInt64Array.from({ length: span.size }, (_, i) => dataView.getBigInt64(8 * i, true));
    tensors.set(span.name, { name: span.name, shape: span.shape, data: values });
  }
  if (expected !== data.length) throw new SafetensorsError(`The tensors end at byte ${expected} of ${data.length}: the file has bytes no tensor claims.`);
  return { tensors, metadata };
}

function readMetadata(raw: unknown): Record<string, string> {
  if (raw === undefined) return {};
  if (typeof raw !== 'object' || raw === null || Object.values(raw).some((v) => typeof v !== 'string')) throw new SafetensorsError('The header\'s __metadata__ must map names to strings.');
  return raw as Record<string, string>;
}

const BYTES: Record<string, number> = { F32: 4, I64: 8 };

function readEntry(name: string, entry: unknown, dataLength: number): { name: string; dtype: 'F32' | 'I64'; shape: number[]; size: number; begin: number; end: number } {
  const e = entry as { dtype?: unknown; shape?: unknown; data_offsets?: unknown };
  if (typeof e !== 'object' || e === null) throw new SafetensorsError(`Tensor ${name} has no description.`);
  if (e.dtype !== 'F32' && e.dtype !== 'I64') throw new SafetensorsError(`Tensor ${name} is ${String(e.dtype)}; this reader takes F32 (and I64 counters).`);
  const shape = e.shape;
  if (!Array.isArray(shape) || !shape.every((d) => Number.isSafeInteger(d) && d >= 0)) throw new SafetensorsError(`Tensor ${name} has no valid shape.`);
  const offsets = e.data_offsets;
  if (!Array.isArray(offsets) || offsets.length !== 2 || !offsets.every((o) => Number.isSafeInteger(o) && o >= 0)) throw new SafetensorsError(`Tensor ${name} has no valid data_offsets.`);
  const [begin, end] = offsets as [number, number];
  const size = (shape as number[]).reduce((n, d) => n * d, 1);
  if (end > dataLength) throw new SafetensorsError(`Tensor ${name} ends at byte ${end} but the data has ${dataLength}: the file is truncated.`);
  if (end - begin !== size * BYTES[e.dtype]!) throw new SafetensorsError(`Tensor ${name}: shape [${shape}] needs ${size * BYTES[e.dtype]!} bytes, its offsets give ${end - begin}.`);
  return { name, dtype: e.dtype, shape: shape as number[], size, begin, end };
}
