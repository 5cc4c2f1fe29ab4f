/**
 * fastai's lr_find plot: smoothed loss against learning rate on a log axis, with the
 * suggestion marked.
 *
 * @example
 * html`${lrFindView(found, 'Loss against learning rate', 'suggestion: 3e-2')}`
 */
import { type TemplateResult } from 'lit';
import type { LrFindResult } from '../../train/engine';
export declare function lrFindView(found: LrFindResult, label: string, suggestionText: string): TemplateResult;
