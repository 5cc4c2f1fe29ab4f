/** Every string the element shows, in English. pt-BR.ts must have the same keys. */
export declare const en: {
    readonly title: "Training playground";
    readonly scenarioNames: {
        readonly line: "Fit a line (lesson 2)";
        readonly digits: "Handwritten digits";
        readonly cancer: "Breast cancer (imbalanced)";
        readonly custom: "Your CSV";
    };
    readonly controls: "Training controls";
    readonly epochs: "Epochs";
    readonly maxLr: "Max learning rate (max_lr)";
    readonly optimizer: "Optimizer";
    readonly schedule: "Schedule";
    readonly scheduleNames: {
        readonly 'one-cycle': "one cycle (fit_one_cycle)";
        readonly constant: "constant";
    };
    readonly batchSize: "Batch size";
    readonly trainSize: "Training rows";
    readonly hidden: "Hidden layers (widths)";
    readonly imbalance: "Keep 1/n of the minority class";
    readonly oversample: "Oversample the minority class";
    readonly all: "all";
    readonly seed: "Seed";
    readonly scenario: "Scenario";
    readonly train: "Train";
    readonly stop: "Stop";
    readonly lrFind: "Find a learning rate";
    readonly lrFindRunning: "Searching…";
    readonly useLr: (lr: string) => string;
    readonly lrFindTitle: "Loss against learning rate (lr_find)";
    readonly suggestion: (lr: string) => string;
    readonly progress: (k: number, n: number) => string;
    readonly idle: "Ready";
    readonly chartTitle: "Loss per epoch";
    readonly trainLoss: "train loss";
    readonly validLoss: "valid loss";
    readonly stepLoss: "batch loss";
    readonly errorRate: "error rate";
    readonly best: "lowest valid loss";
    readonly epoch: "epoch";
    readonly diagnosis: "Diagnosis";
    readonly running: "Training…";
    readonly stoppedByUser: "Stopped.";
    readonly code: "The same in fastai";
    readonly copy: "Copy";
    readonly copied: "Copied";
    readonly cpuBadge: "CPU";
    readonly cpuBecause: (reason: string) => string;
    readonly cpuChosen: "Training on the CPU, as the backend attribute asks.";
    readonly classErrors: "Validation error per class";
    readonly lineView: "The data and the fitted line y = a·x + b";
    readonly digitsView: "Validation digits and what the model predicts (wrong ones marked)";
    readonly predicted: (p: string, t: string) => string;
    readonly noticeTitles: {
        readonly setting: "Invalid setting";
        readonly data: "Data";
        readonly gpu: "GPU";
        readonly training: "Training";
    };
    readonly failed: "Training failed";
    readonly dismiss: "Dismiss";
    readonly loadingData: (url: string) => string;
    /** The built-in cancer data's classes, as its file names them. */
    readonly cancerClasses: {
        readonly malignant: "malignant";
        readonly benign: "benign";
    };
    readonly loss: "loss";
    readonly seedsLow: "valid loss, lowest seed";
    readonly seedsHigh: "valid loss, highest seed";
    readonly provisional: "provisional";
    readonly testing: (count: number) => string;
    readonly tested: "tested with what-if runs";
    readonly tryIt: (change: string) => string;
    readonly pictureChoice: "What the picture shows";
    readonly viewNames: {
        readonly data: "Data and line";
        readonly parameters: "Loss surface";
    };
    readonly parameterView: "The loss surface over (a, b), with the path the optimiser took";
    readonly slope: "a (slope)";
    readonly intercept: "b (intercept)";
    readonly truth: "true (3, 2)";
    readonly optimum: "least squares";
    readonly computingSurface: "Computing the loss surface…";
    readonly replay: "Replay";
    readonly epochShown: (epoch: number, epochs: number) => string;
    readonly scheduleStrip: "Learning rate and momentum over the run";
    readonly lr: "learning rate";
    readonly momentum: "momentum (β1)";
};
export type Strings = {
    [K in keyof typeof en]: (typeof en)[K] extends (...args: infer A) => string ? (...args: A) => string : (typeof en)[K] extends string ? string : {
        [P in keyof (typeof en)[K]]: string;
    };
};
