import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../config';
import { judgeWhatIfs, type JudgedRun } from './final-diagnosis';
import type { EpochStats, RunConfig, WhatIf } from '../types';
import { advisedWhatIf } from './what-if';

function epochs(pairs: [number, number][], extra: Partial<EpochStats> = {}): EpochStats[] {
  return pairs.map(([trainLoss, validLoss], i) => ({ epoch: i + 1, trainLoss, validLoss, errorRate: null, lr: 1e-3, elapsedMs: i, stepLosses: [trainLoss], ...extra }));
}

/** A what-if ending at `loss`, the main run ending at `main`. */
function whatIf(code: WhatIf['code'], change: Partial<RunConfig>, loss: number, main: number, extra: Partial<WhatIf> = {}): WhatIf {
  return { code, change, finalValidLoss: loss, gain: loss === Infinity ? 0 : main / loss, history: epochs([[1, loss]]), ...extra };
}

const line = (partial: Partial<RunConfig> = {}) => resolveConfig({ scenario: 'line', ...partial }).config;
/** A run that learnt: 8 → 0.1, valid 0.08 at the end (train below valid unless given). */
const learnt = (last: [number, number] = [0.07, 0.08]) => epochs([[8, 7], [0.5, 0.4], last]);

function judge(run: Partial<JudgedRun> & Pick<JudgedRun, 'whatIfs'>, lang: 'en' | 'pt-BR' = 'en') {
  return judgeWhatIfs({ config: line(), history: learnt(), stopReason: 'done', ...run }, lang);
}

