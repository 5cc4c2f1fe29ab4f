import { describe, expect, it } from 'vitest';
import { resolveSettings, type ElementSettings } from './resolve-settings';
import { readSharedHash, SHARED_SETTINGS, sharedHash } from './share-state';

/** Attributes as an element holds them. */
const reader = (attributes: Record<string, string>) => (name: string) => attributes[name] ?? null;
const none = new Set<string>();

describe('the settings in the URL hash', () => {
  it('carries the training attributes and controls, never src, theme or lang', () => {
    const names = SHARED_SETTINGS.map((s) => s.attribute);
    expect(names).toEqual([
      'scenario', 'epochs', 'max-lr', 'optimizer', 'schedule', 'batch-size', 'train-size', 'hidden', 'imbalance', 'oversample', 'seed', 'seeds',
      'noise', 'activation', 'regularization', 'reg-rate', 'features', 'model', 'augment', 'pretrained', 'stage', 'controls',
    ]);
  });

  it('writes the chosen settings as TensorFlow Playground does, and reads them back', () => {
    const attributes = { scenario: 'digits', epochs: '8', 'max-lr': '0.003', hidden: '32,16', features: 'x1 x2 x1sq', controls: 'epochs max-lr seed', oversample: '' };
    const hash = sharedHash(reader(attributes), none, '');
    expect(hash).toBe('#scenario=digits&epochs=8&max-lr=0.003&hidden=32,16&oversample=true&features=x1%20x2%20x1sq&controls=epochs%20max-lr%20seed');
    expect(Object.fromEntries(readSharedHash(hash))).toEqual({ ...attributes, oversample: 'true' });
  });

  it('leaves out a setting at its default unless the page set it, and says false for a boolean the page set and the learner cleared', () => {
    const defaults = { scenario: 'line', augment: 'on', stage: 'frozen', controls: 'epochs max-lr', epochs: '30' };
    expect(sharedHash(reader(defaults), none, '')).toBe('#epochs=30');
    expect(sharedHash(reader(defaults), new Set(['scenario', 'oversample']), '')).toBe('#scenario=line&epochs=30&oversample=false');
    expect(sharedHash(reader({ scenario: 'line' }), none, '')).toBe('');
  });

  it("keeps the page's own parts of the hash and replaces its own keys", () => {
    expect(sharedHash(reader({ epochs: '8' }), none, '#epochs=3&intro')).toBe('#epochs=8&intro');
    expect(sharedHash(reader({}), none, '#epochs=3&tab=code')).toBe('#tab=code');
    expect(readSharedHash('#intro&epochs=3&src=https%3A%2F%2Fexample.com%2Fdata.csv&theme=dark')).toEqual([['epochs', '3']]);
  });

  it("reads a query's spellings too: + and %20 for spaces, %2C for commas", () => {
    expect(readSharedHash('#controls=epochs+max-lr&max-lr=1e-6%2C1e-4&features=x1%20x2')).toEqual([
      ['controls', 'epochs max-lr'],
      ['max-lr', '1e-6,1e-4'],
      ['features', 'x1 x2'],
    ]);
    expect(readSharedHash('#epochs=%E0%A4%A')).toEqual([['epochs', '%E0%A4%A']]);
  });

  it('hands a bad value to the attribute path, which names it as it names a bad attribute', () => {
    const [[name, value]] = readSharedHash('#epochs=many') as [[string, string]];
    expect(name).toBe('epochs');
    // Lit's Number converter, as for the attribute epochs="many".
    const settings: ElementSettings = { scenario: 'line', epochs: Number(value), oversample: false, augment: 'on', pretrained: 'on', stage: 'frozen', whatIf: 'on', backend: 'auto', controls: 'epochs max-lr', theme: 'light', view: 'data', speed: '1' };
    const { problems } = resolveSettings(settings, null, { has: (p) => p === 'epochs' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^epochs: /);
  });
});
