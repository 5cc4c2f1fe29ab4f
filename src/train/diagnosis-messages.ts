/**
 * What each diagnosis says, in English and in Brazilian Portuguese with the learner's own
 * words from the lesson-2 notes (taxa de aprendizado, épocas, perda no treino / na validação).
 */
import type { DiagnosisCode, Language } from './types';

export interface MessageFacts {
  bestEpoch: number;
  maxLr: string;
  suggestion: string | null;
  divergedAt: number | null;
}

type Catalog = Record<DiagnosisCode, (f: MessageFacts) => string>;

const en: Catalog = {
  ok: (f) => `Training looks healthy: the loss fell and the validation loss followed it (lowest at epoch ${f.bestEpoch}).`,
  'lr-too-high': (f) =>
    f.divergedAt !== null
      ? `Learning rate too high: the loss blew up to infinity in epoch ${f.divergedAt} and training stopped. Try a max_lr about 10× smaller than ${f.maxLr}.`
      : `Learning rate too high: the loss jumps around or grows instead of falling. Try a max_lr about 10× smaller than ${f.maxLr}${f.suggestion ? ` (the LR finder suggests ${f.suggestion})` : ''}.`,
  'lr-too-low': (f) =>
    `Learning rate too low: the loss falls far too slowly${f.suggestion ? `; max_lr ${f.maxLr} is far below the ${f.suggestion} the LR finder suggests` : ''}. Raise max_lr.`,
  'too-few-epochs': () =>
    'Too few epochs: the training loss is still above the validation loss, so the model has more to learn. Train for more epochs.',
  'too-many-epochs': (f) =>
    `Too many epochs: the validation loss was lowest at epoch ${f.bestEpoch}, then rose while the training loss kept falling: the model is memorising the training set. Train for about ${f.bestEpoch} epochs.`,
  'more-data': (f) =>
    `More data may help: even at a sensible learning rate the model over-fits early (validation loss lowest at epoch ${f.bestEpoch}, far above the training loss). Use more training rows.`,
};

const ptBR: Catalog = {
  ok: (f) => `O treino parece saudável: a perda caiu e a perda na validação acompanhou (mínima na época ${f.bestEpoch}).`,
  'lr-too-high': (f) =>
    f.divergedAt !== null
      ? `Taxa de aprendizado muito alta: a perda explodiu para o infinito na época ${f.divergedAt} e o treino parou. Tente um max_lr umas 10× menor que ${f.maxLr}.`
      : `Taxa de aprendizado muito alta: a perda oscila ou cresce em vez de cair. Tente um max_lr umas 10× menor que ${f.maxLr}${f.suggestion ? ` (o lr_find sugere ${f.suggestion})` : ''}.`,
  'lr-too-low': (f) =>
    `Taxa de aprendizado muito baixa: a perda cai devagar demais${f.suggestion ? `; o max_lr ${f.maxLr} está bem abaixo do ${f.suggestion} sugerido pelo lr_find` : ''}. Aumente o max_lr.`,
  'too-few-epochs': () =>
    'Poucas épocas: a perda no treino ainda está acima da perda na validação, então o modelo ainda tem o que aprender. Treine por mais épocas.',
  'too-many-epochs': (f) =>
    `Épocas demais: a perda na validação foi mínima na época ${f.bestEpoch} e depois subiu enquanto a perda no treino continuava caindo: o modelo está decorando o conjunto de treino. Treine por cerca de ${f.bestEpoch} épocas.`,
  'more-data': (f) =>
    `Mais dados podem ajudar: mesmo com uma taxa de aprendizado razoável o modelo se ajusta demais cedo (perda na validação mínima na época ${f.bestEpoch}, bem acima da perda no treino). Use mais dados de treino.`,
};

export const DIAGNOSIS_MESSAGES: Record<Language, Catalog> = { en, 'pt-BR': ptBR };
