import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compactWgslText, wgslTokens } from './compact-wgsl';

const withoutComments = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/\/\/.*$/gm, '');

describe('compactWgslText', () => {
  it('drops comments and the whitespace between punctuation, and keeps what separates tokens', () => {
    const source = '// header\n\n/** doc */\nfn f(x: f32) -> f32 { // trailing\n    let y = x - -1.0; /* inline */\n    return y * 2.0;\n}\n';
    expect(compactWgslText(source)).toBe('fn f(x:f32)->f32{let y=x- -1.0;return y*2.0;}');
  });

  it('leaves every shader the same tokens once comments are gone, in under 60 % of the text', () => {
    let [before, after] = [0, 0];
    for (const name of readdirSync('shaders')) {
      const source = readFileSync(`shaders/${name}`, 'utf8');
      const compact = compactWgslText(source);
      expect(wgslTokens(compact), name).toEqual(wgslTokens(withoutComments(source)));
      [before, after] = [before + source.length, after + compact.length];
    }
    expect(after).toBeLessThan(before * 0.6);
  });

  it('refuses nested block comments rather than cut one in half', () => {
    expect(() => compactWgslText('/* a /* b */ c */ fn f() {}')).toThrow(/nested/);
  });
});
