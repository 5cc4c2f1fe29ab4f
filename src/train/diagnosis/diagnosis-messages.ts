/**
 * What the diagnosis says, in English and in Brazilian Portuguese with the learner's own
 * words from the lesson-2 notes (taxa de aprendizado, épocas, perda no treino / na validação).
 * Provisional messages name the sign on the chart they rest on; final ones name the change a
 * what-if run tested and the validation loss it reached.
 */
import type { DiagnosisCode, Language } from '../types';

/** Which sign a provisional message rests on. */
export type ProvisionalReason =
  | 'no-epochs'
  | 'diverged'
  | 'loss-grew'
  | 'valid-very-large'
  | 'jumped-then-stuck'
  | 'valid-rose'
  | 'valid-rose-early'
  | 'train-above-valid'
  | 'barely-moved'
  | 'still-improving'
  | 'solved'
  | 'falling';

export interface ProvisionalFacts {
  bestEpoch: number;
  maxLr: string;
  /** The two numbers the sign compares (for 'diverged', `from` is the epoch). */
  from: string;
  to: string;
  running: boolean;
}

export interface FinalFacts {
  bestEpoch: number;
  /** The change the what-if tested, in words: "max_lr 10× smaller (0.01)". */
  change: string | null;
  whatIfLoss: string;
  mainLoss: string;
  /** Every change tried ended with a higher validation loss than the run's: the best is only the closest. */
  allHigher: boolean;
  divergedAt: number | null;
  /** Every validation point classified right, confidently (diagnosis.ts, `solved`): no what-if was worth training. */
  solved: boolean;
}

/** A what-if's change, for messages and for its ghost curve's label. */
export type ChangeWords =
  | { kind: 'lr-smaller' | 'lr-larger'; factor: number; value: string }
  | { kind: 'more-epochs'; factor: number; value: number }
  | { kind: 'fewer-epochs'; value: number; from: number }
  | { kind: 'more-rows'; value: number; from: number }
  /** lr_find's suggested max_lr (TrainOptions.lrFindSuggestion). */
  | { kind: 'lr-find'; value: string }
  | { kind: 'oversample' }
  /** The same run from scratch instead of from the pretrained body: what transfer learning buys (a comparison, never advice). */
  | { kind: 'from-scratch' };

interface Catalog {
  provisional: (reason: ProvisionalReason, f: ProvisionalFacts) => string;
  final: (code: DiagnosisCode, f: FinalFacts) => string;
  change: (c: ChangeWords) => string;
  label: (c: ChangeWords) => string;
}

function enProvisional(reason: ProvisionalReason, f: ProvisionalFacts): string {
  const so = f.running ? 'So far' : 'From the curves alone';
  switch (reason) {
    case 'no-epochs':
      return `${so}: no epoch has finished yet.`;
    case 'diverged':
      return `Learning rate too high: the loss blew up to infinity in epoch ${f.from} and training stopped. Try a max_lr about 10× smaller than ${f.maxLr}.`;
    case 'loss-grew':
      return `${so}: the learning rate looks too high: the training loss rose from ${f.from} to ${f.to} and stayed up.`;
    case 'valid-very-large':
      return `${so}: the learning rate looks too high: the validation loss ${f.to} is over 3× the loss training started from (${f.from}).`;
    case 'jumped-then-stuck':
      return `${so}: the learning rate looks too high: the training loss jumped to ${f.from} and came back only to ${f.to}, about where it started: the steps threw the model off and it stopped learning.`;
    case 'valid-rose':
      return `${so}: too many epochs, it seems: the validation loss was lowest at epoch ${f.bestEpoch} (${f.from}), then rose to ${f.to} while the training loss kept falling.`;
    case 'valid-rose-early':
      return `${so}: too many epochs, it seems: the validation loss was lowest early, at epoch ${f.bestEpoch} (${f.from}), then rose to ${f.to} while the training loss kept falling. On so small a training set, more data may help too.`;
    case 'train-above-valid':
      return `${so}: the model under-fits: the training loss ${f.from} is still above the validation loss ${f.to}. More epochs or a larger max_lr may help.`;
    case 'barely-moved':
      return `${so}: the model under-fits: the training loss barely moved, from ${f.from} to ${f.to}. More epochs or a larger max_lr may help.`;
    case 'still-improving':
      return `${so}: the model under-fits: the validation loss was still falling, from ${f.from} to ${f.to} over the last third of the run. More epochs or a larger max_lr may help.`;
    case 'solved':
      return `${so}: every validation point is classified right, and confidently (validation loss ${f.to}): nothing left to fix.`;
    case 'falling':
      return f.running
        ? `${so}: the losses are falling (validation loss ${f.to}).`
        : `${so}: the loss fell and the validation loss followed it (${f.to}, lowest at epoch ${f.bestEpoch}).`;
  }
}

