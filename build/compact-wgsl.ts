/**
 * A Vite plugin that ships the WGSL shaders without their comments and indentation: they are
 * a third of the engine's source text and say nothing to the GPU. It applies in every mode,
 * tests included, so the kernel checks run on exactly the text that ships.
 *
 * @example
 * plugins: [compactWgsl()] // then `import matmul from '../../shaders/matmul.wgsl?raw'` is compact
 */
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

/** WGSL without comments, indentation and blank lines; its lines otherwise as written. */
export function compactWgslText(source: string): string {
  // WGSL has no string literals, so "//" and "/*" always open comments. Ours never nest block comments.
  const withoutBlocks = source.replace(/\/\*[\s\S]*?\*\//g, (comment) => {
    if (comment.slice(2).includes('/*')) throw new Error('compact-wgsl: nested block comments are not handled');
    return ' ';
  });
  return withoutBlocks
    .split('\n')
    .map((line) => line.replace(/\/\/.*$/, '').trim())
    .filter((line) => line !== '')
    .join('\n');
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
