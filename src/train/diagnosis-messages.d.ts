/**
 * What the diagnosis says, in English and in Brazilian Portuguese with the learner's own
 * words from the lesson-2 notes (taxa de aprendizado, épocas, perda no treino / na validação).
 * Provisional messages name the sign on the chart they rest on; final ones name the change a
 * what-if run tested and the validation loss it reached.
 */
import type { DiagnosisCode, Language } from './types';
/** Which sign a provisional message rests on. */
export type ProvisionalReason = 'no-epochs' | 'diverged' | 'loss-grew' | 'valid-very-large' | 'valid-rose' | 'valid-rose-early' | 'train-above-valid' | 'barely-moved' | 'still-improving' | 'falling';
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
}
/** A what-if's change, for messages and for its ghost curve's label. */
export type ChangeWords = {
    kind: 'lr-smaller' | 'lr-larger';
    factor: number;
    value: string;
} | {
    kind: 'more-epochs';
    factor: number;
    value: number;
} | {
    kind: 'fewer-epochs';
    value: number;
    from: number;
} | {
    kind: 'more-rows';
    value: number;
    from: number;
};
interface Catalog {
    provisional: (reason: ProvisionalReason, f: ProvisionalFacts) => string;
    final: (code: DiagnosisCode, f: FinalFacts) => string;
    change: (c: ChangeWords) => string;
    label: (c: ChangeWords) => string;
}
export declare const DIAGNOSIS_MESSAGES: Record<Language, Catalog>;
export declare const PROVISIONAL_MESSAGES: Record<Language, Catalog['provisional']>;
export {};
