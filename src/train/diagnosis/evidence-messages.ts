/**
 * The final message's sentences beyond its verdict, in English and Brazilian Portuguese with
 * the learner's words (taxa de aprendizado, épocas, perda no treino / na validação): a run
 * that did not learn, a class the model fails, lr_find's suggestion where it lost, and why
 * the notes' rule (train loss above valid loss: LR too low or too few epochs) does not apply
 * when the evidence says so. Numbers arrive formatted in the message's language.
 */
import type { GapCause } from './train-gap';
import type { Language } from '../types';

export interface DidNotLearnFacts {
  /** The training loss before training and at the end, and the final validation loss. */
  from: string;
  to: string;
  valid: string;
  /** Every change tried, as their short labels. */
  tried: string;
  /** The closest change and where it ended. */
  change: string | null;
  whatIfLoss: string;
}

export interface FailingFacts {
  /** "“malignant”" or "3". */
  className: string;
  error: string;
  overall: string;
  /** The run of the notes' advice (oversampling, or all the rows), and what it did. */
  tested: { change: string; classError: string | null; loss: string; mainLoss: string; didGood: boolean; oversampled: boolean } | null;
  /** Oversampling was already on: the advice left is more rows. */
  oversampling: boolean;
  /** The tested run lowered the validation loss by 25 % or more. */
  helps: boolean;
}

export interface RuleGapFacts {
  train: string;
  valid: string;
  /** The rule's advice tried, in words ("max_lr 10× and 100× larger and 3× the epochs"), or null when none could be. */
  tried: string | null;
  /** One of those that did help by 25 % (the verdict chose a smaller or better change): its words and loss. */
  helped: { change: string; loss: string } | null;
  cause: GapCause | null;
  /** The training set's loss with the final weights, and with the validation set's class mix. */
  evaluated: string;
  validMix: string;
  oversample: boolean;
}

export interface EvidenceCatalog {
  didNotLearn: (f: DidNotLearnFacts) => string;
  failing: (f: FailingFacts) => string;
  /** The class fails too, under another verdict. */
  failingToo: (f: Pick<FailingFacts, 'className' | 'error' | 'overall'>) => string;
  lrFindLost: (value: string, loss: string | null) => string;
  /** The from-scratch comparison of a pretrained photo run: its loss and error beside the run's. */
  fromScratch: (f: { loss: string; error: string; runLoss: string; runError: string }) => string;
  ruleGap: (f: RuleGapFacts) => string;
  /** "max_lr 10× and 100× larger", "3× and 10× the epochs", joined: what of the rule's advice was tried. */
  triedRule: (lrFactors: number[], epochFactors: number[]) => string | null;
  className: (name: string | null, index: number) => string;
  /** Every change tried, grouped: "max_lr ÷10 and ÷100; max_lr ×10; 3× and 10× the epochs; 8 epochs". */
  triedAll: (tried: TriedChanges) => string;
}

/** The changes a search tried, by kind: the factors of each ladder, then the rest by their labels. */
export interface TriedChanges {
  lrSmaller: number[];
  lrLarger: number[];
  moreEpochs: number[];
  others: string[];
}

