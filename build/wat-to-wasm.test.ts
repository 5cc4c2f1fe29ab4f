import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assembleWat, fuseMultiplyAdds } from './wat-to-wasm';

describe('the WebAssembly kernels, assembled', () => {
  const text = readFileSync('wasm/matmul.wat', 'utf8');

  it('fuses every multiply-add of the 4 × 8 block, and nothing else', () => {
    const fused = fuseMultiplyAdds(text);
    expect(fused.match(/\(f32x4\.relaxed_madd/g)).toHaveLength(8);
    expect(fused).not.toMatch(/\(f32x4\.mul/);
    expect(fused.replace(/\(f32x4\.relaxed_madd[^\n]*/g, '')).toBe(text.replace(/\(f32x4\.add \(local\.get \$c\d\d\)[^\n]*/g, ''));
  });

  it('refuses text with nothing to fuse, rather than build a "fused" binary that is not', () => {
    expect(() => fuseMultiplyAdds('(module)')).toThrow(/no multiply-add/);
  });

  it('assembles both builds into modules under the 4 KB a page may compile at once', async () => {
    for (const source of [text, fuseMultiplyAdds(text)]) {
      const binary = await assembleWat('matmul.wat', source);
      expect(binary.length).toBeLessThan(4096);
      expect(binary.slice(0, 4)).toEqual(new Uint8Array([0, 0x61, 0x73, 0x6d]));
    }
  });
});
