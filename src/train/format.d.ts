/**
 * Numbers as a learner reads them, and as fastai code writes them: 3e-3, 0.1, 1e-5.
 *
 * @example
 * formatLr(0.003);  // "3e-3"
 * formatLr(0.1);    // "0.1"
 */
export declare function formatLr(lr: number): string;
/** A loss for display: three significant digits. */
export declare function formatLoss(loss: number): string;
