/**
 * Numbers as a learner reads them, and as fastai code writes them: 3e-3, 0.1, 1e-5.
 *
 * @example
 * formatLr(0.003);  // "3e-3"
 * formatLr(0.1);    // "0.1"
 */
export function formatLr(lr: number): string {
  if (!Number.isFinite(lr)) return String(lr);
  if (lr >= 0.01 && lr < 100) return String(Number(lr.toPrecision(2)));
  const [mantissa, exponent] = lr.toExponential(1).split('e');
  const m = String(Number(mantissa));
  return `${m}e${Number(exponent)}`;
}

/** A loss for display: three significant digits. */
export function formatLoss(loss: number): string {
  return Number.isFinite(loss) ? String(Number(loss.toPrecision(3))) : '—';
}
