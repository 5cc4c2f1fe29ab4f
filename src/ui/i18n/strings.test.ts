import { describe, expect, it } from 'vitest';
import { formatLoss, formatLr, type RunConfig } from '../../engine/index';
import { defaultConfig } from '../../train/config';
import { LR_STOPS, REG_RATE_STOPS, sliderValue, type SliderName } from '../control-values';
import { formatFixed, formatNumber, formatPercent } from '../views/numbers';
import { PLANAR_TICKS, KEY_MARKS } from '../views/planar-view';
import { en } from './en';
import { ptBR } from './pt-BR';
import { strings } from '.';

/** Every leaf of a strings table, as [dotted key, value]. */
function leaves(table: object, prefix = ''): [string, unknown][] {
  return Object.entries(table).flatMap(([key, value]): [string, unknown][] =>
    value !== null && typeof value === 'object' ? leaves(value as object, `${prefix}${key}.`) : [[`${prefix}${key}`, value]],
  );
}

/** Strings the same in both languages: names, symbols and code. */
const SAME_IN_BOTH = new Set([
  'cpuBadge',
  'noticeTitles.gpu',
  'scenarioNames.custom',
  'activationNames.relu',
  'activationNames.tanh',
  'regularizationNames.l1',
  'regularizationNames.l2',
  ...Object.keys(en.featureNames).filter((f) => !f.startsWith('sin')).map((f) => `featureNames.${f}`),
]);

/** A decimal point between digits: "0.5", "2.5e-7". */
const DECIMAL_POINT = /\d\.\d/;

describe('strings', () => {
  it('has every English key in Portuguese, of the same kind, and no other', () => {
    const english = new Map(leaves(en));
    const portuguese = new Map(leaves(ptBR));
    expect([...portuguese.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [key, value] of english) expect(typeof portuguese.get(key), key).toBe(typeof value);
  });

  it('translates every string but names and symbols', () => {
    const english = new Map(leaves(en));
    const untranslated = leaves(ptBR)
      .filter(([key, value]) => key !== 'lang' && !SAME_IN_BOTH.has(key) && typeof value === 'string' && value === english.get(key))
      .map(([key]) => key);
    expect(untranslated).toEqual([]);
    expect(ptBR.lr).not.toMatch(/\blr\b/);
  });

  it('says which language it is, so the numbers beside it are written in it', () => {
    expect(strings('en').lang).toBe('en');
    expect(strings('pt-BR').lang).toBe('pt-BR');
  });
});

describe('numbers in Portuguese', () => {
  const config = (change: Partial<RunConfig>): RunConfig => ({ ...defaultConfig('spiral'), ...change });
  const sliders: SliderName[] = ['epochs', 'max-lr', 'imbalance', 'noise', 'reg-rate'];
  const configs = [...LR_STOPS.map((maxLr) => config({ maxLr })), ...REG_RATE_STOPS.map((regRate) => config({ regRate })), config({ maxLr: 0.0376, regRate: 0.0005 })];

  it('writes every slider value with a decimal comma, never a point', () => {
    const written = configs.flatMap((c) => sliders.map((name) => sliderValue(name, c, 'pt-BR')));
    expect(written.filter((text) => DECIMAL_POINT.test(text))).toEqual([]);
    expect(sliderValue('max-lr', config({ maxLr: 0.03 }), 'pt-BR')).toBe('0,03');
    expect(sliderValue('reg-rate', config({ regRate: 0.003 }), 'pt-BR')).toBe('0,003');
    expect(sliderValue('reg-rate', config({ regRate: 0.003 }), 'en')).toBe('0.003');
  });

  it('writes percentages, ticks, key marks, coefficients, losses and learning rates with a comma', () => {
    const written = [
      ...[0, 0.03, 0.268, 0.5, 1].map((rate) => formatPercent(rate, 'pt-BR')),
      ...[...PLANAR_TICKS, ...KEY_MARKS, -0.5, 2.25, 1234.5].map((v) => formatNumber(v, 'pt-BR')),
      ...[3.1, -0.997, 2.5, 12345.678, -4.2e7].map((v) => formatFixed(v, 'pt-BR')),
      ...[0.0838, 7.91, 1234.5].map((v) => formatLoss(v, 'pt-BR')),
      ...[3e-3, 0.03, 2.5e-7, 0.5].map((v) => formatLr(v, 'pt-BR')),
    ];
    expect(written.filter((text) => DECIMAL_POINT.test(text) || /\d\.\d{3}/.test(text))).toEqual([]);
    expect(formatPercent(0.268, 'pt-BR')).toBe('26,8\u00a0%');
    expect(formatPercent(0.03, 'en')).toBe('3.0\u00a0%');
    expect(formatNumber(0.5, 'pt-BR')).toBe('0,5');
    expect(formatNumber(-6, 'en')).toBe('−6');
    expect(formatFixed(3.1, 'pt-BR')).toBe('3,10');
    expect(formatFixed(12345.678, 'pt-BR')).toBe('1,23e4');
  });
});
