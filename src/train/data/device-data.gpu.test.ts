import { describe, expect, it } from 'vitest';
import { PIECE_LENGTH } from '../../cpu/in-pieces';
import { acquireDevice } from '../../gpu/device';
import { GpuBackend } from '../../gpu/gpu-backend';
import { nodeGpu } from '../../testing/node-webgpu';
import { releaseData, uploadData } from './device-data';
import type { PreparedData, Table } from './prepare';

/** `rows` rows of `featureCount`, no value 0: a buffer's fresh zeros show where a piece was not written. */
function table(rows: number, featureCount: number, salt: number): Table {
  return {
    features: Float32Array.from({ length: rows * featureCount }, (_, i) => 1 + ((i * 31 + salt) % 9973)),
    labels: Float32Array.from({ length: rows }, (_, i) => 1 + (i % 9)),
    rows,
  };
}

describe('tables uploaded in pieces', () => {
  it('are on the device whole, each value where it was, across pieces of PIECE_LENGTH', async () => {
    const { device, description } = await acquireDevice(nodeGpu());
    const backend = new GpuBackend(device, description);
    // 2.2 pieces of training features and a short last one; validation in one piece.
    const featureCount = 777;
    const trainRows = Math.ceil((2.2 * PIECE_LENGTH) / featureCount);
    const prepared: PreparedData = {
      train: table(trainRows, featureCount, 1),
      valid: table(65, featureCount, 2),
      featureCount,
      task: 'classification',
      classCount: 10,
      trainFraction: 1,
      availableTrainRows: trainRows,
    };
    const data = await uploadData(backend, prepared);
    try {
      const trainX = await backend.read(data.trainX);
      expect(trainX.length).toBe(trainRows * featureCount);
      const wrong = trainX.findIndex((v, i) => v !== prepared.train.features[i]);
      expect(wrong, `first value not as written (of ${trainX.length})`).toBe(-1);
      expect(Array.from(await backend.read(data.validX))).toEqual(Array.from(prepared.valid.features));
      const words = async (t: typeof data.trainY) => Array.from(new Uint32Array((await backend.read(t)).buffer));
      expect(await words(data.trainY)).toEqual(Array.from(prepared.train.labels));
      expect(await words(data.validY)).toEqual(Array.from(prepared.valid.labels));
    } finally {
      releaseData(backend, data);
      backend.dispose();
    }
  }, 120_000);
});
