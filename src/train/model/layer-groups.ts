/**
 * fastai's layer groups, freezing and discriminative learning rates, on our layer lists.
 *
 * The split (fastai v1 `cnn_learner`'s `split_on`, our blocks): an image model's body is cut
 * at each conv block, so cnn-small is group 0 = conv16–BN–ReLU–pool, group 1 =
 * conv32–BN–ReLU–pool (+ flatten), group 2 = the head (fc64–ReLU–fc10); cnn-tiny likewise:
 * group 0 = conv8 block, group 1 = conv16 block (+ global pool), group 2 = fc10. A model with
 * no conv layer (the MLP scenarios) is one group, and stage does not apply to it.
 *
 * The spread is fastai v1's `Learner.lr_range`: a slice [lo, hi] is geometric from lo to hi
 * over the groups (`even_mults`); a single number hi while fine-tuning (unfrozen from a
 * pretrained body) is `slice(hi)`, hi / 10 for every body group and hi for the head; a single
 * number while frozen trains the head at hi, and from scratch every group at hi (fastai's
 * `cnn_learner(pretrained=False)` freezes nothing). Frozen (`learn.freeze()`) keeps the body's weights, except its batch norms,
 * which keep training (`train_bn=True`). One-cycle is linear in max_lr, so a layer's schedule
 * is the main one (peaking at hi) times its scale, groupLr / hi: 0 for a frozen weight.
 *
 * @example
 * import { cnnBodyLength, cnnLayers } from './cnn';
 * const layers = cnnLayers('cnn-small', { channels: 1, height: 28, width: 28 }, 10);
 * const groups = layerGroups(layers, cnnBodyLength('cnn-small'));        // [0,0,0,0, 1,1,1,1,1, 2,2,2]
 * const lrs = lrRange([1e-6, 1e-4], 3);                                   // [1e-6, 1e-5, 1e-4]
 * const scales = layerLrScales(layers, groups, 'frozen', [1e-6, 1e-4]);   // conv 0, BN 0.01 / 0.1, head 1
 */
import { scenarioOf } from '../scenarios/table';
import type { RunConfig } from '../types';
import { cnnBodyLength, cnnLayers } from './cnn';
import type { Layer } from './layers';

/** The learner's stage: `learn.freeze()` (only the head and the body's batch norms train) or `learn.unfreeze()`. */
export type TrainingStage = 'frozen' | 'unfrozen';

/** max_lr as fastai takes it: one number, or a slice (lo, hi) written `[lo, hi]`. */
export type MaxLr = number | readonly [lo: number, hi: number];

/** The largest learning rate of a max_lr, the head's: the peak of the main schedule. */
export function headLr(maxLr: MaxLr): number {
  return typeof maxLr === 'number' ? maxLr : maxLr[1];
}

/**
 * The layer group of each layer: one per conv block of the body (`bodyLength` layers), then
 * the head; without a conv layer, everything is group 0.
 */
export function layerGroups(layers: readonly Layer[], bodyLength: number): number[] {
  if (!layers.some((l) => l.kind === 'conv2d')) return layers.map(() => 0);
  let convs = 0;
  const bodyGroups = layers.slice(0, bodyLength).map((l) => {
    if (l.kind === 'conv2d') convs++;
    return Math.max(0, convs - 1);
  });
  return [...bodyGroups, ...layers.slice(bodyLength).map(() => convs)];
}

/** fastai v1 `even_mults(start, stop, n)`: n numbers from start to stop, geometrically. */
export function evenMults(start: number, stop: number, n: number): number[] {
  if (n === 1) return [stop];
  const step = (stop / start) ** (1 / (n - 1));
  return Array.from({ length: n }, (_, i) => (i === n - 1 ? stop : start * step ** i));
}

/**
 * Each group's learning rate, fastai v1 `lr_range` (see the file's note): for `groups` groups,
 * the last the head.
 */
export function lrRange(maxLr: MaxLr, groups: number, stage: TrainingStage = 'unfrozen'): number[] {
  if (typeof maxLr !== 'number') return evenMults(maxLr[0], maxLr[1], groups);
  if (stage === 'frozen') return Array.from({ length: groups }, () => maxLr);
  return Array.from({ length: groups }, (_, g) => (g === groups - 1 ? maxLr : maxLr / 10));
}

/**
 * Each layer's learning-rate scale against the main schedule (which peaks at headLr(maxLr)):
 * its group's rate / the head's, and 0 for a frozen body's conv and linear weights. Layers
 * without parameters get 0 too (nothing reads it).
 */
