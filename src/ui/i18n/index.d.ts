/**
 * The element's languages. `lang` resolves to the nearest `lang` in the page, pt-BR for any
 * Portuguese, else English.
 *
 * @example
 * strings(resolveLanguage('pt')).epochs;  // "Épocas"
 */
import type { Language } from '../../train/types';
import { type Strings } from './en';
export type { Strings };
export declare function resolveLanguage(lang: string | null | undefined): Language;
export declare function strings(lang: Language): Strings;