const list = (items: string[], and: string) => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${and} ${items.at(-1)}`);
/** Learner's names of the built-in classes (the UI's own table is the views'). */
const PT_CLASS_NAMES: Record<string, string> = { malignant: 'maligno', benign: 'benigno' };

const en: EvidenceCatalog = {
  didNotLearn: (f) =>
    `The run did not learn: the training loss was ${f.from} before training and ${f.to} at the end (validation loss ${f.valid}), and none of the changes tried (${f.tried}) lowered the validation loss by 25 %` +
    `${f.change ? `; the closest, ${f.change}, ends at ${f.whatIfLoss}` : ''}. None of these gets it learning: it may need far more steps than that (more epochs, smaller batches), or a model that can fit these data (layers, features, activation).`,
  failing: (f) => {
    const head = `More data ${f.helps ? 'helps' : 'may help'}: class ${f.className} has ${f.error} validation error against ${f.overall} overall.`;
    if (!f.tested) return `${head} Oversampling is already on: more rows of that class may help.`;
    const error = f.tested.classError ? ` that class's error is ${f.tested.classError} and` : '';
    const short = f.tested.didGood || !f.tested.oversampled ? '' : ': copying the rows you have does not help here, new rows of that class may';
    return `${head} With ${f.tested.change}${error} the validation loss ends at ${f.tested.loss} instead of ${f.tested.mainLoss}${short}.`;
  },
  failingToo: (f) => `Class ${f.className} still fails: ${f.error} validation error against ${f.overall} overall.`,
  lrFindLost: (value, loss) => (loss === null ? `lr_find's suggestion, ${value}, blew up.` : `lr_find's suggestion, ${value}, ends at ${loss}.`),
  fromScratch: (f) => `What the pretrained body buys: the same run from scratch ends at validation loss ${f.loss} and ${f.error} error, against ${f.runLoss} and ${f.runError}.`,
  ruleGap(f) {
    const rule = `Train loss (${f.train}) is above valid loss (${f.valid}), which usually means the LR is too low or the epochs too few`;
    if (f.helped) return `${rule}, and ${f.helped.change} helps too (validation loss ${f.helped.loss}).`;
    const tried = f.tried ? `, but ${f.tried} were tried and none lowered the validation loss by 25 %` : '';
    const because = f.cause ? `: here the gap comes from ${enCause(f)}` : '';
    return `${rule}${tried}${because}.`;
  },
  triedRule(lrFactors, epochFactors) {
    const parts = [
      ...(lrFactors.length ? [`max_lr ${list(lrFactors.map((k) => `${k}×`), 'and')} larger`] : []),
      ...(epochFactors.length ? [`${list(epochFactors.map((k) => `${k}×`), 'and')} the epochs`] : []),
    ];
    return parts.length ? parts.join(' and ') : null;
  },
  className: (name, index) => (name ? `“${name}”` : String(index)),
  triedAll: (t) =>
    [
      ...(t.lrSmaller.length ? [`max_lr ${list(t.lrSmaller.map((k) => `÷${k}`), 'and')}`] : []),
      ...(t.lrLarger.length ? [`max_lr ${list(t.lrLarger.map((k) => `×${k}`), 'and')}`] : []),
      ...(t.moreEpochs.length ? [`${list(t.moreEpochs.map((k) => `${k}×`), 'and')} the epochs`] : []),
      ...t.others,
    ].join('; '),
};

function enCause(f: RuleGapFacts): string {
  switch (f.cause) {
    case 'averaging':
      return `how the train loss is taken, a mean of the epoch's mini-batch losses while the weights were still improving; with the final weights the whole training set's loss is ${f.evaluated}, no higher than the valid loss`;
    case 'class-mix':
      return `the training mix: ${f.oversample ? 'oversampling copies rows of the smaller class' : 'the imbalance keeps fewer rows of one class'}, so the classes weigh otherwise than in validation; weighted as there, the training loss with the final weights is ${f.validMix}`;
    default:
      return `the split: with the final weights the whole training set's loss is still ${f.evaluated}, so these training rows are simply harder than the validation rows`;
  }
}

