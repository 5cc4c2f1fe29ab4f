/**
 * The diagnosis table: runs (scenario × settings) and the code each must be given. Shared by
 * the CPU test and the WebGPU test, so both backends are held to the same answers.
 */
import type { DiagnosisCode, RunConfig } from './types';

export interface DiagnosisCase {
  name: string;
  config: Partial<RunConfig>;
  expected: DiagnosisCode;
}

export const DIAGNOSIS_TABLE: DiagnosisCase[] = [
  { name: 'line, the notebook (constant lr 0.1)', config: { scenario: 'line', schedule: 'constant' }, expected: 'ok' },
  { name: 'line, one-cycle defaults', config: { scenario: 'line' }, expected: 'ok' },
  { name: 'line, lr 1.2: a spike the one-cycle decay recovers from', config: { scenario: 'line', maxLr: 1.2 }, expected: 'ok' },
  { name: 'line, lr 3 diverges', config: { scenario: 'line', maxLr: 3 }, expected: 'lr-too-high' },
  { name: 'line, lr 10 diverges', config: { scenario: 'line', maxLr: 10 }, expected: 'lr-too-high' },
  { name: 'line, lr 1e-3 crawls', config: { scenario: 'line', maxLr: 1e-3 }, expected: 'lr-too-low' },
  { name: 'line, constant lr 1e-4 barely moves', config: { scenario: 'line', maxLr: 1e-4, schedule: 'constant' }, expected: 'lr-too-low' },
  { name: 'line, 3 epochs', config: { scenario: 'line', epochs: 3 }, expected: 'too-few-epochs' },
  { name: 'line, 10 epochs', config: { scenario: 'line', epochs: 10 }, expected: 'too-few-epochs' },
  { name: 'digits, lr 1 never settles', config: { scenario: 'digits', maxLr: 1 }, expected: 'lr-too-high' },
  { name: 'digits, lr 1e-5', config: { scenario: 'digits', maxLr: 1e-5, epochs: 5 }, expected: 'lr-too-low' },
  { name: 'digits, 2 epochs', config: { scenario: 'digits', epochs: 2 }, expected: 'too-few-epochs' },
  { name: 'digits, 5 epochs', config: { scenario: 'digits', epochs: 5 }, expected: 'too-few-epochs' },
  { name: 'cancer, defaults', config: { scenario: 'cancer' }, expected: 'ok' },
  { name: 'cancer, lr 5: valid loss very large', config: { scenario: 'cancer', maxLr: 5 }, expected: 'lr-too-high' },
  { name: 'cancer, lr 1e-5', config: { scenario: 'cancer', maxLr: 1e-5 }, expected: 'lr-too-low' },
  { name: 'cancer, 1 epoch', config: { scenario: 'cancer', epochs: 1 }, expected: 'too-few-epochs' },
  { name: 'cancer, 3 epochs', config: { scenario: 'cancer', epochs: 3 }, expected: 'too-few-epochs' },
  { name: 'cancer, batch 16 for 100 epochs', config: { scenario: 'cancer', epochs: 100, batchSize: 16 }, expected: 'too-many-epochs' },
  { name: 'cancer, SGD lr 0.1 over-fits after epoch 5', config: { scenario: 'cancer', optimizer: 'sgd', maxLr: 0.1 }, expected: 'too-many-epochs' },
  {
    name: 'cancer, 40 training rows over-fit early',
    config: { scenario: 'cancer', trainSize: 40, batchSize: 8, epochs: 20, maxLr: 0.01 },
    expected: 'more-data',
  },
  {
    name: 'cancer, 60 training rows over-fit early',
    config: { scenario: 'cancer', trainSize: 60, batchSize: 4, epochs: 20, maxLr: 0.01 },
    expected: 'more-data',
  },
  { name: 'cancer, 40 training rows for 60 epochs', config: { scenario: 'cancer', trainSize: 40, batchSize: 8, epochs: 60 }, expected: 'more-data' },
  { name: 'digits, defaults', config: { scenario: 'digits' }, expected: 'ok' },
];
