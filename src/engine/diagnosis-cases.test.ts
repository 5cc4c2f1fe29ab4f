import { describe, expect, it } from 'vitest';
import { createEngine } from './create-engine';
import type { RunConfig } from '../train/types';
import { advisedWhatIf } from '../train/diagnosis/what-if';

/**
 * The runs issue 26 found confusing, as a learner saw them, and what the screen says now.
 */
describe('the diagnosis of the runs that once read wrong, on the CPU backend', async () => {
  const engine = await createEngine({ backend: 'cpu' });

  it('does not call a line that learnt nothing healthy: max_lr 1e-5 is too low, as the notes\' rule says, and ×1000 shows it', async () => {
    const config: Partial<RunConfig> = { scenario: 'line', epochs: 30, maxLr: 1e-5, optimizer: 'sgd', schedule: 'one-cycle', seed: 3 };
    const result = await engine.train(config);
    const last = result.history.at(-1)!;
    // Train loss above valid loss: the rule says LR too low or too few epochs, and so does the verdict.
    expect(last.trainLoss).toBeGreaterThan(last.validLoss);
    expect(result.diagnosis.code).toBe('lr-too-low');
    expect(result.diagnosis.message).toMatch(/^Learning rate too low: with max_lr 1000× larger \(0\.01\) the validation loss ends at 1\.2\d? instead of 7\.91\.$/);
    const pt = await engine.train(config, { lang: 'pt-BR' });
    expect(pt.diagnosis.message).toMatch(/^Taxa de aprendizado muito baixa: com max_lr 1000× maior \(0,01\) a perda na validação termina em 1,2\d? em vez de 7,91\.$/);
    // Following the advice, as a learner would: the validation loss falls by far more than 25 %.
    const advice = advisedWhatIf(result.diagnosis)!;
    const followed = await engine.train({ ...config, ...advice.change }, { whatIf: false });
    expect(followed.history.at(-1)!.validLoss).toBeLessThan(0.75 * last.validLoss);
  });

  it('explains the lesson-2 line\'s train loss above its valid loss, from the training set evaluated with the final weights', async () => {
    const config: Partial<RunConfig> = { scenario: 'line', schedule: 'constant', maxLr: 0.1, epochs: 100, seed: 1 };
    const result = await engine.train(config);
    expect(result.diagnosis.code).toBe('ok');
    expect(result.finalTrainEvalLoss).toBeGreaterThan(1.05 * result.history.at(-1)!.validLoss);
    expect(result.diagnosis.message).toContain(
      'Train loss (0.0838) is above valid loss (0.077), which usually means the LR is too low or the epochs too few, but max_lr 10× larger and 3× the epochs were tried and none lowered the validation loss by 25 %: here the gap comes from the split: with the final weights the whole training set\'s loss is still 0.0838, so these training rows are simply harder than the validation rows.',
    );
    const pt = await engine.train(config, { lang: 'pt-BR' });
    expect(pt.diagnosis.message).toContain('A perda no treino (0,0838) está acima da perda na validação (0,077)');
  });

  it('does not call imbalanced cancer data healthy beside a failing malignant class, and tries oversampling', async () => {
    const result = await engine.train({ scenario: 'cancer', imbalance: 8, seed: 1 });
    const last = result.history.at(-1)!;
    expect(last.classErrorRates![0]!).toBeGreaterThan(2 * last.errorRate!);
    expect(result.diagnosis.code).toBe('more-data');
    const oversampled = result.diagnosis.evidence.find((w) => w.change.oversample)!;
    expect(result.diagnosis.evidence[result.diagnosis.cited!]).toBe(oversampled);
    expect(result.diagnosis.message).toMatch(/^More data helps: class “malignant” has 26\.8\u00a0% validation error against 9\.6\u00a0% overall\. With oversampling \(copying the rows you have\) that class's error is [\d.]+\u00a0% and the validation loss ends at [\d.]+ instead of 0\.223\.$/);
    const pt = await engine.train({ scenario: 'cancer', imbalance: 8, seed: 1 }, { lang: 'pt-BR' });
    expect(pt.diagnosis.message).toMatch(/^Mais dados ajudam: a classe “maligno” tem 26,8\u00a0% de erro na validação, contra 9,6\u00a0% no total\./);
  });

  it('tests lr_find\'s suggestion as one more what-if, and says where it lost', async () => {
    const config: Partial<RunConfig> = { scenario: 'cancer', seed: 1 };
    const { suggestion } = await engine.lrFind(config);
    const result = await engine.train(config, { lrFindSuggestion: suggestion });
    const found = result.diagnosis.evidence.filter((w) => w.source === 'lr-find');
    expect(found).toHaveLength(1);
    expect(found[0]!.change.maxLr).toBe(Number(suggestion.toPrecision(2)));
    if (result.diagnosis.cited === undefined || result.diagnosis.evidence[result.diagnosis.cited] !== found[0]) {
      expect(result.diagnosis.message).toMatch(/lr_find's suggestion, [\d.e-]+, ends at [\d.]+\./);
    }
    const wins = await engine.train({ scenario: 'line', epochs: 30, maxLr: 1e-5, seed: 3 }, { lrFindSuggestion: 0.35 });
    expect(wins.diagnosis.code).toBe('lr-too-low');
    expect(wins.diagnosis.message).toMatch(/^Learning rate too low: with max_lr 0\.35 \(lr_find's suggestion\)/);
  });
});
