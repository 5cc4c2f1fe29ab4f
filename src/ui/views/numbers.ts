/**
 * Numbers the views write, as the learner's language writes them (`Intl.NumberFormat`): a
 * decimal comma in Portuguese, a true minus sign, no thousands separator (a pt-BR "1.000"
 * reads as one in English). Losses and learning rates go through the engine's formatLoss and
 * formatLr; these are the rest: percentages, tick labels, fitted coefficients.
 *
 * @example
 * formatPercent(0.268, 'pt-BR'); // "26,8 %"
 * formatNumber(-0.5, 'pt-BR');   // "−0,5"
 */
import type { Language } from '../../train/types';

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(lang: Language, minimumFractionDigits: number, maximumFractionDigits: number): Intl.NumberFormat {
  const key = `${lang}|${minimumFractionDigits}|${maximumFractionDigits}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.NumberFormat(lang, { minimumFractionDigits, maximumFractionDigits, useGrouping: false });
    formatters.set(key, format);
  }
  return format;
}

/** Intl writes a hyphen for the sign; a learner's page, and the chart's axes, a minus. */
const withMinus = (text: string) => text.replace('-', '−');

/** A plain number, up to `fractionDigits` decimals ("−6", "0,5", "2.25"). */
export function formatNumber(value: number, lang: Language, fractionDigits = 2): string {
  if (!Number.isFinite(value)) return '—';
  return withMinus(formatter(lang, 0, fractionDigits).format(value === 0 ? 0 : value));
}

/** A number with exactly `fractionDigits` decimals, exponent form past 1e4 (a diverging fit's coefficients). */
export function formatFixed(value: number, lang: Language, fractionDigits = 2): string {
  if (!Number.isFinite(value)) return '—';
  if (Math.abs(value) >= 1e4) {
    const [mantissa, exponent] = value.toExponential(fractionDigits).split('e');
    return `${formatFixed(Number(mantissa), lang, fractionDigits)}e${Number(exponent)}`;
  }
  return withMinus(formatter(lang, fractionDigits, fractionDigits).format(value));
}

/** A rate in [0, 1] as a percentage with one decimal and a spaced sign, as the notes write it: "3.0 %", "26,8 %". */
export function formatPercent(rate: number, lang: Language): string {
  return Number.isFinite(rate) ? `${formatter(lang, 1, 1).format(rate * 100)}\u00a0%` : '—';
}
