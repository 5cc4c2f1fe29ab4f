import { type ChangeWords } from './diagnosis-messages';
import type { Diagnosis, DiagnosisCode, EpochStats, Language, RunConfig, StopReason, WhatIf } from './types';
/** A change counts when the what-if's final valid loss is at most this fraction of the run's. */
export declare const HELPS_BELOW = 0.75;
/** The same as a gain (run ÷ what-if): 1 / 0.75. */
export declare const HELPFUL_GAIN: number;
/** "Too few epochs" is tested with this many times the epochs. */
export declare const MORE_EPOCHS = 3;
export interface WhatIfPlan {
    code: DiagnosisCode;
    change: Partial<RunConfig>;
}
/** The what-if runs that test each piece of advice for this run, in the order they are trained. */
export declare function planWhatIfs(config: RunConfig, history: EpochStats[], stopReason: StopReason, availableTrainRows: number): WhatIfPlan[];
/** A what-if's record from its run: final valid loss (Infinity when it diverged) and gain. */
export declare function whatIfResult(plan: WhatIfPlan, history: EpochStats[], stopReason: StopReason, mainFinal: number): WhatIf;
/** The main run's final validation loss; Infinity when it diverged. */
export declare function finalValidLoss(history: EpochStats[], stopReason: StopReason): number;
/**
 * The second round: a learner who saw max_lr 10× smaller or larger help at all keeps moving
 * the slider, to 100×. (A diverged run already tried 100× smaller in the first round.)
 */
export declare function followUpWhatIfs(config: RunConfig, whatIfs: WhatIf[]): WhatIfPlan[];
/** The change in words, and as a short label for its ghost curve. */
export declare function changeWords(change: Partial<RunConfig>, config: RunConfig): ChangeWords;
/** A what-if's short name, for its ghost curve: "max_lr ÷10", "3× epochs". */
export declare function whatIfLabel(whatIf: WhatIf, config: RunConfig, lang: Language): string;
/** A what-if's change in words: "max_lr 10× smaller (0.01)". */
export declare function whatIfChange(whatIf: WhatIf, config: RunConfig, lang: Language): string;
/** The what-if a final diagnosis rests on (its advice, followed): null for 'ok' and provisional ones. */
export declare function advisedWhatIf(diagnosis: Diagnosis, stopReason: StopReason): WhatIf | null;
/** The code the what-ifs support, and the what-if that is its evidence. */
export declare function verdict(stopReason: StopReason, whatIfs: WhatIf[]): {
    code: DiagnosisCode;
    evidence: WhatIf | null;
};
/** The final diagnosis from the main run and its what-ifs, with the evidence in its message. */
export declare function judgeWhatIfs(config: RunConfig, history: EpochStats[], stopReason: StopReason, whatIfs: WhatIf[], lang?: Language): Diagnosis;
