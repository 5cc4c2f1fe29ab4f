/** Every string the element shows, in English. pt-BR.ts must have the same keys. */
export const en = {
  title: 'Training playground',
  scenarioNames: { line: 'Fit a line (lesson 2)', digits: 'Handwritten digits', cancer: 'Breast cancer (imbalanced)', custom: 'Your CSV' },
  controls: 'Training controls',
  epochs: 'Epochs',
  maxLr: 'Max learning rate (max_lr)',
  optimizer: 'Optimizer',
  schedule: 'Schedule',
  scheduleNames: { 'one-cycle': 'one cycle (fit_one_cycle)', constant: 'constant' },
  batchSize: 'Batch size',
  trainSize: 'Training rows',
  hidden: 'Hidden layers (widths)',
  imbalance: 'Keep 1/n of the minority class',
  oversample: 'Oversample the minority class',
  all: 'all',
  seed: 'Seed',
  scenario: 'Scenario',
  train: 'Train',
  stop: 'Stop',
  lrFind: 'Find a learning rate',
  lrFindRunning: 'Searching…',
  useLr: (lr: string) => `Use ${lr}`,
  lrFindTitle: 'Loss against learning rate (lr_find)',
  suggestion: (lr: string) => `suggestion: ${lr}`,
  progress: (k: number, n: number) => `Epoch ${k} of ${n}`,
  idle: 'Ready',
  chartTitle: 'Loss per epoch',
  trainLoss: 'train loss',
  validLoss: 'valid loss',
  stepLoss: 'batch loss',
  errorRate: 'error rate',
  best: 'lowest valid loss',
  epoch: 'epoch',
  diagnosis: 'Diagnosis',
  running: 'Training…',
  stoppedByUser: 'Stopped.',
  code: 'The same in fastai',
  copy: 'Copy',
  copied: 'Copied',
  cpuBadge: 'CPU',
  cpuBecause: (reason: string) => `Training on the CPU: ${reason}`,
  cpuChosen: 'Training on the CPU, as the backend attribute asks.',
  classErrors: 'Validation error per class',
  lineView: 'The data and the fitted line y = a·x + b',
  digitsView: 'Validation digits and what the model predicts (wrong ones marked)',
  predicted: (p: string, t: string) => `predicted ${p}, is ${t}`,
  invalidAttribute: 'Invalid setting',
  failed: 'Training failed',
  dismiss: 'Dismiss',
} as const;

export type Strings = {
  [K in keyof typeof en]: (typeof en)[K] extends (...args: infer A) => string
    ? (...args: A) => string
    : (typeof en)[K] extends string
      ? string
      : { [P in keyof (typeof en)[K]]: string };
};
