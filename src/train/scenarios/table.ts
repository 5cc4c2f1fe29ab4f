/**
 * The scenario table: one record per scenario (record.ts says what each field means). The
 * config resolver, the engine, the trainer and the element read a scenario's facts here; a
 * new scenario is a new record, plus the files of any new kind it names (a data set in
 * data/, a model), and its name in the UI's strings.
 *
 * @example
 * const { data, defaults, planar } = scenarioOf('spiral');
 * // data.source === 'planar', defaults.hidden is [8, 8, 8], planar is true
 * const pictures = SCENARIOS.map((id) => scenarioOf(id).preview); // 'line', 'digits', 'table', …
 */
import type { BuiltinScenario } from '../data/builtin-sets';
import type { PlanarScenario, RunConfig, Scenario } from '../types';
import type { ScenarioDefaults, ScenarioRecord } from './record';

/** Line's training rows by default, drawn on the device; its validation rows always (device-data.ts). */
export const LINE_ROWS = 100;
/** fastai's default learning rate (the notes: "Learning rate padrão = 0.003"). */
export const FASTAI_DEFAULT_LR = 3e-3;
/** The planar scenarios' default epochs. */
export const PLANAR_DEFAULT_EPOCHS = 100;

/** Every row there is: the largest integer, which the element shows as "all". */
const ALL = Number.MAX_SAFE_INTEGER;

/** The defaults of the scenarios that train on a table (digits, cancer, a learner's CSV): Adam at fastai's rate, batches of 64, one hidden layer of 128. */
const FASTAI_DEFAULTS: ScenarioDefaults = { epochs: 20, maxLr: FASTAI_DEFAULT_LR, optimizer: 'adam', batchSize: 64, trainSize: ALL, hidden: [128] };

const line: ScenarioRecord<'line'> = {
  id: 'line',
  data: { source: 'line' },
  // The notebook's: 100 epochs of plain SGD at 0.1 on the whole set at once.
  defaults: { epochs: 100, maxLr: 0.1, optimizer: 'sgd', batchSize: ALL, trainSize: LINE_ROWS, hidden: [] },
  model: 'line',
  planar: false,
  preview: 'line',
  views: ['data', 'parameters'],
  chartsErrorRate: false,
  classNames: null,
};

const digits: ScenarioRecord<'digits'> = {
  id: 'digits',
  // Pixels already in [0, 1].
  data: { source: 'builtin', set: 'digits', standardize: false },
  defaults: FASTAI_DEFAULTS,
  model: 'mlp',
  planar: false,
  preview: 'digits',
  views: ['data'],
  chartsErrorRate: true,
  classNames: null,
};

const cancer: ScenarioRecord<'cancer'> = {
  id: 'cancer',
  data: { source: 'builtin', set: 'cancer', standardize: true },
  defaults: FASTAI_DEFAULTS,
  model: 'mlp',
  planar: false,
  preview: 'table',
  views: ['data'],
  chartsErrorRate: true,
  // The data names its classes in English (malignant, benign); the page's language names them.
  classNames: 'cancerClasses',
};

const custom: ScenarioRecord<'custom'> = {
  id: 'custom',
  data: { source: 'custom', standardize: true, rows: 'table' },
  defaults: FASTAI_DEFAULTS,
  model: 'mlp',
  planar: false,
  preview: 'table',
  views: ['data'],
  chartsErrorRate: false,
  classNames: null,
};

/** What a photo classifier is, whoever's photos: a CNN, its photos previewed, its error rate charted. */
const PHOTO_CLASSIFIER = { model: 'cnn', planar: false, preview: 'digits', views: ['data'], chartsErrorRate: true, classNames: null } as const;

/**
 * Lesson 2's image classifier on Fashion-MNIST photos: fastai's fit_one_cycle(4) at its
 * default rate with batches of 64, the shipped test photos its validation set.
 */