describe('the final diagnosis', () => {
  it('recommends the smallest change within 10 % of the best gain, and cites it', () => {
    const nearly = [whatIf('lr-too-low', { maxLr: 1 }, 0.04, 0.08), whatIf('lr-too-low', { maxLr: 10 }, 0.038, 0.08)];
    const a = judge({ whatIfs: nearly });
    expect(a.code).toBe('lr-too-low');
    expect(a.cited).toBe(0);
    expect(a.message).toBe('Learning rate too low: with max_lr 10× larger (1) the validation loss ends at 0.04 instead of 0.08.');
    expect(advisedWhatIf(a)).toBe(nearly[0]);
    // ×100 gains far more than 10 % over ×10: it is the advice.
    const farther = [whatIf('lr-too-low', { maxLr: 1 }, 0.05, 0.08), whatIf('lr-too-low', { maxLr: 10 }, 0.03, 0.08)];
    expect(judge({ whatIfs: farther }).cited).toBe(1);
    // 3× the epochs before 10×, and before a 100× rate that gains a little more.
    const epochsFirst = [whatIf('lr-too-low', { maxLr: 10 }, 0.039, 0.08), whatIf('too-few-epochs', { epochs: 1000 }, 0.0395, 0.08), whatIf('too-few-epochs', { epochs: 300 }, 0.04, 0.08)];
    const c = judge({ whatIfs: epochsFirst });
    expect(c.code).toBe('too-few-epochs');
    expect(c.cited).toBe(2);
  });

  it('is never healthy while a class fails: it names the class, its error against the overall, and what oversampling did', () => {
    const config = resolveConfig({ scenario: 'cancer', imbalance: 8 }).config;
    const history = epochs([[0.7, 0.6], [0.1, 0.223]], { errorRate: 0.0965, classErrorRates: [0.268, 0] });
    const oversampled = whatIf('more-data', { oversample: true }, 0.2, 0.223, { history: epochs([[0.5, 0.2]], { errorRate: 0.05, classErrorRates: [0.122, 0] }) });
    const whatIfs = [whatIf('lr-too-low', { maxLr: 0.03 }, 0.33, 0.223), oversampled];
    const run = { config, history, whatIfs, classNames: ['malignant', 'benign'] };
    const en = judge(run);
    expect(en.code).toBe('more-data');
    expect(en.cited).toBe(1);
    expect(en.message).toBe(
      'More data may help: class “malignant” has 26.8\u00a0% validation error against 9.7\u00a0% overall. With oversampling (copying the rows you have) that class\'s error is 12.2\u00a0% and the validation loss ends at 0.2 instead of 0.223.',
    );
    const pt = judge(run, 'pt-BR');
    expect(pt.message).toBe(
      'Mais dados podem ajudar: a classe “maligno” tem 26,8\u00a0% de erro na validação, contra 9,7\u00a0% no total. Com sobreamostragem (copiar os dados que você tem) o erro dessa classe é 12,2\u00a0% e a perda na validação termina em 0,2 em vez de 0,223.',
    );
    // Oversampling that helps by 25 % is the advice, said the same way.
    const helps = judge({ ...run, whatIfs: [whatIf('more-data', { oversample: true }, 0.05, 0.223, { history: oversampled.history })] });
    expect(helps.message).toMatch(/^More data helps: class “malignant” has 26\.8\u00a0%/);
    // Oversampling that made the loss and the class worse is evidence, not advice: no "Try it".
    const worse = whatIf('more-data', { oversample: true }, 0.25, 0.223, { history: epochs([[0.5, 0.25]], { errorRate: 0.1, classErrorRates: [0.3, 0] }) });
    const notAdvised = judge({ ...run, whatIfs: [worse] });
    expect(notAdvised.code).toBe('more-data');
    expect(notAdvised.cited).toBeUndefined();
    expect(advisedWhatIf(notAdvised)).toBeNull();
    expect(notAdvised.message).toMatch(/the validation loss ends at 0\.25 instead of 0\.223: copying the rows you have does not help here, new rows of that class may\.$/);
    // Under another verdict the class is still named.
    const other = judge({ ...run, whatIfs: [whatIf('too-few-epochs', { epochs: 60 }, 0.1, 0.223)] });
    expect(other.code).toBe('too-few-epochs');
    expect(other.message).toContain('Class “malignant” still fails: 26.8\u00a0% validation error against 9.7\u00a0% overall.');
  });

  it('says plainly that a run did not learn, and what was tried, rather than "healthy"', () => {
    const history = epochs([[0.693, 0.694], [0.692, 0.693], [0.691, 0.692]]);
    const whatIfs = [
      whatIf('lr-too-high', { maxLr: 0.01 }, 0.693, 0.692),
      whatIf('lr-too-low', { maxLr: 1 }, 0.69, 0.692),
      whatIf('too-few-epochs', { epochs: 300 }, 0.691, 0.692),
      whatIf('lr-too-low', { maxLr: 10 }, Infinity, 0.692),
      whatIf('too-few-epochs', { epochs: 1000 }, 0.691, 0.692),
    ];
    const en = judge({ history, whatIfs });
    expect(en.code).toBe('ok');
    expect(en.stuck).toBe(true);
    expect(en.message).not.toMatch(/healthy/);
    expect(en.message).toBe(
      'The run did not learn: the training loss was 0.693 before training and 0.691 at the end (validation loss 0.692), and none of the changes tried (max_lr ÷10; max_lr ×10 and ×100; 3× and 10× the epochs) lowered the validation loss by 25 %; the closest, max_lr 10× larger (1), ends at 0.69. None of these gets it learning: it may need far more steps than that (more epochs, smaller batches), or a model that can fit these data (layers, features, activation).',
    );
    expect(judge({ history, whatIfs }, 'pt-BR').message).toMatch(/^O treino não aprendeu: a perda no treino era 0,693 antes do treino e 0,691 no fim/);
  });

  it('says where lr_find\'s suggestion lost, with its number, and names it where it won', () => {
    const lost = judge({ whatIfs: [whatIf('lr-too-low', { maxLr: 1 }, 0.04, 0.08), whatIf('lr-too-high', { maxLr: 0.03 }, 0.31, 0.08, { source: 'lr-find' })] });
    expect(lost.message).toBe("Learning rate too low: with max_lr 10× larger (1) the validation loss ends at 0.04 instead of 0.08. lr_find's suggestion, 0.03, ends at 0.31.");
    const won = judge({ whatIfs: [whatIf('lr-too-low', { maxLr: 1 }, 0.05, 0.08), whatIf('lr-too-low', { maxLr: 0.3 }, 0.04, 0.08, { source: 'lr-find' })] });
    expect(won.cited).toBe(1);
    expect(won.message).toBe("Learning rate too low: with max_lr 0.3 (lr_find's suggestion) the validation loss ends at 0.04 instead of 0.08.");
    const pt = judge({ whatIfs: [whatIf('lr-too-low', { maxLr: 1 }, 0.04, 0.08), whatIf('lr-too-high', { maxLr: 0.03 }, 0.31, 0.08, { source: 'lr-find' })] }, 'pt-BR');
    expect(pt.message).toContain('A sugestão do lr_find, 0,03, termina em 0,31.');
  });

  describe('with train loss above valid loss and a verdict other than the rule\'s', () => {
    // The lesson-2 line: train 0.0838, valid 0.077, nothing helps by 25 %.
    const history = learnt([0.0838, 0.077]);
    const whatIfs = [
      whatIf('lr-too-high', { maxLr: 0.01 }, 1.29, 0.077),
      whatIf('lr-too-low', { maxLr: 1 }, 2.3, 0.077),
      whatIf('too-few-epochs', { epochs: 300 }, 0.0771, 0.077),
      whatIf('too-many-epochs', { epochs: 62 }, 0.0763, 0.077),
    ];
    const config = line({ schedule: 'constant' });

    it('says why the rule does not apply: the training rows are harder, measured with the final weights', () => {
      const d = judge({ config, history, whatIfs, trainSet: { loss: 0.0838 } });
      expect(d.code).toBe('ok');
      expect(d.message).toContain(
        'Train loss (0.0838) is above valid loss (0.077), which usually means the LR is too low or the epochs too few, but max_lr 10× larger and 3× the epochs were tried and none lowered the validation loss by 25 %: here the gap comes from the split: with the final weights the whole training set\'s loss is still 0.0838, so these training rows are simply harder than the validation rows.',
      );
      const pt = judge({ config, history, whatIfs, trainSet: { loss: 0.0838 } }, 'pt-BR');
      expect(pt.message).toContain(
        'A perda no treino (0,0838) está acima da perda na validação (0,077), o que costuma indicar taxa de aprendizado baixa demais ou poucas épocas, mas max_lr 10× maior e 3× as épocas foram testados e nenhum baixou a perda na validação em 25 %: aqui a diferença vem da divisão dos dados',
      );
      expect(pt.message).not.toMatch(/\d\.\d/);
    });

    it('says the gap comes from averaging over an epoch whose weights still improved, when the final weights close it', () => {
      const d = judge({ config, history, whatIfs, trainSet: { loss: 0.075 } });
      expect(d.message).toMatch(/here the gap comes from how the train loss is taken, a mean of the epoch's mini-batch losses while the weights were still improving; with the final weights the whole training set's loss is 0\.075, no higher than the valid loss\.$/);
    });

    it('says the gap comes from the training mix where imbalance or oversampling changes it, and the validation mix closes it', () => {
      const cancer = resolveConfig({ scenario: 'cancer', imbalance: 4, oversample: true }).config;
      const d = judge({ config: cancer, history, whatIfs, trainSet: { loss: 0.09, validMixLoss: 0.07 } });
      expect(d.message).toMatch(/here the gap comes from the training mix: oversampling copies rows of the smaller class, so the classes weigh otherwise than in validation; weighted as there, the training loss with the final weights is 0\.07\.$/);
      // The same numbers without a changed mix: the rows are harder.
      expect(judge({ config, history, whatIfs, trainSet: { loss: 0.09, validMixLoss: 0.07 } }).message).toMatch(/simply harder/);
    });

    it('says nothing of the rule when the verdict is the rule\'s own, and says which of its changes helps otherwise', () => {
      const fewer = judge({ config, history, whatIfs: [whatIf('too-few-epochs', { epochs: 300 }, 0.05, 0.077)], trainSet: { loss: 0.0838 } });
      expect(fewer.code).toBe('too-few-epochs');
      expect(fewer.message).not.toMatch(/Train loss \(/);
      const both = judge({ config, history, whatIfs: [whatIf('too-many-epochs', { epochs: 62 }, 0.03, 0.077), whatIf('lr-too-low', { maxLr: 1 }, 0.05, 0.077)], trainSet: { loss: 0.0838 } });
      expect(both.code).toBe('too-many-epochs');
      expect(both.message).toMatch(/Train loss \(0\.0838\) is above valid loss \(0\.077\), which usually means the LR is too low or the epochs too few, and max_lr 10× larger \(1\) helps too \(validation loss 0\.05\)\.$/);
    });
  });
});
