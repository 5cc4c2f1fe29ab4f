/**
 * The fastai v1 code that trains as the playground just did, a call a line (part `code`). A
 * photo model's lines are lesson 2's: the learner (`cnn_learner`, pretrained unless the
 * learner said otherwise), its stage (`learn.unfreeze()`; a learner starts frozen), then the
 * fit, its max_lr a slice where the learner gave one or fine-tunes with one number. An unfrozen run that went on from the
 * frozen one (RunResult.start 'frozen-stage') shows that fit first, as the notebook runs it.
 *
 * @example
 * import { defaultConfig } from '../train/config';
 * fastaiCode({ ...defaultConfig('fashion'), stage: 'unfrozen', epochs: 2, maxLr: 1e-4, bodyLr: 1e-6 }, 'frozen-stage', defaultConfig('fashion'));
 * // learn = cnn_learner(data, cnn_small, metrics=error_rate)
 * // learn.fit_one_cycle(4, max_lr=3e-3)
 * // learn.unfreeze()
 * // learn.fit_one_cycle(2, max_lr=slice(1e-6,1e-4))
 */
import { formatLr } from '../train/format';
import { slicesOneRate } from '../train/model/layer-groups';
import { scenarioOf } from '../train/scenarios/table';
import type { NetworkStart, RunConfig } from '../train/types';

type FitSettings = Pick<RunConfig, 'epochs' | 'maxLr' | 'schedule'> & Partial<Pick<RunConfig, 'bodyLr' | 'scenario' | 'stage' | 'pretrained'>>;

/**
 * The fit call alone: `learn.fit_one_cycle(8, max_lr=3e-3)`, `learn.fit(100, lr=0.1)`,
 * `max_lr=slice(1e-6,1e-4)` for a slice and `slice(1e-3)` for one number while fine-tuning
 * (what the engine trains: layer-groups.ts); Python's decimal point in every language.
 */
export function fastaiCall(config: FitSettings): string {
  const hi = formatLr(config.maxLr);
  const slice = config.bodyLr !== undefined && config.bodyLr < config.maxLr ? `slice(${formatLr(config.bodyLr)},${hi})` : null;
  const rate = slice ?? (slicesOneRate(config) ? `slice(${hi})` : hi);
  return config.schedule === 'one-cycle' ? `learn.fit_one_cycle(${config.epochs}, max_lr=${rate})` : `learn.fit(${config.epochs}, lr=${rate})`;
}

/** Every line, for a run of `config` that started at `start`, after the frozen run `frozen`'s fit when it went on from one. */
export function fastaiCode(config: RunConfig, start?: NetworkStart, frozen?: FitSettings | null): string {
  const fit = fastaiCall(config);
  if (scenarioOf(config).model !== 'cnn') return fit;
  const arch = config.model.replace('-', '_');
  const learner = `learn = cnn_learner(data, ${arch}, metrics=error_rate${config.pretrained === 'off' ? ', pretrained=False' : ''})`;
  if (config.stage === 'frozen') return [learner, fit].join('\n');
  return [learner, ...(start === 'frozen-stage' && frozen ? [fastaiCall(frozen)] : []), 'learn.unfreeze()', fit].join('\n');
}