export function layerLrScales(layers: readonly Layer[], groups: readonly number[], stage: TrainingStage, maxLr: MaxLr): number[] {
  const count = Math.max(...groups) + 1;
  const rates = lrRange(maxLr, count, stage);
  const hi = headLr(maxLr);
  return layers.map((layer, i) => {
    const group = groups[i]!;
    const head = group === count - 1;
    if (layer.kind === 'batchnorm') return rates[group]! / hi;
    if (layer.kind !== 'conv2d' && layer.kind !== 'linear') return 0;
    return head || stage === 'unfrozen' ? rates[group]! / hi : 0;
  });
}

/**
 * Whether one max-lr number means fastai's `slice(hi)` for this run: a photo model fine-tuned
 * unfrozen from its pretrained body, with no slice given.
 *
 * @example
 * import { defaultConfig } from '../config';
 * slicesOneRate({ ...defaultConfig('fashion'), stage: 'unfrozen' });                       // true
 * slicesOneRate({ ...defaultConfig('fashion'), stage: 'unfrozen', pretrained: 'off' });     // false
 */
export function slicesOneRate(config: Partial<Pick<RunConfig, 'scenario' | 'stage' | 'pretrained' | 'bodyLr'>>): boolean {
  const { scenario } = config;
  return Boolean(scenario) && scenarioOf(scenario!).model === 'cnn' && config.stage === 'unfrozen' && config.pretrained === 'on' && config.bodyLr === undefined;
}

/**
 * The max_lr a photo run's layer scales are spread from: the learner's slice [lo, hi] (lo = hi:
 * one rate everywhere), or the one number (slice(hi) while fine-tuning, see lrRange); null
 * where every layer trains at max-lr (unfrozen from scratch with one number, or a slice that a
 * what-if's lower max-lr turned upside down).
 */
export function stageMaxLr(config: Pick<RunConfig, 'scenario' | 'stage' | 'pretrained' | 'bodyLr' | 'maxLr'>): MaxLr | null {
  if (config.bodyLr !== undefined) return config.bodyLr <= config.maxLr ? [config.bodyLr, config.maxLr] : null;
  return config.stage === 'frozen' || slicesOneRate(config) ? config.maxLr : null;
}

/**
 * Each layer group's peak learning rate for a run, first group first, the head last, where
 * the groups train at different rates (a photo model unfrozen with a slice, or fine-tuned with
 * one number, slice(hi)): what the LR strip draws a curve for. Null where every trained layer
 * follows max-lr (frozen, one rate, an MLP).
 *
 * @example
 * import { defaultConfig } from '../config';
 * groupMaxLrs({ ...defaultConfig('fashion'), stage: 'unfrozen', maxLr: 1e-4, bodyLr: 1e-6 }); // [1e-6, 1e-5, 1e-4]
 * groupMaxLrs({ ...defaultConfig('fashion'), stage: 'unfrozen', maxLr: 1e-3 });              // [1e-4, 1e-4, 1e-3]
 */
export function groupMaxLrs(config: RunConfig): number[] | null {
  const maxLr = stageMaxLr(config);
  if (scenarioOf(config).model !== 'cnn' || config.stage !== 'unfrozen' || maxLr === null) return null;
  // The groups' count is the network's, whatever the photos' size.
  const layers = cnnLayers(config.model, { channels: 1, height: 8, width: 8 }, 2);
  const rates = lrRange(maxLr, Math.max(...layerGroups(layers, cnnBodyLength(config.model))) + 1);
  return rates.every((rate) => rate === rates[0]) ? null : rates;
}

/**
 * max_lr from an attribute or property: a number, or "lo,hi" (or [lo, hi]) for a slice. A
 * value it cannot read is an error a person can act on (config.ts turns it into a warning and
 * the default); lo = hi stays a slice, one rate for every group even while fine-tuning.
 */
export function parseMaxLr(value: unknown): { maxLr: MaxLr } | { error: string } {
  const parts = Array.isArray(value) ? value : typeof value === 'number' ? [value] : String(value).split(',').map((s) => s.trim());
  const numbers = parts.map((p) => (typeof p === 'number' ? p : p === '' ? Number.NaN : Number(p)));
  if (numbers.length < 1 || numbers.length > 2 || numbers.some((n) => !Number.isFinite(n))) {
    return { error: `max-lr "${String(value)}" must be a number or a slice "lo,hi" such as "1e-6,1e-4".` };
  }
  if (numbers.some((n) => n <= 0)) return { error: `max-lr "${String(value)}": learning rates must be above 0.` };
  if (numbers.length === 1) return { maxLr: numbers[0]! };
  const [lo, hi] = numbers as [number, number];
  if (lo > hi) {
    const [first, second] = parts.map((p) => String(p).trim());
    return { error: `max-lr "${String(value)}": a slice goes from the body's rate to the head's, so lo (${first}) must not exceed hi (${second}); try "${second},${first}".` };
  }
  return { maxLr: [lo, hi] };
}
