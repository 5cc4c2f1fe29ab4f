/**
 * A Vite plugin that ships the WGSL shaders without their comments and the whitespace the
 * GPU does not need: they are a third of the engine's source text. It applies in every mode,
 * tests included, so the kernel checks run on exactly the text that ships.
 *
 * @example
 * plugins: [compactWgsl()] // then `import matmul from '../../shaders/matmul.wgsl?raw'` is compact
 */
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

/** WGSL's tokens, roughly but enough to compare two texts: words, numbers, two-character operators, single characters. */
export function wgslTokens(source: string): string[] {
  return source.match(/[A-Za-z_][A-Za-z0-9_]*|\d[\w.]*|->|<=|>=|==|!=|&&|\|\||<<|>>|\+\+|--|\+=|-=|\*=|\/=|\S/g) ?? [];
}

const WORD = /[A-Za-z0-9_.]/;

/**
 * WGSL without comments and with one space only where two words or two operators meet (a
 * space between `-` and `-` keeps `a - -b` from becoming a decrement). WGSL has no string
 * literals, so "//" and "/*" always open comments; ours never nest block comments.
 */
export function compactWgslText(source: string): string {
  const withoutComments = source
    .replace(/\/\*[\s\S]*?\*\//g, (comment) => {
      if (comment.slice(2).includes('/*')) throw new Error('compact-wgsl: nested block comments are not handled');
      return ' ';
    })
    .replace(/\/\/.*$/gm, '');
  const parts = withoutComments.split(/\s+/).filter((part) => part !== '');
  return parts.reduce((text, part) => {
    const [before, after] = [text.at(-1) ?? '', part[0]!];
    const bothWords = WORD.test(before) && WORD.test(after);
    const bothOperators = /[-+*/%<>=!&|^~]/.test(before) && /[-+*/%<>=!&|^~]/.test(after);
    return text + (text !== '' && (bothWords || bothOperators) ? ' ' : '') + part;
  }, '');
}

export function compactWgsl(): Plugin {
  return {
    name: 'compact-wgsl',
    enforce: 'pre',
    load(id) {
      const [file, query] = id.split('?');
      if (!file.endsWith('.wgsl') || query !== 'raw') return null;
      this.addWatchFile(file);
      return `export default ${JSON.stringify(compactWgslText(readFileSync(file, 'utf8')))};`;
    },
  };
}
