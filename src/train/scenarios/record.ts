/**
 * What a scenario is, as one record of the scenario table (table.ts): where its rows come
 * from, its settings before the learner moves any, its model, and what the element shows for
 * it. Code that differs by scenario reads these fields, never the scenario's name; the fields
 * name kinds (a data source, a model, a picture) that the code below them implements once.
 * Records are plain data, so the element's bundle carries the table without the loaders.
 */
import type { BuiltinScenario } from '../data/builtin-sets';
import type { PlanarScenario, RunConfig, Scenario, ScenarioPreview } from '../types';

/** Where a scenario's rows come from, and whether its features are standardized before training. */
export type ScenarioData =
  /** Drawn on the device from the seed (device-data.ts): noisy points about lesson 2's line. */
  | { readonly source: 'line' }
  /** A data set that ships beside the bundle (data/builtin-sets.ts), by its name there: a table, or photos. */
  | { readonly source: 'builtin'; readonly set: BuiltinScenario; readonly standardize: boolean }
  /** One of TensorFlow Playground's shapes, drawn on the host from the seed (data/planar.ts). */
  | { readonly source: 'planar'; readonly shape: PlanarScenario; readonly standardize: boolean }
  /**
   * The learner's own data (RunConfig.data): a table (a CSV given as `src`, or a Dataset), or
   * photos they added (an image set the element's photo board makes, data/photos.ts).
   */
  | { readonly source: 'custom'; readonly standardize: boolean; readonly rows: 'table' | 'photos' };

/** A scenario's own defaults; config.ts gives every other setting its common default. */
export type ScenarioDefaults = Readonly<Pick<RunConfig, 'epochs' | 'maxLr' | 'optimizer' | 'batchSize' | 'trainSize'>> & {
  readonly hidden: readonly number[];
};

/** The element's `view` attribute: the data, or line's two parameters (their loss surface and path). */
export type ScenarioView = 'data' | 'parameters';

export interface ScenarioRecord<S extends Scenario = Scenario> {
  /** The `scenario` attribute's value; the UI's strings name it as `scenarioNames[id]`. */
  readonly id: S;
  readonly data: ScenarioData;
  readonly defaults: ScenarioDefaults;
  /**
   * The model: 'line' is lesson 2's y = a·x + b, two weights without bias from the notebook's
   * (-1, 1) (trainer.ts), its (a, b) recorded every epoch, batched in the fused linear kernel
   * where it can be, and continued rather than retrained for a longer what-if; 'mlp' is a
   * perceptron of `hidden` layers, each model from its own seed; a CNN (model/cnn.ts) is a
   * photo classifier (RunConfig.model picks which), its runs trained one at a time.
   */
  readonly model: 'line' | 'mlp' | 'cnn';
  /**
   * Points in the plane, [-6, 6]²: the run's features are made from (x1, x2) on the device
   * (RunConfig.features), and its decision boundary is drawn as it trains.
   */
  readonly planar: boolean;
  /** The picture the engine previews (ScenarioPreview's kind) and the element draws. */
  readonly preview: ScenarioPreview['kind'];
  /** The `view` values that draw something of this scenario's own. */
  readonly views: readonly ScenarioView[];
  /**
   * The loss chart draws the validation error rate beside the losses (a custom table's chart
   * does whenever the table is a classification). The planar picture gives its own.
   */
  readonly chartsErrorRate: boolean;
  /** The UI strings (ui/i18n) that name the data's classes in the page's language; null: the data's own names. */
  readonly classNames: 'cancerClasses' | null;
}