const fashion: ScenarioRecord<'fashion'> = {
  id: 'fashion',
  // Pixels already in [0, 1]; a photo is not standardised pixel by pixel.
  data: { source: 'builtin', set: 'fashion', standardize: false },
  defaults: { epochs: 4, maxLr: FASTAI_DEFAULT_LR, optimizer: 'adam', batchSize: 64, trainSize: ALL, hidden: [] },
  ...PHOTO_CLASSIFIER,
};

/**
 * Lesson 2's "create your own dataset": the learner's photos, 2–10 classes, each made the
 * shipped bodies' 28 × 28 grey on the page; fashion's network from its pretrained body, with a
 * head for the learner's classes. Twenty photos a class make one or two batches of 16 an
 * epoch, so it takes more epochs than fashion's four.
 */
const photos: ScenarioRecord<'photos'> = {
  id: 'photos',
  data: { source: 'custom', standardize: false, rows: 'photos' },
  defaults: { epochs: 12, maxLr: 1e-2, optimizer: 'adam', batchSize: 16, trainSize: ALL, hidden: [] },
  ...PHOTO_CLASSIFIER,
};

/**
 * One of TensorFlow Playground's four data sets. Its small nets and batches, trained as fastai
 * would (Adam, one-cycle): three layers of 8, small enough to draw unit by unit and enough for
 * the spiral to fall to 1 % validation error with seed 0 (0–5 % over seeds 0–7; engine/planar-spec.ts).
 */
function planar<S extends PlanarScenario>(shape: S): ScenarioRecord<S> {
  return {
    id: shape,
    // The points as they are: TensorFlow Playground's features are of the raw coordinates.
    data: { source: 'planar', shape, standardize: false },
    defaults: { epochs: PLANAR_DEFAULT_EPOCHS, maxLr: 0.03, optimizer: 'adam', batchSize: 16, trainSize: ALL, hidden: [8, 8, 8] },
    model: 'mlp',
    planar: true,
    preview: 'planar',
    views: ['data'],
    chartsErrorRate: false,
    classNames: null,
  };
}

/** Every scenario's record, in the order the scenario control lists them. */
const TABLE: { readonly [S in Scenario]: ScenarioRecord<S> } = {
  line,
  digits,
  cancer,
  custom,
  circle: planar('circle'),
  xor: planar('xor'),
  gauss: planar('gauss'),
  spiral: planar('spiral'),
  fashion,
  photos,
};

/** The scenarios, in the table's order. */
export const SCENARIOS: readonly Scenario[] = Object.values(TABLE).map((record) => record.id);

/** The scenarios whose points lie in the plane (TensorFlow Playground's four). */
export const PLANAR_SCENARIOS: readonly PlanarScenario[] = Object.values(TABLE).flatMap((record) => (record.data.source === 'planar' ? [record.data.shape] : []));

/**
 * Whether a scenario trains on the learner's own photos (its data an image set the page makes),
 * not a table. Takes the element's attribute as it is: a word that names no scenario takes none.
 */
export function takesPhotos(of: string | Pick<RunConfig, 'scenario'>): boolean {
  const name = typeof of === 'string' ? of : of.scenario;
  const data = isScenario(name) ? scenarioOf(name).data : null;
  return data?.source === 'custom' && data.rows === 'photos';
}

/** A scenario's record, by its name or by a config's. */
export function scenarioOf(of: Scenario | Pick<RunConfig, 'scenario'>): ScenarioRecord {
  return TABLE[typeof of === 'string' ? of : of.scenario];
}

/** Whether `name` is one of the table's scenarios. */
export function isScenario(name: unknown): name is Scenario {
  return (SCENARIOS as readonly unknown[]).includes(name);
}

/** The built-in data set a scenario named in an unresolved config trains on; null for none (or no scenario). */
export function builtinSet(name: unknown): BuiltinScenario | null {
  const data = isScenario(name) ? scenarioOf(name).data : null;
  return data?.source === 'builtin' ? data.set : null;
}
