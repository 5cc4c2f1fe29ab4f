/**
 * The element's languages. `lang` resolves to the nearest `lang` in the page, pt-BR for any
 * Portuguese, else English.
 *
 * @example
 * strings(resolveLanguage('pt')).epochs;  // "Épocas"
 */
import type { Language } from '../../train/types';
import { en, type Strings } from './en';
import { ptBR } from './pt-BR';

export type { Strings };

export function resolveLanguage(lang: string | null | undefined): Language {
  return lang && /^pt\b/i.test(lang) ? 'pt-BR' : 'en';
}

export function strings(lang: Language): Strings {
  return lang === 'pt-BR' ? ptBR : (en as unknown as Strings);
}
