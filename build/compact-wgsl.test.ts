import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compactWgslText } from './compact-wgsl';

describe('compactWgslText', () => {
  it('drops comments, indentation and blank lines and keeps the code', () => {
    const source = '// header\n\n/** doc */\nfn f(x: f32) -> f32 { // trailing\n    return x * 2.0; /* inline */\n}\n';
    expect(compactWgslText(source)).toBe('fn f(x: f32) -> f32 {\nreturn x * 2.0;\n}');
  });

  it('leaves every shader with the same tokens once comments are gone', () => {
    let [before, after] = [0, 0];
    for (const name of readdirSync('shaders')) {
      const source = readFileSync(`shaders/${name}`, 'utf8');
      const tokens = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/\/\/.*$/gm, '').split(/\s+/).filter(Boolean);
      const compact = compactWgslText(source);
      expect(tokens(compact), name).toEqual(tokens(source));
      [before, after] = [before + source.length, after + compact.length];
    }
    expect(after).toBeLessThan(before * 0.75);
  });

  it('refuses nested block comments rather than cut one in half', () => {
    expect(() => compactWgslText('/* a /* b */ c */ fn f() {}')).toThrow(/nested/);
  });
});
