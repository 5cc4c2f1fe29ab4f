import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compactWgslText } from '../../build/compact-wgsl';
import { SHADERS } from './shaders';

/** The names a WGSL text declares at module scope (functions, overrides, constants, structs, variables). */
function declared(source: string): string[] {
  return [...source.matchAll(/^\s*(?:@[^\n]*?\s)?(?:fn|override|const|struct|var(?:<[^>]*>)?)\s+(\w+)/gm)].map((match) => match[1]!);
}

describe('the shared WGSL prelude', () => {
  const prelude = readFileSync('shaders/prelude.wgsl', 'utf8');

  it('stands in front of every module', () => {
    for (const [name, code] of Object.entries(SHADERS)) expect(code.startsWith(compactWgslText(prelude)), name).toBe(true);
  });

  it('is the only place its names are declared: no kernel file keeps a copy', () => {
    const names = declared(prelude);
    expect(names).toEqual(expect.arrayContaining(['WORKGROUP_SIZE', 'flat_index', 'is_non_finite']));
    for (const file of readdirSync('shaders').filter((name) => name !== 'prelude.wgsl')) {
      const copies = declared(readFileSync(`shaders/${file}`, 'utf8')).filter((name) => names.includes(name));
      expect(copies, file).toEqual([]);
    }
  });
});
