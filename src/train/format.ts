/**
 * Numbers as a learner reads them, and as fastai code writes them: 3e-3, 0.1, 1e-5. In
 * Portuguese the decimal mark is a comma (0,1; 2,5e-7), as `Intl.NumberFormat` writes it; the
 * code box keeps Python's point (call without `lang`).
 *
 * @example
 * formatLr(0.003);           // "3e-3"
 * formatLr(0.1);             // "0.1"
 * formatLoss(0.0838, 'pt-BR'); // "0,0838"
 */
import type { Language } from './types';

/** The language's decimal mark, as `Intl.NumberFormat` writes it: "." in English, "," in Portuguese. */
export function decimalMark(lang: Language = 'en'): string {
  return (1.5).toLocaleString(lang).charAt(1);
}

/** A number written with JavaScript's point, given the language's decimal mark. */
export function localizeDecimal(text: string, lang: Language = 'en'): string {
  return lang === 'en' ? text : text.replace('.', decimalMark(lang));
}

export function formatLr(lr: number, lang: Language = 'en'): string {
  if (!Number.isFinite(lr)) return String(lr);
  if (lr >= 0.01 && lr < 100) return localizeDecimal(String(Number(lr.toPrecision(2))), lang);
  const [mantissa, exponent] = lr.toExponential(1).split('e');
  const m = String(Number(mantissa));
  return localizeDecimal(`${m}e${Number(exponent)}`, lang);
}

/** A loss for display: three significant digits. */
export function formatLoss(loss: number, lang: Language = 'en'): string {
  return Number.isFinite(loss) ? localizeDecimal(String(Number(loss.toPrecision(3))), lang) : '—';
}
