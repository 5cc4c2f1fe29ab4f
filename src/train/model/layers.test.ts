import { describe, expect, it } from 'vitest';
import { cnnBodyLength, cnnLayers } from './cnn';
import { fusedStages, isPerceptron, layerOutput, mlpLayers, multiplyAddsPerRow, parameterCount, valuesPerRow, type ImageLayer } from './layers';

describe('the layer vocabulary', () => {
  it('writes an MLP as linear layers with an activation after each hidden one, and no activation for a linear net', () => {
    expect(mlpLayers(64, [128], 10)).toEqual([
      { kind: 'linear', inputs: 64, outputs: 128, bias: true },
      { kind: 'activation', fn: 'relu' },
      { kind: 'linear', inputs: 128, outputs: 10, bias: true },
    ]);
    expect(mlpLayers(2, [8, 8], 1, 'linear').map((l) => l.kind)).toEqual(['linear', 'linear', 'linear']);
  });

  it('fuses each linear layer with the activation after it, as the matrix product runs them', () => {
    expect(fusedStages(mlpLayers(2, [8], 1, 'tanh'))).toEqual([
      { inputs: 2, outputs: 8, bias: true, activation: 'tanh' },
      { inputs: 8, outputs: 1, bias: true, activation: 'linear' },
    ]);
  });

  it('refuses a list whose shapes do not chain, an activation with no layer before it, and an empty list', () => {
    expect(() => fusedStages([{ kind: 'linear', inputs: 2, outputs: 8, bias: true }, { kind: 'linear', inputs: 4, outputs: 1, bias: true }])).toThrow(/4 inputs cannot follow one of 8 outputs/);
    expect(() => fusedStages([{ kind: 'activation', fn: 'relu' }])).toThrow(/must follow a linear layer/);
    expect(() => fusedStages([])).toThrow(/at least one linear layer/);
  });

  it('counts parameters and multiply-adds as PyTorch would: nn.Linear, nn.Conv2d, nn.BatchNorm2d', () => {
    expect(parameterCount(mlpLayers(64, [128], 10))).toBe(64 * 128 + 128 + 128 * 10 + 10);
    const small = cnnLayers('cnn-small', { channels: 1, height: 28, width: 28 }, 10);
    // conv 1→16 (no bias), bn 16, conv 16→32, bn 32, fc 1568→64, fc 64→10
    expect(parameterCount(small)).toBe(16 * 9 + 32 + 32 * 16 * 9 + 64 + 32 * 7 * 7 * 64 + 64 + 64 * 10 + 10);
    expect(multiplyAddsPerRow(small)).toBe(16 * 9 * 28 * 28 + 32 * 16 * 9 * 14 * 14 + 1568 * 64 + 64 * 10);
  });

  it('follows a photo through the CNNs: each block halves it, the head ends at the classes', () => {
    const photo = { channels: 1, height: 28, width: 28 };
    for (const name of ['cnn-tiny', 'cnn-small'] as const) {
      const layers = cnnLayers(name, photo, 10);
      expect(isPerceptron(layers)).toBe(false);
      const last = layers.at(-1)!;
      expect(last.kind === 'linear' && last.outputs).toBe(10);
      // The body ends where the head's first linear layer begins.
      expect(layers[cnnBodyLength(name)]!.kind).toBe('linear');
    }
    const pool: ImageLayer = { kind: 'maxpool', input: { channels: 3, height: 7, width: 5 } };
    expect(layerOutput(pool)).toEqual({ channels: 3, height: 3, width: 2 });
    expect(valuesPerRow(layerOutput({ kind: 'global-avg-pool', input: photo }))).toBe(1);
  });
});
