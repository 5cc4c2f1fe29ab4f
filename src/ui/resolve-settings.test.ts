import { describe, expect, expectTypeOf, it } from 'vitest';
import { SETTINGS, type BackendChoice, type Setting } from '../engine/index';
import { backendChoice, effectiveTheme, resolveSettings, TRAINING_PROPERTIES, type ElementSettings, type ThemeName, type WhatIfName } from './resolve-settings';
import { TrainingPlayground } from './training-playground';
import { SPEEDS, VIEWS, type Speed, type View } from './views/line-panel';

const defaults: ElementSettings = {
  scenario: 'line',
  oversample: false,
  augment: 'on',
  pretrained: 'on',
  stage: 'frozen',
  whatIf: 'on',
  backend: 'auto',
  controls: 'epochs max-lr',
  theme: 'light',
  view: 'data',
  speed: '1',
};
const all = { has: () => true };
const none = { has: () => false };
const bad = (values: Partial<Record<keyof ElementSettings, unknown>>) => ({ ...defaults, ...values }) as ElementSettings;

describe('resolveSettings', () => {
  it('resolves the defaults with nothing to say', () => {
    const { config, problems } = resolveSettings(defaults, null, all);
    expect(config).toMatchObject({ scenario: 'line', epochs: 100, maxLr: 0.1, optimizer: 'sgd' });
    expect(problems).toEqual([]);
  });

  it.each([
    [{ epochs: 5000 }, 'epochs', /^epochs: /],
    [{ maxLr: 50 }, 'maxLr', /^max-lr: /],
    [{ batchSize: 0 }, 'batchSize', /^batch-size: /],
    [{ hiddenLayers: 'wide' }, 'hiddenLayers', /^hidden: hidden "wide" must be layer widths/],
    [{ theme: 'neon' }, 'theme', /^theme: "neon" is not light, dark or auto; using light\.$/],
    [{ backend: 'tpu' }, 'backend', /^backend: "tpu" is not auto, webgpu or cpu; using auto\.$/],
    [{ whatIf: 'maybe' }, 'whatIf', /^what-if: "maybe" is not on or off; using on\.$/],
    [{ view: 'sideways' }, 'view', /^view: "sideways" is not data or parameters; using data\.$/],
    [{ speed: '9' }, 'speed', /^speed: "9" is not 1, 4 or instant; using 1\.$/],
    [{ controls: 'epochs bogus' }, 'controls', /^controls: bogus is not a control; ignored\.$/],
    [{ controls: 'bogus nope' }, 'controls', /^controls: bogus, nope are not a control; ignored\.$/],
    [{ scenario: 'digits', view: 'parameters' }, 'view', /^view: parameters draws line's two parameters \(a, b\); digits has more/],
  ])('replaces %o and says so once, as the attribute names it', (values, property, message) => {
    const { problems } = resolveSettings(bad(values), null, new Set([property]));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
  });

  it('says nothing of an attribute that did not change in this update', () => {
    expect(resolveSettings(bad({ epochs: 5000, theme: 'neon', controls: 'bogus' }), null, none).problems).toEqual([]);
  });

  it('takes a removed attribute (null) as the default, silently', () => {
    expect(resolveSettings(bad({ theme: null, backend: null, whatIf: null, view: null, speed: null }), null, all).problems).toEqual([]);
  });

  it('leaves the missing CSV of scenario="custom" to the loader, not to a notice', () => {
    const { config, problems } = resolveSettings(bad({ scenario: 'custom' }), null, all);
    expect(config.scenario).toBe('custom');
    expect(config.data).toBeUndefined();
    expect(problems).toEqual([]);
  });

  it('uses auto for an unknown backend and light for an unknown theme', () => {
    expect(backendChoice('tpu' as never)).toBe('auto');
    expect(backendChoice('cpu')).toBe('cpu');
    expect(effectiveTheme('neon' as never, true)).toBe('light');
    expect(effectiveTheme('auto', true)).toBe('dark');
    expect(effectiveTheme('auto', false)).toBe('light');
    expect(effectiveTheme('dark', false)).toBe('dark');
  });
});

describe('the settings table and the element', () => {
  // Lit's rule: an unset attribute option (or true) is the property's name in lower case; false, no attribute.
  const declared = [...TrainingPlayground.elementProperties]
    .filter(([, options]) => options.attribute !== false && !options.state)
    .map(([property, options]) => ({ property: String(property), options, attribute: typeof options.attribute === 'string' ? options.attribute : String(property).toLowerCase() }));

  it("declares every row's attribute on the property the row names, and no attribute without a row", () => {
    expect(declared.map(({ property, attribute }) => ({ property, attribute }))).toEqual(SETTINGS.map(({ property, attribute }) => ({ property, attribute })));
  });

  it('converts each attribute as its row reads it (numbers as numbers, booleans by presence) and starts at its default', () => {
    const element = new TrainingPlayground() as unknown as Record<string, unknown>;
    for (const { property, options } of declared) {
      const setting = SETTINGS.find((s) => s.property === property)!;
      // Lit reads an attribute as a string when told no type (`@property()` says String).
      const type = setting.kind.type === 'number' || setting.kind.type === 'integer' ? Number : setting.kind.type === 'boolean' ? Boolean : String;
      expect(options.type ?? String, property).toBe(type);
      // An unset property takes its default where it is used (the scenario's, or the config's).
      if (element[property] !== undefined && setting.default !== null) expect(element[property], property).toEqual(setting.default);
    }
  });

  it("lists the words line's picture knows for view and speed, and retrains on the properties it did before the table", () => {
    expect(SETTINGS.find((s) => s.property === 'view')!.kind).toEqual({ type: 'enum', values: VIEWS });
    expect(SETTINGS.find((s) => s.property === 'speed')!.kind).toEqual({ type: 'enum', values: SPEEDS });
    // The element's types for these attributes name the same words (checked by tsc).
    type Words<P> = Extract<Setting, { property: P; kind: { type: 'enum' } }>['kind']['values'][number];
    expectTypeOf<Words<'theme'>>().toEqualTypeOf<ThemeName>();
    expectTypeOf<Words<'whatIf'>>().toEqualTypeOf<WhatIfName>();
    expectTypeOf<Words<'backend'>>().toEqualTypeOf<BackendChoice>();
    expectTypeOf<Words<'view'>>().toEqualTypeOf<View>();
    expectTypeOf<Words<'speed'>>().toEqualTypeOf<Speed>();
    expect([...TRAINING_PROPERTIES].sort()).toEqual(
      [
        'scenario', 'epochs', 'maxLr', 'optimizer', 'schedule', 'batchSize', 'trainSize', 'hiddenLayers', 'imbalance', 'oversample', 'seed', 'seeds', 'whatIf',
        'noise', 'activation', 'regularization', 'regRate', 'features', 'model', 'augment', 'pretrained', 'stage',
      ].sort(),
    );
  });
});
