/**
 * The engine as the UI sees it: the one module src/ui imports from the engine and train/
 * (the element, its controllers, views and charts; the demo page). The package's entry,
 * src/engine.ts, publishes a part of it. Imported as './index': './' alone
 * names that entry, the file beside this folder.
 *
 * @example
 * const engine = await createEngine({ backend: 'cpu' });
 * const { diagnosis } = await engine.train({ scenario: 'line', epochs: 30 });
 * console.log(diagnosis.message, formatLr(0.003));
 */
export { createEngine, engineResources, type EngineResources } from './create-engine';
export { MAX_SURFACE_POINTS, type BackendChoice, type Engine, type EngineOptions, type TrainOptions, type ValidationRows } from './api';
export { defaultConfig, LIMITS, resolveConfig, type ConfigWarning } from '../train/config';
export { LR_STOPS, PER_SCENARIO, REG_RATE_STOPS, SETTINGS, settingOf, type Setting, type SettingProperty } from '../train/settings/table';
export type { SettingControl, SettingKind, SettingRecord } from '../train/settings/record';
export { SCENARIOS, scenarioOf, takesPhotos } from '../train/scenarios/table';
export type { ScenarioRecord } from '../train/scenarios/record';
export { parseCsv, CsvError } from '../train/data/csv';
export { diagnose } from '../train/diagnosis/diagnosis';
export { advisedWhatIf, whatIfChange, whatIfLabel } from '../train/diagnosis/what-if';
export { whatIfConfig } from '../train/diagnosis/what-if-plan';
export { formatLoss, formatLr } from '../train/format';
export type * from '../train/types';
export { gridPoint, isDeviceLost, type SurfaceGrid } from '../backend';
export { leastSquaresLine, parameterPath } from '../train/model/parameter-path';
export { LINE_TRUE_PARAMS } from '../train/data/device-data';
export { scheduleTable } from '../train/schedule/schedule';
export { groupMaxLrs } from '../train/model/layer-groups';
export { decodeModel, encodeModel, ModelFileError } from '../train/model/model-file';
export { inputWidth } from '../train/model/predict';
export { checkPhotoSet, photoSetMessage, photoSetProblem, photoSplit, PHOTO_SIZE, MAX_PHOTO_CLASSES, MIN_PHOTOS_PER_CLASS, PhotoSetError, type PhotoSetProblem } from '../train/data/photo-set';
