import { describe, expect, it } from 'vitest';
import type { Backend, Tensor } from '../../backend';
import { CpuBackend } from '../../cpu/cpu-backend';
import { PIECE_LENGTH } from '../../cpu/in-pieces';
import { uploadData } from './device-data';
import type { PreparedData } from './prepare';

/** The backend with every tensor made and released counted, its `failAt`-th write throwing. */
function counting(failAt: number): { backend: Backend; made: Set<Tensor>; released: Set<Tensor> } {
  const [made, released] = [new Set<Tensor>(), new Set<Tensor>()];
  let writes = 0;
  const real: Backend = new CpuBackend();
  const backend = new Proxy(real, {
    get(target, key) {
      const value = Reflect.get(target, key, target) as unknown;
      if (typeof value !== 'function') return value;
      if (key === 'tensor') {
        return (...args: Parameters<Backend['tensor']>) => {
          const t = real.tensor(...args);
          made.add(t);
          return t;
        };
      }
      if (key === 'release') return (t: Tensor) => (released.add(t), real.release(t));
      if (key === 'write') {
        return (...args: Parameters<Backend['write']>) => {
          if (++writes === failAt) throw new Error('the write failed');
          real.write(...args);
        };
      }
      return value.bind(target);
    },
  }) as Backend;
  return { backend, made, released };
}

describe('uploadData', () => {
  // Training features of two pieces, then three small tables: five writes in all.
  const rows = (2 * PIECE_LENGTH) / 4;
  const prepared: PreparedData = {
    train: { features: new Float32Array(rows * 4).fill(1), labels: new Float32Array(rows), rows },
    valid: { features: new Float32Array(8), labels: new Float32Array(2), rows: 2 },
    featureCount: 4,
    task: 'classification',
    classCount: 2,
    trainFraction: 1,
    availableTrainRows: rows,
  };

  it('releases every table it made when a write fails between pieces, and rejects with that error', async () => {
    const { backend, made, released } = counting(2);
    await expect(uploadData(backend, prepared)).rejects.toThrow('the write failed');
    expect(made.size).toBe(4);
    expect([...made].every((t) => released.has(t))).toBe(true);
  });

  it('keeps every table when the writes succeed: the run owns them', async () => {
    const { backend, made, released } = counting(Infinity);
    const data = await uploadData(backend, prepared);
    expect(released.size).toBe(0);
    expect(new Set(data.owned)).toEqual(made);
  });
});
