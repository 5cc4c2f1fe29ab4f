/** Every string the element shows, in Brazilian Portuguese, with the learner's own words. */
import type { Strings } from './en';
export declare const ptBR: Strings;