function enFinal(code: DiagnosisCode, f: FinalFacts): string {
  const evidence = `with ${f.change} the validation loss ends at ${f.whatIfLoss} instead of ${f.mainLoss}`;
  switch (code) {
    case 'lr-too-high':
      if (f.divergedAt !== null) {
        return f.change
          ? `Learning rate too high: the loss blew up to infinity in epoch ${f.divergedAt} and training stopped. With ${f.change} the validation loss ends at ${f.whatIfLoss}.`
          : `Learning rate too high: the loss blew up to infinity in epoch ${f.divergedAt} and training stopped, and it blew up with a 100× smaller max_lr too. Try a much smaller max_lr.`;
      }
      return `Learning rate too high: ${evidence}.`;
    case 'lr-too-low':
      return `Learning rate too low: ${evidence}.`;
    case 'too-few-epochs':
      return `Too few epochs: ${evidence}.`;
    case 'too-many-epochs':
      return `Too many epochs: the validation loss was lowest at epoch ${f.bestEpoch}; ${evidence}.`;
    case 'more-data':
      return `More data helps: ${evidence}.`;
    case 'ok':
      if (f.solved) return `Training looks healthy: every validation point is classified right, and confidently (validation loss ${f.mainLoss}); no change could make that visibly better.`;
      if (!f.change) return `Training looks healthy: the validation loss ends at ${f.mainLoss}.`;
      return f.allHigher
        ? `Training looks healthy: every change tried ended with a higher validation loss than this run's ${f.mainLoss}; the closest, ${f.change}, ends at ${f.whatIfLoss}.`
        : `Training looks healthy: no change tried lowered the validation loss (${f.mainLoss}) by 25 % or more; the best, ${f.change}, ends at ${f.whatIfLoss}.`;
  }
}

const enChange: Pick<Catalog, 'change' | 'label'> = {
  change(c) {
    switch (c.kind) {
      case 'lr-smaller':
        return `max_lr ${c.factor}× smaller (${c.value})`;
      case 'lr-larger':
        return `max_lr ${c.factor}× larger (${c.value})`;
      case 'more-epochs':
        return `${c.factor}× the epochs (${c.value})`;
      case 'fewer-epochs':
        return `${c.value} ${c.value === 1 ? 'epoch' : 'epochs'} instead of ${c.from}`;
      case 'more-rows':
        return `all ${c.value} training rows instead of ${c.from}`;
      case 'lr-find':
        return `max_lr ${c.value} (lr_find's suggestion)`;
      case 'oversample':
        return 'oversampling (copying the rows you have)';
      case 'from-scratch':
        return 'training from scratch instead of from the pretrained body';
    }
  },
  label(c) {
    switch (c.kind) {
      case 'lr-smaller':
        return `max_lr ÷${c.factor}`;
      case 'lr-larger':
        return `max_lr ×${c.factor}`;
      case 'more-epochs':
        return `${c.factor}× epochs`;
      case 'fewer-epochs':
        return `${c.value} ${c.value === 1 ? 'epoch' : 'epochs'}`;
      case 'more-rows':
        return `${c.value} rows`;
      case 'lr-find':
        return `lr_find ${c.value}`;
      case 'oversample':
        return 'oversample';
      case 'from-scratch':
        return 'from scratch';
    }
  },
};

function ptBRProvisional(reason: ProvisionalReason, f: ProvisionalFacts): string {
  const so = f.running ? 'Até agora' : 'Só pelas curvas';
  switch (reason) {
    case 'no-epochs':
      return `${so}: nenhuma época terminou ainda.`;
    case 'diverged':
      return `Taxa de aprendizado muito alta: a perda explodiu para o infinito na época ${f.from} e o treino parou. Tente um max_lr umas 10× menor que ${f.maxLr}.`;
    case 'loss-grew':
      return `${so}: a taxa de aprendizado parece alta demais: a perda no treino subiu de ${f.from} para ${f.to} e não voltou.`;
    case 'valid-very-large':
      return `${so}: a taxa de aprendizado parece alta demais: a perda na validação ${f.to} passa de 3× a perda inicial (${f.from}).`;
    case 'jumped-then-stuck':
      return `${so}: a taxa de aprendizado parece alta demais: a perda no treino saltou para ${f.from} e só voltou a ${f.to}, perto de onde começou: os passos desajustaram o modelo e ele parou de aprender.`;
    case 'valid-rose':
      return `${so}: parecem épocas demais: a perda na validação foi mínima na época ${f.bestEpoch} (${f.from}) e depois subiu para ${f.to} enquanto a perda no treino continuava caindo.`;
    case 'valid-rose-early':
      return `${so}: parecem épocas demais: a perda na validação foi mínima cedo, na época ${f.bestEpoch} (${f.from}), e depois subiu para ${f.to} enquanto a perda no treino continuava caindo. Com tão poucos dados de treino, mais dados também podem ajudar.`;
    case 'train-above-valid':
      return `${so}: o modelo está subajustado: a perda no treino ${f.from} ainda está acima da perda na validação ${f.to}. Mais épocas ou um max_lr maior podem ajudar.`;
    case 'barely-moved':
      return `${so}: o modelo está subajustado: a perda no treino quase não mudou, de ${f.from} para ${f.to}. Mais épocas ou um max_lr maior podem ajudar.`;
    case 'still-improving':
      return `${so}: o modelo está subajustado: a perda na validação ainda caía, de ${f.from} para ${f.to} no último terço do treino. Mais épocas ou um max_lr maior podem ajudar.`;
    case 'solved':
      return `${so}: todo ponto da validação é classificado certo, e com confiança (perda na validação ${f.to}): não há o que corrigir.`;
    case 'falling':
      return f.running
        ? `${so}: as perdas estão caindo (perda na validação ${f.to}).`
        : `${so}: a perda caiu e a perda na validação acompanhou (${f.to}, mínima na época ${f.bestEpoch}).`;
  }
}