const ptBR: EvidenceCatalog = {
  didNotLearn: (f) =>
    `O treino não aprendeu: a perda no treino era ${f.from} antes do treino e ${f.to} no fim (perda na validação ${f.valid}), e nenhuma das mudanças testadas (${f.tried}) baixou a perda na validação em 25 %` +
    `${f.change ? `; a mais próxima, ${f.change}, termina em ${f.whatIfLoss}` : ''}. Nenhuma delas o faz aprender: talvez precise de muito mais passos (mais épocas, lotes menores) ou de um modelo capaz de ajustar esses dados (camadas, features, ativação).`,
  failing: (f) => {
    const head = `Mais dados ${f.helps ? 'ajudam' : 'podem ajudar'}: a classe ${f.className} tem ${f.error} de erro na validação, contra ${f.overall} no total.`;
    if (!f.tested) return `${head} A sobreamostragem já está ligada: mais linhas dessa classe podem ajudar.`;
    const error = f.tested.classError ? ` o erro dessa classe é ${f.tested.classError} e` : '';
    const short = f.tested.didGood || !f.tested.oversampled ? '' : ': copiar os dados que você tem não basta aqui, novas linhas dessa classe talvez ajudem';
    return `${head} Com ${f.tested.change}${error} a perda na validação termina em ${f.tested.loss} em vez de ${f.tested.mainLoss}${short}.`;
  },
  failingToo: (f) => `A classe ${f.className} ainda falha: ${f.error} de erro na validação, contra ${f.overall} no total.`,
  lrFindLost: (value, loss) => (loss === null ? `A sugestão do lr_find, ${value}, explodiu.` : `A sugestão do lr_find, ${value}, termina em ${loss}.`),
  fromScratch: (f) => `O que o corpo pré-treinado rende: o mesmo treino do zero termina com perda na validação ${f.loss} e erro de ${f.error}, contra ${f.runLoss} e ${f.runError}.`,
  ruleGap(f) {
    const rule = `A perda no treino (${f.train}) está acima da perda na validação (${f.valid}), o que costuma indicar taxa de aprendizado baixa demais ou poucas épocas`;
    if (f.helped) return `${rule}, e ${f.helped.change} também ajuda (perda na validação ${f.helped.loss}).`;
    const tried = f.tried ? `, mas ${f.tried} foram testados e nenhum baixou a perda na validação em 25 %` : '';
    const because = f.cause ? `: aqui a diferença vem ${ptCause(f)}` : '';
    return `${rule}${tried}${because}.`;
  },
  triedRule(lrFactors, epochFactors) {
    const parts = [
      ...(lrFactors.length ? [`max_lr ${list(lrFactors.map((k) => `${k}×`), 'e')} maior`] : []),
      ...(epochFactors.length ? [`${list(epochFactors.map((k) => `${k}×`), 'e')} as épocas`] : []),
    ];
    return parts.length ? parts.join(' e ') : null;
  },
  className: (name, index) => (name ? `“${PT_CLASS_NAMES[name] ?? name}”` : String(index)),
  triedAll: (t) =>
    [
      ...(t.lrSmaller.length ? [`max_lr ${list(t.lrSmaller.map((k) => `÷${k}`), 'e')}`] : []),
      ...(t.lrLarger.length ? [`max_lr ${list(t.lrLarger.map((k) => `×${k}`), 'e')}`] : []),
      ...(t.moreEpochs.length ? [`${list(t.moreEpochs.map((k) => `${k}×`), 'e')} as épocas`] : []),
      ...t.others,
    ].join('; '),
};

function ptCause(f: RuleGapFacts): string {
  switch (f.cause) {
    case 'averaging':
      return `de como a perda no treino é tomada, a média das perdas dos mini-lotes da época enquanto os pesos ainda melhoravam; com os pesos finais a perda no conjunto de treino inteiro é ${f.evaluated}, não maior que a perda na validação`;
    case 'class-mix':
      return `da mistura do treino: ${f.oversample ? 'a sobreamostragem copia linhas da classe menor' : 'o desbalanceamento deixa menos linhas de uma classe'}, então as classes pesam de outro jeito que na validação; pesadas como lá, a perda no treino com os pesos finais é ${f.validMix}`;
    default:
      return `da divisão dos dados: com os pesos finais a perda no conjunto de treino inteiro ainda é ${f.evaluated}, então estas linhas de treino são simplesmente mais difíceis que as da validação`;
  }
}

export const EVIDENCE_MESSAGES: Record<Language, EvidenceCatalog> = { en, 'pt-BR': ptBR };