function ptBRFinal(code: DiagnosisCode, f: FinalFacts): string {
  const evidence = `com ${f.change} a perda na validação termina em ${f.whatIfLoss} em vez de ${f.mainLoss}`;
  switch (code) {
    case 'lr-too-high':
      if (f.divergedAt !== null) {
        return f.change
          ? `Taxa de aprendizado muito alta: a perda explodiu para o infinito na época ${f.divergedAt} e o treino parou. Com ${f.change} a perda na validação termina em ${f.whatIfLoss}.`
          : `Taxa de aprendizado muito alta: a perda explodiu para o infinito na época ${f.divergedAt} e o treino parou, e explodiu também com um max_lr 100× menor. Tente um max_lr bem menor.`;
      }
      return `Taxa de aprendizado muito alta: ${evidence}.`;
    case 'lr-too-low':
      return `Taxa de aprendizado muito baixa: ${evidence}.`;
    case 'too-few-epochs':
      return `Poucas épocas: ${evidence}.`;
    case 'too-many-epochs':
      return `Épocas demais: a perda na validação foi mínima na época ${f.bestEpoch}; ${evidence}.`;
    case 'more-data':
      return `Mais dados ajudam: ${evidence}.`;
    case 'ok':
      if (f.solved) return `O treino parece saudável: todo ponto da validação é classificado certo, e com confiança (perda na validação ${f.mainLoss}); nenhuma mudança poderia melhorar isso de forma visível.`;
      if (!f.change) return `O treino parece saudável: a perda na validação termina em ${f.mainLoss}.`;
      return f.allHigher
        ? `O treino parece saudável: toda mudança testada terminou com a perda na validação maior que a deste treino, ${f.mainLoss}; a mais próxima, ${f.change}, termina em ${f.whatIfLoss}.`
        : `O treino parece saudável: nenhuma mudança testada baixou a perda na validação (${f.mainLoss}) em 25 % ou mais; a melhor, ${f.change}, termina em ${f.whatIfLoss}.`;
  }
}

const ptBRChange: Pick<Catalog, 'change' | 'label'> = {
  change(c) {
    switch (c.kind) {
      case 'lr-smaller':
        return `max_lr ${c.factor}× menor (${c.value})`;
      case 'lr-larger':
        return `max_lr ${c.factor}× maior (${c.value})`;
      case 'more-epochs':
        return `${c.factor}× as épocas (${c.value})`;
      case 'fewer-epochs':
        return `${c.value} ${c.value === 1 ? 'época' : 'épocas'} em vez de ${c.from}`;
      case 'more-rows':
        return `todas as ${c.value} linhas de treino em vez de ${c.from}`;
      case 'lr-find':
        return `max_lr ${c.value} (sugestão do lr_find)`;
      case 'oversample':
        return 'sobreamostragem (copiar os dados que você tem)';
      case 'from-scratch':
        return 'treinar do zero em vez de partir do corpo pré-treinado';
    }
  },
  label(c) {
    switch (c.kind) {
      case 'lr-smaller':
        return `max_lr ÷${c.factor}`;
      case 'lr-larger':
        return `max_lr ×${c.factor}`;
      case 'more-epochs':
        return `${c.factor}× épocas`;
      case 'fewer-epochs':
        return `${c.value} ${c.value === 1 ? 'época' : 'épocas'}`;
      case 'more-rows':
        return `${c.value} linhas`;
      case 'lr-find':
        return `lr_find ${c.value}`;
      case 'oversample':
        return 'sobreamostragem';
      case 'from-scratch':
        return 'do zero';
    }
  },
};

// Three tables, not one: the element needs the live messages and the change words, never the
// final verdicts' texts (the engine writes those), and a bundler drops a table no one imports.
export const PROVISIONAL_MESSAGES: Record<Language, Catalog['provisional']> = { en: enProvisional, 'pt-BR': ptBRProvisional };

export const FINAL_MESSAGES: Record<Language, Catalog['final']> = { en: enFinal, 'pt-BR': ptBRFinal };

export const CHANGE_MESSAGES: Record<Language, Pick<Catalog, 'change' | 'label'>> = { en: enChange, 'pt-BR': ptBRChange };
